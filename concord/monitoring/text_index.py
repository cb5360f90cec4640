# ruff: noqa: S608 -- every name put into the SQL here is a constant of this module
"""The index behind the incidents' text filter (`q`, a part of the place's name or of the
narrative, case aside): without it every incident of the period is read, narrative included.

On SQLite an FTS5 table of trigrams over the location and the narrative, with the incident
table as its content: the rows holding every trigram of the text, Unicode case folded, are those
that may hold the text. The index keeps no positions (`detail=none`): a fifth of the size, and
half the time to index a row (100,000 generated incidents: 4.1 s against 8.5 s, 7.6 MB against
38 MB), for a search as fast. The triggers below keep it in step with every write to the
incident table, and are a database guard (`concord guards repair` puts them back and rebuilds
the index). On PostgreSQL, pg_trgm's GIN indexes on the upper-cased columns, which serve the
filter's own `LIKE` with no help from here (migration 0013 makes them).

The index only narrows the rows the filter reads: the filter itself stays what it was, so a
search finds exactly what it found without the index.
"""

from __future__ import annotations

from typing import Any

from django.db import connection as default_connection
from django.db import transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

from concord.core.guards import Guard

TABLE = "monitoring_incident_text"
INCIDENTS = "monitoring_incident"
# A trigram index finds nothing for fewer than three characters.
SHORTEST = 3


def install_statements(vendor: str) -> list[str]:
    if vendor != "sqlite":
        return []

    def row(values: str) -> str:
        return f"INSERT INTO {TABLE} ({TABLE}, rowid, location, narrative) VALUES ({values})"

    add = f"INSERT INTO {TABLE} (rowid, location, narrative) VALUES (NEW.id, NEW.location, " \
          "NEW.narrative)"
    take = row("'delete', OLD.id, OLD.location, OLD.narrative")
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(location, narrative, "
        f"content='{INCIDENTS}', content_rowid='id', tokenize='trigram', detail=none)",
        f"CREATE TRIGGER monitoring_text_insert AFTER INSERT ON {INCIDENTS} BEGIN {add}; END",
        f"CREATE TRIGGER monitoring_text_update AFTER UPDATE OF location, narrative ON "
        f"{INCIDENTS} BEGIN {take}; {add}; END",
        f"CREATE TRIGGER monitoring_text_delete AFTER DELETE ON {INCIDENTS} BEGIN {take}; END",
    ]


def remove_statements(vendor: str) -> list[str]:
    if vendor != "sqlite":
        return []
    return [f"DROP TRIGGER IF EXISTS monitoring_text_{event}"
            for event in ("insert", "update", "delete")]


def rebuild(connection: Any = default_connection) -> dict[str, Any]:
    """Index every incident again (SQLite; PostgreSQL's indexes keep themselves)."""
    if connection.vendor != "sqlite":
        return {}
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")
    return {"reindexed": TABLE}


def matching(text: str, vendor: str) -> Q:
    """The incidents whose place or narrative holds `text`, case aside, narrowed first through
    the index where the engine's filter would not find it by itself."""
    found = Q(location__icontains=text) | Q(narrative__icontains=text)
    if vendor != "sqlite" or len(text) < SHORTEST:
        return found
    # Each trigram quoted for FTS5 (a quote doubled inside it). The rows holding them all
    # include those holding the text (the index folds case over all of Unicode where SQLite's
    # LIKE folds only ASCII, and knows nothing of the trigrams' order): the filter then keeps
    # exactly the rows it kept before.
    trigrams = dict.fromkeys(text[i:i + SHORTEST] for i in range(len(text) - SHORTEST + 1))
    query = " AND ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)
    candidates = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
    return Q(id__in=RawSQL(candidates, [query])) & found  # noqa: S611 -- the text is a parameter


GUARD = Guard(
    name="monitoring.text_index",
    app_label="monitoring",
    purpose="the incidents' text index moves with every incident written",
    install=install_statements,
    remove=remove_statements,
    after_repair=rebuild,
)
