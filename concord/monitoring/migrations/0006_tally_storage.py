"""On PostgreSQL, the tally tables leave room on each page for their rows' next versions.

Every incident written moves a sum in a few tally rows, and PostgreSQL writes each move as a new
version of the row. With free space on its page, the new version stays there (a heap-only
update: no index entry is written and the old version is pruned on the page); on a full page it
goes elsewhere, with new index entries, and the table and its key grow with dead versions until
vacuum comes by. Autovacuum also comes by sooner, after 2% of a table's rows have changed rather
than 20%. SQLite keeps the tallies in their key's b-tree and rewrites a row in place: nothing
to do there.
"""

from django.db import migrations

TABLES = ("monitoring_tallycount", "monitoring_tallyunit", "monitoring_tallycell")
STORAGE = ("fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, "
           "autovacuum_analyze_scale_factor = 0.02")
DEFAULTS = "fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor"


def _alter(schema_editor, clause: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} {clause}")


def forwards(apps, schema_editor):
    _alter(schema_editor, f"SET ({STORAGE})")


def backwards(apps, schema_editor):
    _alter(schema_editor, f"RESET ({DEFAULTS})")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0005_incident_tallies")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
