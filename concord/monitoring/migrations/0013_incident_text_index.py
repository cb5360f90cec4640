"""An index for the incidents' text filter (see concord.monitoring.text_index): on SQLite an
FTS5 table of trigrams over the location and the narrative, kept by triggers and filled from the
incidents already there; on PostgreSQL pg_trgm's GIN indexes on the upper-cased columns, which
the filter's `UPPER(…) LIKE UPPER(…)` reads.

The SQL is written out here so that the migration never changes with the module.
"""

from django.db import migrations


def _run(schema_editor, statements):
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, None)


def forwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": [*SQLITE_TEXT_INSTALL, SQLITE_TEXT_REBUILD],
                         "postgresql": PG_TEXT_INDEXES})


def backwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": [*SQLITE_TEXT_REMOVE, "DROP TABLE monitoring_incident_text"],
                         "postgresql": PG_TEXT_INDEXES_DROP})


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0012_tallies_by_verification")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]


SQLITE_TEXT_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS monitoring_incident_text USING fts5(location, "
    "narrative, content='monitoring_incident', content_rowid='id', tokenize='trigram', "
    "detail=none)",
    "CREATE TRIGGER monitoring_text_insert AFTER INSERT ON monitoring_incident BEGIN INSERT INTO "
    "monitoring_incident_text (rowid, location, narrative) VALUES (NEW.id, NEW.location, "
    "NEW.narrative); END",
    "CREATE TRIGGER monitoring_text_update AFTER UPDATE OF location, narrative ON "
    "monitoring_incident BEGIN INSERT INTO monitoring_incident_text (monitoring_incident_text, "
    "rowid, location, narrative) VALUES ('delete', OLD.id, OLD.location, OLD.narrative); INSERT "
    "INTO monitoring_incident_text (rowid, location, narrative) VALUES (NEW.id, NEW.location, "
    "NEW.narrative); END",
    "CREATE TRIGGER monitoring_text_delete AFTER DELETE ON monitoring_incident BEGIN INSERT INTO "
    "monitoring_incident_text (monitoring_incident_text, rowid, location, narrative) VALUES "
    "('delete', OLD.id, OLD.location, OLD.narrative); END",
]
SQLITE_TEXT_REMOVE = [
    "DROP TRIGGER IF EXISTS monitoring_text_insert",
    "DROP TRIGGER IF EXISTS monitoring_text_update",
    "DROP TRIGGER IF EXISTS monitoring_text_delete",
]
SQLITE_TEXT_REBUILD = ("INSERT INTO monitoring_incident_text (monitoring_incident_text) "
                       "VALUES ('rebuild')")
PG_TEXT_INDEXES = [
    # pg_trgm is a trusted extension: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX monitoring_incident_location_trgm ON monitoring_incident "
    "USING gin ((UPPER(location::text)) gin_trgm_ops)",
    "CREATE INDEX monitoring_incident_narrative_trgm ON monitoring_incident "
    "USING gin ((UPPER(narrative::text)) gin_trgm_ops)",
]
PG_TEXT_INDEXES_DROP = [
    "DROP INDEX IF EXISTS monitoring_incident_location_trgm",
    "DROP INDEX IF EXISTS monitoring_incident_narrative_trgm",
]
