"""The search index of public texts on SQLite: an FTS5 table that holds only the texts the
public may read (PostgreSQL searches the texts themselves with its own full-text search)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

CREATE = ("CREATE VIRTUAL TABLE IF NOT EXISTS press_search USING fts5("
          "text_id UNINDEXED, language UNINDEXED, title, lead, body, "
          "tokenize = 'unicode61 remove_diacritics 2')")


def create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS press_search")


class Migration(migrations.Migration):
    dependencies = [("press", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
