"""The unit and cell tallies kept by category too, and the cells by first-level unit as well
(TallyUnitByCategory, TallyCellByCategory), so that a picture narrowed to categories or to a
region is read from tallies rather than from every incident of the period. The two tables are
made (on SQLite clustered on their key, on PostgreSQL with 0006's room for new row versions),
the triggers replaced to keep them too, and every tally added up again from the incidents.

The SQL is written out at the end of this file so that the migration never changes with
concord.monitoring.tally, which keeps the same SQL for `concord guards repair`.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

ADDED = ("TallyUnitByCategory", "TallyCellByCategory")
STORAGE = ("fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, "
           "autovacuum_analyze_scale_factor = 0.02")


def _run(schema_editor, *, sqlite, postgresql):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite, "postgresql": postgresql}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"No incident tallies for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement, None)


def _previous():
    return importlib.import_module("concord.monitoring.migrations.0007_tally_statement_triggers")


def forwards(apps, schema_editor):
    for name in ADDED:
        model = apps.get_model("monitoring", name)
        if schema_editor.connection.vendor == "sqlite":
            # Stored in the order of their key, which is the order the picture reads them in.
            sql, params = schema_editor.table_sql(model)
            schema_editor.execute(f"{sql} WITHOUT ROWID", params)
        else:
            schema_editor.create_model(model)
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(model._meta.db_table)} SET ({STORAGE})")
    _run(schema_editor, sqlite=_previous().SQLITE_REMOVE, postgresql=_previous().PG_REMOVE)
    _run(schema_editor, sqlite=SQLITE_INSTALL, postgresql=PG_INSTALL)
    _run(schema_editor, sqlite=SQLITE_REBUILD, postgresql=PG_REBUILD)


def backwards(apps, schema_editor):
    _run(schema_editor, sqlite=SQLITE_REMOVE, postgresql=PG_REMOVE)
    for name in ADDED:
        schema_editor.delete_model(apps.get_model("monitoring", name))
    _run(schema_editor, sqlite=_previous().SQLITE_INSTALL, postgresql=_previous().PG_INSTALL)
    _run(schema_editor, sqlite=_previous().SQLITE_REBUILD, postgresql=_previous().PG_REBUILD)


def _labelled(extra):
    return [
        ('span', models.CharField(choices=[('d', 'day'), ('w', 'week')], max_length=1)),
        ('starts_on', models.DateField()),
        ('classification', models.PositiveSmallIntegerField()),
        ('release_to_all_members', models.BooleanField()),
        ('release_mask', models.BigIntegerField()),
        ('n1', models.IntegerField(default=0)),
        ('n2', models.IntegerField(default=0)),
        ('n3', models.IntegerField(default=0)),
        ('n4', models.IntegerField(default=0)),
        *extra,
        ('originator', models.ForeignKey(db_constraint=False, db_index=False,
                                         on_delete=django.db.models.deletion.DO_NOTHING,
                                         related_name='+', to='core.party')),
    ]


def _key(*columns):
    return models.CompositePrimaryKey(
        'span', 'starts_on', *columns, 'classification', 'originator', 'release_to_all_members',
        'release_mask', blank=True, editable=False, primary_key=True, serialize=False)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0009_alert_handling_bilingual_indicators_import_links")]

    operations = [
        # The tables are made by forwards(): on SQLite, clustered on their key.
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='TallyUnitByCategory',
                fields=_labelled([
                    ('pk', _key('country', 'admin1', 'category')),
                    ('country', models.CharField(max_length=2)),
                    ('admin1', models.CharField(max_length=100)),
                    ('category', models.CharField(max_length=32)),
                ]),
                options={'abstract': False},
            ),
            migrations.CreateModel(
                name='TallyCellByCategory',
                fields=_labelled([
                    ('pk', _key('country', 'admin1', 'category', 'cy', 'cx')),
                    ('country', models.CharField(max_length=2)),
                    ('admin1', models.CharField(max_length=100)),
                    ('category', models.CharField(max_length=32)),
                    ('cy', models.IntegerField()),
                    ('cx', models.IntegerField()),
                    ('lat1', models.FloatField(default=0)),
                    ('lat2', models.FloatField(default=0)),
                    ('lat3', models.FloatField(default=0)),
                    ('lat4', models.FloatField(default=0)),
                    ('lon1', models.FloatField(default=0)),
                    ('lon2', models.FloatField(default=0)),
                    ('lon3', models.FloatField(default=0)),
                    ('lon4', models.FloatField(default=0)),
                ]),
                options={'abstract': False},
            ),
        ], database_operations=[]),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]


# The SQL of this migration's time, for each engine: the triggers, their removal, and the
# tallies added up from the incidents already there.


SQLITE_INSTALL = [
    (
        'CREATE TRIGGER monitoring_tally_insert AFTER INSERT ON monitoring_incident WHEN '
        'NEW.merged_into_id IS NULL BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, '
        'category, country, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.week, NEW.category, "
        'NEW.country, NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        "THEN 1 ELSE 0 END), ('w', NEW.week, NEW.week, NEW.category, NEW.country, NEW.classification,"
        ' NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1'
        ' THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3'
        ' THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END)) AS v WHERE '
        'NEW.merged_into_id IS NULL ON CONFLICT (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3 = '
        'monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; INSERT '
        'INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', "
        'NEW.occurred_on, NEW.country, NEW.admin1, NEW.classification, NEW.originator_id, '
        'NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, '
        "CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END), ('w', NEW.week, NEW.country, NEW.admin1, "
        'NEW.classification, NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE '
        'WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE '
        'WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END)) AS v'
        ' WHERE NEW.merged_into_id IS NULL ON CONFLICT (span, starts_on, country, admin1, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + excluded.n2, n3 = '
        'monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + excluded.n4; INSERT '
        'INTO monitoring_tallycell (span, starts_on, country, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, '
        "lon3, lon4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.country, (CAST(NEW.latitude / "
        '1.40625 AS INTEGER) - (NEW.latitude / 1.40625 < CAST(NEW.latitude / 1.40625 AS INTEGER))), '
        '(CAST(NEW.longitude / 1.40625 AS INTEGER) - (NEW.longitude / 1.40625 < CAST(NEW.longitude / '
        '1.40625 AS INTEGER))), NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN '
        'NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 *'
        ' NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.longitude ELSE 0 END, '
        "CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE 0 END), ('w', NEW.week, NEW.country, "
        '(CAST(NEW.latitude / 1.40625 AS INTEGER) - (NEW.latitude / 1.40625 < CAST(NEW.latitude / '
        '1.40625 AS INTEGER))), (CAST(NEW.longitude / 1.40625 AS INTEGER) - (NEW.longitude / 1.40625 '
        '< CAST(NEW.longitude / 1.40625 AS INTEGER))), NEW.classification, NEW.originator_id, '
        'NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 3 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 2 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 *'
        ' NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE 0 END)) AS'
        ' v WHERE NEW.merged_into_id IS NULL AND NEW.latitude IS NOT NULL AND NEW.longitude IS NOT '
        'NULL ON CONFLICT (span, starts_on, country, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + '
        'excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + '
        'excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + '
        'excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4,'
        ' lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + '
        'excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO monitoring_tallyunitbycategory (span,'
        ' starts_on, country, admin1, category, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', "
        'NEW.occurred_on, NEW.country, NEW.admin1, NEW.category, NEW.classification, '
        'NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 '
        "THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END), ('w', NEW.week, "
        'NEW.country, NEW.admin1, NEW.category, NEW.classification, NEW.originator_id, '
        'NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END)) AS v WHERE NEW.merged_into_id IS NULL ON '
        'CONFLICT (span, starts_on, country, admin1, category, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallycellbycategory (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT * FROM (VALUES ('d', "
        'NEW.occurred_on, NEW.country, NEW.admin1, NEW.category, (CAST(NEW.latitude / 1.40625 AS '
        'INTEGER) - (NEW.latitude / 1.40625 < CAST(NEW.latitude / 1.40625 AS INTEGER))), '
        '(CAST(NEW.longitude / 1.40625 AS INTEGER) - (NEW.longitude / 1.40625 < CAST(NEW.longitude / '
        '1.40625 AS INTEGER))), NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN '
        'NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 *'
        ' NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.longitude ELSE 0 END, '
        "CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE 0 END), ('w', NEW.week, NEW.country, "
        'NEW.admin1, NEW.category, (CAST(NEW.latitude / 1.40625 AS INTEGER) - (NEW.latitude / 1.40625'
        ' < CAST(NEW.latitude / 1.40625 AS INTEGER))), (CAST(NEW.longitude / 1.40625 AS INTEGER) - '
        '(NEW.longitude / 1.40625 < CAST(NEW.longitude / 1.40625 AS INTEGER))), NEW.classification, '
        'NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 '
        'THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 '
        'END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4'
        ' THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 '
        'END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = '
        '3 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE '
        '0 END)) AS v WHERE NEW.merged_into_id IS NULL AND NEW.latitude IS NOT NULL AND NEW.longitude'
        ' IS NOT NULL ON CONFLICT (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycellbycategory.n1 + excluded.n1, n2 = monitoring_tallycellbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallycellbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 '
        '+ excluded.lat1, lat2 = monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; END'
    ),
    (
        'CREATE TRIGGER monitoring_tally_update AFTER UPDATE OF occurred_on, week, category, country,'
        ' admin1, latitude, longitude, severity, classification, originator_id, '
        'release_to_all_members, release_mask, merged_into_id ON monitoring_incident WHEN '
        'OLD.occurred_on IS NOT NEW.occurred_on OR OLD.week IS NOT NEW.week OR OLD.category IS NOT '
        'NEW.category OR OLD.country IS NOT NEW.country OR OLD.admin1 IS NOT NEW.admin1 OR '
        'OLD.latitude IS NOT NEW.latitude OR OLD.longitude IS NOT NEW.longitude OR OLD.severity IS '
        'NOT NEW.severity OR OLD.classification IS NOT NEW.classification OR OLD.originator_id IS NOT'
        ' NEW.originator_id OR OLD.release_to_all_members IS NOT NEW.release_to_all_members OR '
        'OLD.release_mask IS NOT NEW.release_mask OR OLD.merged_into_id IS NOT NEW.merged_into_id '
        'BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "* FROM (VALUES ('d', OLD.occurred_on, OLD.week, OLD.category, OLD.country, "
        'OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        "END), ('w', OLD.week, OLD.week, OLD.category, OLD.country, OLD.classification, "
        'OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END)) AS v WHERE '
        'OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3 = '
        'monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; DELETE '
        "FROM monitoring_tallycount WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span = "
        "'w' AND starts_on = OLD.week)) AND week = OLD.week AND category = OLD.category AND country ="
        ' OLD.country AND classification = OLD.classification AND originator_id = OLD.originator_id '
        'AND release_to_all_members = OLD.release_to_all_members AND release_mask = OLD.release_mask '
        'AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO monitoring_tallyunit (span, '
        'starts_on, country, admin1, classification, originator_id, release_to_all_members, '
        "release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', OLD.occurred_on, OLD.country, "
        'OLD.admin1, OLD.classification, OLD.originator_id, OLD.release_to_all_members, '
        'OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        "4 THEN -1 ELSE 0 END), ('w', OLD.week, OLD.country, OLD.admin1, OLD.classification, "
        'OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END)) AS v WHERE '
        'OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, country, admin1, classification, '
        'originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + excluded.n2, n3 = '
        'monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + excluded.n4; DELETE '
        "FROM monitoring_tallyunit WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span = 'w'"
        ' AND starts_on = OLD.week)) AND country = OLD.country AND admin1 = OLD.admin1 AND '
        'classification = OLD.classification AND originator_id = OLD.originator_id AND '
        'release_to_all_members = OLD.release_to_all_members AND release_mask = OLD.release_mask AND '
        'n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO monitoring_tallycell (span, starts_on, '
        'country, cy, cx, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT * FROM (VALUES ('d', "
        'OLD.occurred_on, OLD.country, (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / '
        '1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / 1.40625 AS '
        'INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))), '
        'OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END, CASE WHEN OLD.severity = 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = '
        '2 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE '
        '0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN '
        "OLD.severity = 4 THEN -1 * OLD.longitude ELSE 0 END), ('w', OLD.week, OLD.country, "
        '(CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / 1.40625 < CAST(OLD.latitude / '
        '1.40625 AS INTEGER))), (CAST(OLD.longitude / 1.40625 AS INTEGER) - (OLD.longitude / 1.40625 '
        '< CAST(OLD.longitude / 1.40625 AS INTEGER))), OLD.classification, OLD.originator_id, '
        'OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END,'
        ' CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 '
        'END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * '
        'OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.latitude ELSE 0 END, CASE '
        'WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 '
        '* OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * OLD.longitude ELSE 0 END, '
        'CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 3 '
        'THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.longitude ELSE '
        '0 END)) AS v WHERE OLD.merged_into_id IS NULL AND OLD.latitude IS NOT NULL AND OLD.longitude'
        ' IS NOT NULL ON CONFLICT (span, starts_on, country, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + '
        'excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + '
        'excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + '
        'excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4,'
        ' lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + '
        'excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycell.lon4 + excluded.lon4; DELETE FROM monitoring_tallycell WHERE ((span = '
        "'d' AND starts_on = OLD.occurred_on) OR (span = 'w' AND starts_on = OLD.week)) AND country ="
        ' OLD.country AND cy = (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / 1.40625 < '
        'CAST(OLD.latitude / 1.40625 AS INTEGER))) AND cx = (CAST(OLD.longitude / 1.40625 AS INTEGER)'
        ' - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))) AND classification '
        '= OLD.classification AND originator_id = OLD.originator_id AND release_to_all_members = '
        'OLD.release_to_all_members AND release_mask = OLD.release_mask AND n1 = 0 AND n2 = 0 AND n3 '
        '= 0 AND n4 = 0; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, '
        'admin1, category, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4) SELECT * FROM (VALUES ('d', OLD.occurred_on, OLD.country, OLD.admin1, "
        'OLD.category, OLD.classification, OLD.originator_id, OLD.release_to_all_members, '
        'OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        "4 THEN -1 ELSE 0 END), ('w', OLD.week, OLD.country, OLD.admin1, OLD.category, "
        'OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END)) AS v WHERE OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET'
        ' n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; DELETE FROM '
        "monitoring_tallyunitbycategory WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span "
        "= 'w' AND starts_on = OLD.week)) AND country = OLD.country AND admin1 = OLD.admin1 AND "
        'category = OLD.category AND classification = OLD.classification AND originator_id = '
        'OLD.originator_id AND release_to_all_members = OLD.release_to_all_members AND release_mask ='
        ' OLD.release_mask AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT * FROM (VALUES ('d', OLD.occurred_on, "
        'OLD.country, OLD.admin1, OLD.category, (CAST(OLD.latitude / 1.40625 AS INTEGER) - '
        '(OLD.latitude / 1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / '
        '1.40625 AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))),'
        ' OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END, CASE WHEN OLD.severity = 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = '
        '2 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE '
        '0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN '
        "OLD.severity = 4 THEN -1 * OLD.longitude ELSE 0 END), ('w', OLD.week, OLD.country, "
        'OLD.admin1, OLD.category, (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / 1.40625'
        ' < CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / 1.40625 AS INTEGER) - '
        '(OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))), OLD.classification, '
        'OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.latitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN '
        'OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * '
        'OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 4 '
        'THEN -1 * OLD.longitude ELSE 0 END)) AS v WHERE OLD.merged_into_id IS NULL AND OLD.latitude '
        'IS NOT NULL AND OLD.longitude IS NOT NULL ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; DELETE FROM '
        "monitoring_tallycellbycategory WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span "
        "= 'w' AND starts_on = OLD.week)) AND country = OLD.country AND admin1 = OLD.admin1 AND "
        'category = OLD.category AND cy = (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / '
        '1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))) AND cx = (CAST(OLD.longitude / 1.40625 '
        'AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))) AND '
        'classification = OLD.classification AND originator_id = OLD.originator_id AND '
        'release_to_all_members = OLD.release_to_all_members AND release_mask = OLD.release_mask AND '
        'n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO monitoring_tallycount (span, starts_on,'
        ' week, category, country, classification, originator_id, release_to_all_members, '
        "release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.week, "
        'NEW.category, NEW.country, NEW.classification, NEW.originator_id, '
        'NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, '
        "CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END), ('w', NEW.week, NEW.week, NEW.category, "
        'NEW.country, NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        'THEN 1 ELSE 0 END)) AS v WHERE NEW.merged_into_id IS NULL ON CONFLICT (span, starts_on, '
        'week, category, country, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallycount.n1 + excluded.n1, n2 = '
        'monitoring_tallycount.n2 + excluded.n2, n3 = monitoring_tallycount.n3 + excluded.n3, n4 = '
        'monitoring_tallycount.n4 + excluded.n4; INSERT INTO monitoring_tallyunit (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.country, NEW.admin1, "
        'NEW.classification, NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE '
        'WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE '
        'WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END), '
        "('w', NEW.week, NEW.country, NEW.admin1, NEW.classification, NEW.originator_id, "
        'NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, '
        'CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END)) AS v WHERE NEW.merged_into_id IS NULL ON '
        'CONFLICT (span, starts_on, country, admin1, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunit.n1 + '
        'excluded.n1, n2 = monitoring_tallyunit.n2 + excluded.n2, n3 = monitoring_tallyunit.n3 + '
        'excluded.n3, n4 = monitoring_tallyunit.n4 + excluded.n4; INSERT INTO monitoring_tallycell '
        '(span, starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        'release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT * FROM '
        "(VALUES ('d', NEW.occurred_on, NEW.country, (CAST(NEW.latitude / 1.40625 AS INTEGER) - "
        '(NEW.latitude / 1.40625 < CAST(NEW.latitude / 1.40625 AS INTEGER))), (CAST(NEW.longitude / '
        '1.40625 AS INTEGER) - (NEW.longitude / 1.40625 < CAST(NEW.longitude / 1.40625 AS INTEGER))),'
        ' NEW.classification, NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE '
        'WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE '
        'WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END, CASE '
        'WHEN NEW.severity = 1 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 4 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * '
        'NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.longitude ELSE 0 END, CASE'
        ' WHEN NEW.severity = 3 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 '
        "* NEW.longitude ELSE 0 END), ('w', NEW.week, NEW.country, (CAST(NEW.latitude / 1.40625 AS "
        'INTEGER) - (NEW.latitude / 1.40625 < CAST(NEW.latitude / 1.40625 AS INTEGER))), '
        '(CAST(NEW.longitude / 1.40625 AS INTEGER) - (NEW.longitude / 1.40625 < CAST(NEW.longitude / '
        '1.40625 AS INTEGER))), NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN '
        'NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 *'
        ' NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.longitude ELSE 0 END, '
        'CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE 0 END)) AS v WHERE NEW.merged_into_id'
        ' IS NULL AND NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL ON CONFLICT (span, '
        'starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + excluded.n1, n2 = '
        'monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + excluded.n3, n4 = '
        'monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + excluded.lat1, '
        'lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = monitoring_tallycell.lat3 + '
        'excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + excluded.lon2,'
        ' lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = monitoring_tallycell.lon4 + '
        'excluded.lon4; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1,'
        ' category, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, '
        "n4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.country, NEW.admin1, NEW.category, "
        'NEW.classification, NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE '
        'WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE '
        'WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END), '
        "('w', NEW.week, NEW.country, NEW.admin1, NEW.category, NEW.classification, "
        'NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END)) AS v WHERE '
        'NEW.merged_into_id IS NULL ON CONFLICT (span, starts_on, country, admin1, category, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallyunitbycategory.n4 + excluded.n4; INSERT INTO monitoring_tallycellbycategory '
        '(span, starts_on, country, admin1, category, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, '
        "lon3, lon4) SELECT * FROM (VALUES ('d', NEW.occurred_on, NEW.country, NEW.admin1, "
        'NEW.category, (CAST(NEW.latitude / 1.40625 AS INTEGER) - (NEW.latitude / 1.40625 < '
        'CAST(NEW.latitude / 1.40625 AS INTEGER))), (CAST(NEW.longitude / 1.40625 AS INTEGER) - '
        '(NEW.longitude / 1.40625 < CAST(NEW.longitude / 1.40625 AS INTEGER))), NEW.classification, '
        'NEW.originator_id, NEW.release_to_all_members, NEW.release_mask, CASE WHEN NEW.severity = 1 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 '
        'THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 '
        'END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4'
        ' THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 '
        'END, CASE WHEN NEW.severity = 2 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = '
        '3 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE '
        "0 END), ('w', NEW.week, NEW.country, NEW.admin1, NEW.category, (CAST(NEW.latitude / 1.40625 "
        'AS INTEGER) - (NEW.latitude / 1.40625 < CAST(NEW.latitude / 1.40625 AS INTEGER))), '
        '(CAST(NEW.longitude / 1.40625 AS INTEGER) - (NEW.longitude / 1.40625 < CAST(NEW.longitude / '
        '1.40625 AS INTEGER))), NEW.classification, NEW.originator_id, NEW.release_to_all_members, '
        'NEW.release_mask, CASE WHEN NEW.severity = 1 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 2 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 4 '
        'THEN 1 ELSE 0 END, CASE WHEN NEW.severity = 1 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN '
        'NEW.severity = 2 THEN 1 * NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * '
        'NEW.latitude ELSE 0 END, CASE WHEN NEW.severity = 4 THEN 1 * NEW.latitude ELSE 0 END, CASE '
        'WHEN NEW.severity = 1 THEN 1 * NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 2 THEN 1 *'
        ' NEW.longitude ELSE 0 END, CASE WHEN NEW.severity = 3 THEN 1 * NEW.longitude ELSE 0 END, '
        'CASE WHEN NEW.severity = 4 THEN 1 * NEW.longitude ELSE 0 END)) AS v WHERE NEW.merged_into_id'
        ' IS NULL AND NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL ON CONFLICT (span, '
        'starts_on, country, admin1, category, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycellbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallycellbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallycellbycategory.n3 + excluded.n3, n4 = monitoring_tallycellbycategory.n4 + '
        'excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; END'
    ),
    (
        'CREATE TRIGGER monitoring_tally_delete AFTER DELETE ON monitoring_incident WHEN '
        'OLD.merged_into_id IS NULL BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, '
        'category, country, classification, originator_id, release_to_all_members, release_mask, n1, '
        "n2, n3, n4) SELECT * FROM (VALUES ('d', OLD.occurred_on, OLD.week, OLD.category, "
        'OLD.country, OLD.classification, OLD.originator_id, OLD.release_to_all_members, '
        'OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        "4 THEN -1 ELSE 0 END), ('w', OLD.week, OLD.week, OLD.category, OLD.country, "
        'OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END)) AS v WHERE OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        "DELETE FROM monitoring_tallycount WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR "
        "(span = 'w' AND starts_on = OLD.week)) AND week = OLD.week AND category = OLD.category AND "
        'country = OLD.country AND classification = OLD.classification AND originator_id = '
        'OLD.originator_id AND release_to_all_members = OLD.release_to_all_members AND release_mask ='
        ' OLD.release_mask AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO '
        'monitoring_tallyunit (span, starts_on, country, admin1, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', "
        'OLD.occurred_on, OLD.country, OLD.admin1, OLD.classification, OLD.originator_id, '
        'OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END,'
        ' CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 '
        "END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END), ('w', OLD.week, OLD.country, "
        'OLD.admin1, OLD.classification, OLD.originator_id, OLD.release_to_all_members, '
        'OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '4 THEN -1 ELSE 0 END)) AS v WHERE OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        "excluded.n4; DELETE FROM monitoring_tallyunit WHERE ((span = 'd' AND starts_on = "
        "OLD.occurred_on) OR (span = 'w' AND starts_on = OLD.week)) AND country = OLD.country AND "
        'admin1 = OLD.admin1 AND classification = OLD.classification AND originator_id = '
        'OLD.originator_id AND release_to_all_members = OLD.release_to_all_members AND release_mask ='
        ' OLD.release_mask AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO '
        'monitoring_tallycell (span, starts_on, country, cy, cx, classification, originator_id, '
        'release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, '
        "lon3, lon4) SELECT * FROM (VALUES ('d', OLD.occurred_on, OLD.country, (CAST(OLD.latitude / "
        '1.40625 AS INTEGER) - (OLD.latitude / 1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))), '
        '(CAST(OLD.longitude / 1.40625 AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / '
        '1.40625 AS INTEGER))), OLD.classification, OLD.originator_id, OLD.release_to_all_members, '
        'OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '4 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * OLD.latitude ELSE 0 END, CASE '
        'WHEN OLD.severity = 2 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 '
        '* OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, '
        'CASE WHEN OLD.severity = 1 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 '
        'THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE '
        "0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.longitude ELSE 0 END), ('w', OLD.week, "
        'OLD.country, (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / 1.40625 < '
        'CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / 1.40625 AS INTEGER) - '
        '(OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))), OLD.classification, '
        'OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.latitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN '
        'OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * '
        'OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 4 '
        'THEN -1 * OLD.longitude ELSE 0 END)) AS v WHERE OLD.merged_into_id IS NULL AND OLD.latitude '
        'IS NOT NULL AND OLD.longitude IS NOT NULL ON CONFLICT (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycell.n1 + excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = '
        'monitoring_tallycell.n3 + excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = '
        'monitoring_tallycell.lat1 + excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2,'
        ' lat3 = monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + '
        'excluded.lat4, lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycell.lon2 + excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3,'
        ' lon4 = monitoring_tallycell.lon4 + excluded.lon4; DELETE FROM monitoring_tallycell WHERE '
        "((span = 'd' AND starts_on = OLD.occurred_on) OR (span = 'w' AND starts_on = OLD.week)) AND "
        'country = OLD.country AND cy = (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / '
        '1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))) AND cx = (CAST(OLD.longitude / 1.40625 '
        'AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))) AND '
        'classification = OLD.classification AND originator_id = OLD.originator_id AND '
        'release_to_all_members = OLD.release_to_all_members AND release_mask = OLD.release_mask AND '
        'n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO monitoring_tallyunitbycategory (span, '
        'starts_on, country, admin1, category, classification, originator_id, release_to_all_members,'
        " release_mask, n1, n2, n3, n4) SELECT * FROM (VALUES ('d', OLD.occurred_on, OLD.country, "
        'OLD.admin1, OLD.category, OLD.classification, OLD.originator_id, OLD.release_to_all_members,'
        ' OLD.release_mask, CASE WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2'
        ' THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity ='
        " 4 THEN -1 ELSE 0 END), ('w', OLD.week, OLD.country, OLD.admin1, OLD.category, "
        'OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END)) AS v WHERE OLD.merged_into_id IS NULL ON CONFLICT (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET'
        ' n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; DELETE FROM '
        "monitoring_tallyunitbycategory WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span "
        "= 'w' AND starts_on = OLD.week)) AND country = OLD.country AND admin1 = OLD.admin1 AND "
        'category = OLD.category AND classification = OLD.classification AND originator_id = '
        'OLD.originator_id AND release_to_all_members = OLD.release_to_all_members AND release_mask ='
        ' OLD.release_mask AND n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT * FROM (VALUES ('d', OLD.occurred_on, "
        'OLD.country, OLD.admin1, OLD.category, (CAST(OLD.latitude / 1.40625 AS INTEGER) - '
        '(OLD.latitude / 1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / '
        '1.40625 AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))),'
        ' OLD.classification, OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE '
        'WHEN OLD.severity = 1 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 '
        'END, CASE WHEN OLD.severity = 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = '
        '2 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE '
        '0 END, CASE WHEN OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN '
        "OLD.severity = 4 THEN -1 * OLD.longitude ELSE 0 END), ('w', OLD.week, OLD.country, "
        'OLD.admin1, OLD.category, (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / 1.40625'
        ' < CAST(OLD.latitude / 1.40625 AS INTEGER))), (CAST(OLD.longitude / 1.40625 AS INTEGER) - '
        '(OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))), OLD.classification, '
        'OLD.originator_id, OLD.release_to_all_members, OLD.release_mask, CASE WHEN OLD.severity = 1 '
        'THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = '
        '3 THEN -1 ELSE 0 END, CASE WHEN OLD.severity = 4 THEN -1 ELSE 0 END, CASE WHEN OLD.severity '
        '= 1 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.latitude '
        'ELSE 0 END, CASE WHEN OLD.severity = 3 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN '
        'OLD.severity = 4 THEN -1 * OLD.latitude ELSE 0 END, CASE WHEN OLD.severity = 1 THEN -1 * '
        'OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 2 THEN -1 * OLD.longitude ELSE 0 END, '
        'CASE WHEN OLD.severity = 3 THEN -1 * OLD.longitude ELSE 0 END, CASE WHEN OLD.severity = 4 '
        'THEN -1 * OLD.longitude ELSE 0 END)) AS v WHERE OLD.merged_into_id IS NULL AND OLD.latitude '
        'IS NOT NULL AND OLD.longitude IS NOT NULL ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; DELETE FROM '
        "monitoring_tallycellbycategory WHERE ((span = 'd' AND starts_on = OLD.occurred_on) OR (span "
        "= 'w' AND starts_on = OLD.week)) AND country = OLD.country AND admin1 = OLD.admin1 AND "
        'category = OLD.category AND cy = (CAST(OLD.latitude / 1.40625 AS INTEGER) - (OLD.latitude / '
        '1.40625 < CAST(OLD.latitude / 1.40625 AS INTEGER))) AND cx = (CAST(OLD.longitude / 1.40625 '
        'AS INTEGER) - (OLD.longitude / 1.40625 < CAST(OLD.longitude / 1.40625 AS INTEGER))) AND '
        'classification = OLD.classification AND originator_id = OLD.originator_id AND '
        'release_to_all_members = OLD.release_to_all_members AND release_mask = OLD.release_mask AND '
        'n1 = 0 AND n2 = 0 AND n3 = 0 AND n4 = 0; END'
    ),
]

SQLITE_REMOVE = [
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_insert'
    ),
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_update'
    ),
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_delete'
    ),
]

SQLITE_REBUILD = [
    (
        'DELETE FROM monitoring_tallycount'
    ),
    (
        'INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, classification,'
        " originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.week, i.category, i.country, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, classification,'
        " originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, "
        'i.week, i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL '
        'GROUP BY i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallyunit'
    ),
    (
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, "
        'i.country, i.admin1, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL '
        'GROUP BY i.week, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallycell'
    ),
    (
        'INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, classification, '
        'originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4,'
        " lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, (CAST(i.latitude / 1.40625 AS"
        ' INTEGER) - (i.latitude / 1.40625 < CAST(i.latitude / 1.40625 AS INTEGER))), '
        '(CAST(i.longitude / 1.40625 AS INTEGER) - (i.longitude / 1.40625 < CAST(i.longitude / '
        '1.40625 AS INTEGER))), i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * '
        'i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM '
        'monitoring_incident i WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND '
        'i.longitude IS NOT NULL GROUP BY i.occurred_on, i.country, (CAST(i.latitude / 1.40625 AS '
        'INTEGER) - (i.latitude / 1.40625 < CAST(i.latitude / 1.40625 AS INTEGER))), '
        '(CAST(i.longitude / 1.40625 AS INTEGER) - (i.longitude / 1.40625 < CAST(i.longitude / '
        '1.40625 AS INTEGER))), i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, classification, '
        'originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4,'
        " lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, (CAST(i.latitude / 1.40625 AS "
        'INTEGER) - (i.latitude / 1.40625 < CAST(i.latitude / 1.40625 AS INTEGER))), '
        '(CAST(i.longitude / 1.40625 AS INTEGER) - (i.longitude / 1.40625 < CAST(i.longitude / '
        '1.40625 AS INTEGER))), i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * '
        'i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM '
        'monitoring_incident i WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND '
        'i.longitude IS NOT NULL GROUP BY i.week, i.country, (CAST(i.latitude / 1.40625 AS INTEGER) -'
        ' (i.latitude / 1.40625 < CAST(i.latitude / 1.40625 AS INTEGER))), (CAST(i.longitude / '
        '1.40625 AS INTEGER) - (i.longitude / 1.40625 < CAST(i.longitude / 1.40625 AS INTEGER))), '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallyunitbycategory'
    ),
    (
        'INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'d', i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallycellbycategory'
    ),
    (
        'INSERT INTO monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, '
        'cx, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, '
        "lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'i.admin1, i.category, (CAST(i.latitude / 1.40625 AS INTEGER) - (i.latitude / 1.40625 < '
        'CAST(i.latitude / 1.40625 AS INTEGER))), (CAST(i.longitude / 1.40625 AS INTEGER) - '
        '(i.longitude / 1.40625 < CAST(i.longitude / 1.40625 AS INTEGER))), i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN'
        ' 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 '
        'THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY '
        'i.occurred_on, i.country, i.admin1, i.category, (CAST(i.latitude / 1.40625 AS INTEGER) - '
        '(i.latitude / 1.40625 < CAST(i.latitude / 1.40625 AS INTEGER))), (CAST(i.longitude / 1.40625'
        ' AS INTEGER) - (i.longitude / 1.40625 < CAST(i.longitude / 1.40625 AS INTEGER))), '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, '
        'cx, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, '
        "lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, (CAST(i.latitude / 1.40625 AS INTEGER) - (i.latitude / 1.40625 < CAST(i.latitude'
        ' / 1.40625 AS INTEGER))), (CAST(i.longitude / 1.40625 AS INTEGER) - (i.longitude / 1.40625 <'
        ' CAST(i.longitude / 1.40625 AS INTEGER))), i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 *'
        ' i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * '
        'i.longitude ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL AND '
        'i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, i.admin1, '
        'i.category, (CAST(i.latitude / 1.40625 AS INTEGER) - (i.latitude / 1.40625 < CAST(i.latitude'
        ' / 1.40625 AS INTEGER))), (CAST(i.longitude / 1.40625 AS INTEGER) - (i.longitude / 1.40625 <'
        ' CAST(i.longitude / 1.40625 AS INTEGER))), i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
]

PG_INSTALL = [
    (
        'CREATE OR REPLACE FUNCTION monitoring_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$ '
        'BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'d', i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.week, i.category, i.country, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, week, category, country, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycount.n1 + '
        'excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3 = monitoring_tallycount.n3 + '
        'excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; INSERT INTO monitoring_tallycount '
        '(span, starts_on, week, category, country, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, i.week, "
        'i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS NULL GROUP BY '
        'i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.occurred_on, '
        'i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + excluded.n1, n2 = '
        'monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + excluded.n3, n4 = '
        'monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + excluded.lat1, '
        'lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = monitoring_tallycell.lat3 + '
        'excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + excluded.lon2,'
        ' lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = monitoring_tallycell.lon4 + '
        'excluded.lon4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, floor(i.latitude / "
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 *'
        ' i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * '
        'i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        'NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, floor(i.latitude / '
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycell.n1 + excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = '
        'monitoring_tallycell.n3 + excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = '
        'monitoring_tallycell.lat1 + excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2,'
        ' lat3 = monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + '
        'excluded.lat4, lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycell.lon2 + excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3,'
        ' lon4 = monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, admin1, category, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, '
        "n4) SELECT 'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, category, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.occurred_on, '
        'i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycellbycategory.n1 + excluded.n1, n2 = monitoring_tallycellbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallycellbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 '
        '+ excluded.lat1, lat2 = monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, '
        'i.admin1, i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycellbycategory.n1 + excluded.n1, n2 = monitoring_tallycellbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallycellbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 '
        '+ excluded.lat1, lat2 = monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; RETURN NULL; END $$'
    ),
    (
        'CREATE OR REPLACE FUNCTION monitoring_tally_move() RETURNS trigger LANGUAGE plpgsql AS $$ '
        'BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'d', i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.week, i.category, i.country, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, week, category, country, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycount.n1 + '
        'excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3 = monitoring_tallycount.n3 + '
        'excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; INSERT INTO monitoring_tallycount '
        '(span, starts_on, week, category, country, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, i.week, "
        'i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity ='
        ' 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE i.merged_into_id IS NULL GROUP '
        'BY i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.occurred_on, i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, classification, originator_id,'
        ' release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + '
        'excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + '
        'excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + '
        'excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4,'
        ' lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + '
        'excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO monitoring_tallycell (span, '
        'starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        "release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', "
        'i.week, i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity ='
        ' 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0'
        ' END), SUM(CASE WHEN i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE '
        '0 END) FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND '
        'i.longitude IS NOT NULL GROUP BY i.week, i.country, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycell.n1 + excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = '
        'monitoring_tallycell.n3 + excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = '
        'monitoring_tallycell.lat1 + excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2,'
        ' lat3 = monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + '
        'excluded.lat4, lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycell.lon2 + excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3,'
        ' lon4 = monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, admin1, category, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, '
        "n4) SELECT 'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, category, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.occurred_on, i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.week, i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; INSERT INTO monitoring_tallycount '
        '(span, starts_on, week, category, country, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', i.occurred_on, i.week, "
        'i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS NULL GROUP BY '
        'i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        'INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, classification,'
        " originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, "
        'i.week, i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS NULL GROUP BY '
        'i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.occurred_on, '
        'i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + excluded.n1, n2 = '
        'monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + excluded.n3, n4 = '
        'monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + excluded.lat1, '
        'lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = monitoring_tallycell.lat3 + '
        'excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + excluded.lon2,'
        ' lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = monitoring_tallycell.lon4 + '
        'excluded.lon4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, floor(i.latitude / "
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 *'
        ' i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * '
        'i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        'NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, floor(i.latitude / '
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycell.n1 + excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = '
        'monitoring_tallycell.n3 + excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = '
        'monitoring_tallycell.lat1 + excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2,'
        ' lat3 = monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + '
        'excluded.lat4, lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycell.lon2 + excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3,'
        ' lon4 = monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, admin1, category, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, '
        "n4) SELECT 'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM added_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, category, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.occurred_on, '
        'i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycellbycategory.n1 + excluded.n1, n2 = monitoring_tallycellbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallycellbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 '
        '+ excluded.lat1, lat2 = monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM added_rows i WHERE i.merged_into_id IS '
        'NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, '
        'i.admin1, i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycellbycategory.n1 + excluded.n1, n2 = monitoring_tallycellbycategory.n2 + '
        'excluded.n2, n3 = monitoring_tallycellbycategory.n3 + excluded.n3, n4 = '
        'monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = monitoring_tallycellbycategory.lat1 '
        '+ excluded.lat1, lat2 = monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; DELETE FROM monitoring_tallycount t '
        'USING (SELECT DISTINCT i.occurred_on AS k0, i.week AS k1, i.category AS k2, i.country AS k3,'
        ' i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.week = k.k1 AND t.category = k.k2 AND t.country = k.k3 AND "
        't.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND '
        't.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycount t USING (SELECT DISTINCT i.week AS k0, i.week AS k1, i.category AS k2,'
        ' i.country AS k3, i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS'
        ' k6, i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span'
        " = 'w' AND t.starts_on = k.k0 AND t.week = k.k1 AND t.category = k.k2 AND t.country = k.k3 "
        'AND t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 '
        'AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallyunit t USING (SELECT DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1'
        ' AS k2, i.classification AS k3, i.originator_id AS k4, i.release_to_all_members AS k5, '
        'i.release_mask AS k6 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.classification = "
        'k.k3 AND t.originator_id = k.k4 AND t.release_to_all_members = k.k5 AND t.release_mask = '
        'k.k6 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallyunit t'
        ' USING (SELECT DISTINCT i.week AS k0, i.country AS k1, i.admin1 AS k2, i.classification AS '
        'k3, i.originator_id AS k4, i.release_to_all_members AS k5, i.release_mask AS k6 FROM '
        "removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 "
        'AND t.country = k.k1 AND t.admin1 = k.k2 AND t.classification = k.k3 AND t.originator_id = '
        'k.k4 AND t.release_to_all_members = k.k5 AND t.release_mask = k.k6 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallycell t USING (SELECT DISTINCT '
        'i.occurred_on AS k0, i.country AS k1, floor(i.latitude / 1.40625)::integer AS k2, '
        'floor(i.longitude / 1.40625)::integer AS k3, i.classification AS k4, i.originator_id AS k5, '
        'i.release_to_all_members AS k6, i.release_mask AS k7 FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) k WHERE '
        "t.span = 'd' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.cy = k.k2 AND t.cx = k.k3 AND"
        ' t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND '
        't.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycell t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'floor(i.latitude / 1.40625)::integer AS k2, floor(i.longitude / 1.40625)::integer AS k3, '
        'i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        "NOT NULL AND i.longitude IS NOT NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 AND "
        't.country = k.k1 AND t.cy = k.k2 AND t.cx = k.k3 AND t.classification = k.k4 AND '
        't.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND t.release_mask = k.k7 AND '
        't.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallyunitbycategory '
        't USING (SELECT DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1 AS k2, i.category AS'
        ' k3, i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.category = k.k3 "
        'AND t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 '
        'AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallyunitbycategory t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'i.admin1 AS k2, i.category AS k3, i.classification AS k4, i.originator_id AS k5, '
        'i.release_to_all_members AS k6, i.release_mask AS k7 FROM removed_rows i WHERE '
        "i.merged_into_id IS NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 AND t.country = k.k1 "
        'AND t.admin1 = k.k2 AND t.category = k.k3 AND t.classification = k.k4 AND t.originator_id = '
        'k.k5 AND t.release_to_all_members = k.k6 AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallycellbycategory t USING (SELECT '
        'DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1 AS k2, i.category AS k3, '
        'floor(i.latitude / 1.40625)::integer AS k4, floor(i.longitude / 1.40625)::integer AS k5, '
        'i.classification AS k6, i.originator_id AS k7, i.release_to_all_members AS k8, '
        'i.release_mask AS k9 FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        "NOT NULL AND i.longitude IS NOT NULL) k WHERE t.span = 'd' AND t.starts_on = k.k0 AND "
        't.country = k.k1 AND t.admin1 = k.k2 AND t.category = k.k3 AND t.cy = k.k4 AND t.cx = k.k5 '
        'AND t.classification = k.k6 AND t.originator_id = k.k7 AND t.release_to_all_members = k.k8 '
        'AND t.release_mask = k.k9 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycellbycategory t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'i.admin1 AS k2, i.category AS k3, floor(i.latitude / 1.40625)::integer AS k4, '
        'floor(i.longitude / 1.40625)::integer AS k5, i.classification AS k6, i.originator_id AS k7, '
        'i.release_to_all_members AS k8, i.release_mask AS k9 FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) k WHERE '
        "t.span = 'w' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.category "
        '= k.k3 AND t.cy = k.k4 AND t.cx = k.k5 AND t.classification = k.k6 AND t.originator_id = '
        'k.k7 AND t.release_to_all_members = k.k8 AND t.release_mask = k.k9 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; RETURN NULL; END $$'
    ),
    (
        'CREATE OR REPLACE FUNCTION monitoring_tally_take() RETURNS trigger LANGUAGE plpgsql AS $$ '
        'BEGIN INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'d', i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.week, i.category, i.country, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, week, category, country, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycount.n1 + '
        'excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3 = monitoring_tallycount.n3 + '
        'excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; INSERT INTO monitoring_tallycount '
        '(span, starts_on, week, category, country, classification, originator_id, '
        "release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, i.week, "
        'i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity ='
        ' 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE i.merged_into_id IS NULL GROUP '
        'BY i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, week, category, '
        'country, classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET '
        'n1 = monitoring_tallycount.n1 + excluded.n1, n2 = monitoring_tallycount.n2 + excluded.n2, n3'
        ' = monitoring_tallycount.n3 + excluded.n3, n4 = monitoring_tallycount.n4 + excluded.n4; '
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallyunit.n1 + excluded.n1, n2 = monitoring_tallyunit.n2 + '
        'excluded.n2, n3 = monitoring_tallyunit.n3 + excluded.n3, n4 = monitoring_tallyunit.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.occurred_on, i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, classification, originator_id,'
        ' release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallycell.n1 + '
        'excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = monitoring_tallycell.n3 + '
        'excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = monitoring_tallycell.lat1 + '
        'excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + excluded.lat4,'
        ' lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = monitoring_tallycell.lon2 + '
        'excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO monitoring_tallycell (span, '
        'starts_on, country, cy, cx, classification, originator_id, release_to_all_members, '
        "release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', "
        'i.week, i.country, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity ='
        ' 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0'
        ' END), SUM(CASE WHEN i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE '
        '0 END) FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND '
        'i.longitude IS NOT NULL GROUP BY i.week, i.country, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask) DO UPDATE SET n1 = '
        'monitoring_tallycell.n1 + excluded.n1, n2 = monitoring_tallycell.n2 + excluded.n2, n3 = '
        'monitoring_tallycell.n3 + excluded.n3, n4 = monitoring_tallycell.n4 + excluded.n4, lat1 = '
        'monitoring_tallycell.lat1 + excluded.lat1, lat2 = monitoring_tallycell.lat2 + excluded.lat2,'
        ' lat3 = monitoring_tallycell.lat3 + excluded.lat3, lat4 = monitoring_tallycell.lat4 + '
        'excluded.lat4, lon1 = monitoring_tallycell.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycell.lon2 + excluded.lon2, lon3 = monitoring_tallycell.lon3 + excluded.lon3,'
        ' lon4 = monitoring_tallycell.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT '
        '(span, starts_on, country, admin1, category, classification, originator_id, '
        'release_to_all_members, release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 +'
        ' excluded.n1, n2 = monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = '
        'monitoring_tallyunitbycategory.n3 + excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + '
        'excluded.n4; INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, '
        'category, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, '
        "n4) SELECT 'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE 0 END) FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, '
        'country, admin1, category, classification, originator_id, release_to_all_members, '
        'release_mask) DO UPDATE SET n1 = monitoring_tallyunitbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallyunitbycategory.n2 + excluded.n2, n3 = monitoring_tallyunitbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallyunitbycategory.n4 + excluded.n4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.occurred_on, i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; INSERT INTO '
        'monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, cx, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, '
        "lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN -1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN -1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN -1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * '
        'i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2'
        ' THEN -1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN -1 * i.longitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 4 THEN -1 * i.longitude ELSE 0 END) FROM removed_rows i '
        'WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP '
        'BY i.week, i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask ON CONFLICT (span, starts_on, country, admin1, '
        'category, cy, cx, classification, originator_id, release_to_all_members, release_mask) DO '
        'UPDATE SET n1 = monitoring_tallycellbycategory.n1 + excluded.n1, n2 = '
        'monitoring_tallycellbycategory.n2 + excluded.n2, n3 = monitoring_tallycellbycategory.n3 + '
        'excluded.n3, n4 = monitoring_tallycellbycategory.n4 + excluded.n4, lat1 = '
        'monitoring_tallycellbycategory.lat1 + excluded.lat1, lat2 = '
        'monitoring_tallycellbycategory.lat2 + excluded.lat2, lat3 = '
        'monitoring_tallycellbycategory.lat3 + excluded.lat3, lat4 = '
        'monitoring_tallycellbycategory.lat4 + excluded.lat4, lon1 = '
        'monitoring_tallycellbycategory.lon1 + excluded.lon1, lon2 = '
        'monitoring_tallycellbycategory.lon2 + excluded.lon2, lon3 = '
        'monitoring_tallycellbycategory.lon3 + excluded.lon3, lon4 = '
        'monitoring_tallycellbycategory.lon4 + excluded.lon4; DELETE FROM monitoring_tallycount t '
        'USING (SELECT DISTINCT i.occurred_on AS k0, i.week AS k1, i.category AS k2, i.country AS k3,'
        ' i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.week = k.k1 AND t.category = k.k2 AND t.country = k.k3 AND "
        't.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND '
        't.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycount t USING (SELECT DISTINCT i.week AS k0, i.week AS k1, i.category AS k2,'
        ' i.country AS k3, i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS'
        ' k6, i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span'
        " = 'w' AND t.starts_on = k.k0 AND t.week = k.k1 AND t.category = k.k2 AND t.country = k.k3 "
        'AND t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 '
        'AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallyunit t USING (SELECT DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1'
        ' AS k2, i.classification AS k3, i.originator_id AS k4, i.release_to_all_members AS k5, '
        'i.release_mask AS k6 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.classification = "
        'k.k3 AND t.originator_id = k.k4 AND t.release_to_all_members = k.k5 AND t.release_mask = '
        'k.k6 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallyunit t'
        ' USING (SELECT DISTINCT i.week AS k0, i.country AS k1, i.admin1 AS k2, i.classification AS '
        'k3, i.originator_id AS k4, i.release_to_all_members AS k5, i.release_mask AS k6 FROM '
        "removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 "
        'AND t.country = k.k1 AND t.admin1 = k.k2 AND t.classification = k.k3 AND t.originator_id = '
        'k.k4 AND t.release_to_all_members = k.k5 AND t.release_mask = k.k6 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallycell t USING (SELECT DISTINCT '
        'i.occurred_on AS k0, i.country AS k1, floor(i.latitude / 1.40625)::integer AS k2, '
        'floor(i.longitude / 1.40625)::integer AS k3, i.classification AS k4, i.originator_id AS k5, '
        'i.release_to_all_members AS k6, i.release_mask AS k7 FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) k WHERE '
        "t.span = 'd' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.cy = k.k2 AND t.cx = k.k3 AND"
        ' t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND '
        't.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycell t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'floor(i.latitude / 1.40625)::integer AS k2, floor(i.longitude / 1.40625)::integer AS k3, '
        'i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        "NOT NULL AND i.longitude IS NOT NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 AND "
        't.country = k.k1 AND t.cy = k.k2 AND t.cx = k.k3 AND t.classification = k.k4 AND '
        't.originator_id = k.k5 AND t.release_to_all_members = k.k6 AND t.release_mask = k.k7 AND '
        't.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallyunitbycategory '
        't USING (SELECT DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1 AS k2, i.category AS'
        ' k3, i.classification AS k4, i.originator_id AS k5, i.release_to_all_members AS k6, '
        'i.release_mask AS k7 FROM removed_rows i WHERE i.merged_into_id IS NULL) k WHERE t.span = '
        "'d' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.category = k.k3 "
        'AND t.classification = k.k4 AND t.originator_id = k.k5 AND t.release_to_all_members = k.k6 '
        'AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallyunitbycategory t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'i.admin1 AS k2, i.category AS k3, i.classification AS k4, i.originator_id AS k5, '
        'i.release_to_all_members AS k6, i.release_mask AS k7 FROM removed_rows i WHERE '
        "i.merged_into_id IS NULL) k WHERE t.span = 'w' AND t.starts_on = k.k0 AND t.country = k.k1 "
        'AND t.admin1 = k.k2 AND t.category = k.k3 AND t.classification = k.k4 AND t.originator_id = '
        'k.k5 AND t.release_to_all_members = k.k6 AND t.release_mask = k.k7 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; DELETE FROM monitoring_tallycellbycategory t USING (SELECT '
        'DISTINCT i.occurred_on AS k0, i.country AS k1, i.admin1 AS k2, i.category AS k3, '
        'floor(i.latitude / 1.40625)::integer AS k4, floor(i.longitude / 1.40625)::integer AS k5, '
        'i.classification AS k6, i.originator_id AS k7, i.release_to_all_members AS k8, '
        'i.release_mask AS k9 FROM removed_rows i WHERE i.merged_into_id IS NULL AND i.latitude IS '
        "NOT NULL AND i.longitude IS NOT NULL) k WHERE t.span = 'd' AND t.starts_on = k.k0 AND "
        't.country = k.k1 AND t.admin1 = k.k2 AND t.category = k.k3 AND t.cy = k.k4 AND t.cx = k.k5 '
        'AND t.classification = k.k6 AND t.originator_id = k.k7 AND t.release_to_all_members = k.k8 '
        'AND t.release_mask = k.k9 AND t.n1 = 0 AND t.n2 = 0 AND t.n3 = 0 AND t.n4 = 0; DELETE FROM '
        'monitoring_tallycellbycategory t USING (SELECT DISTINCT i.week AS k0, i.country AS k1, '
        'i.admin1 AS k2, i.category AS k3, floor(i.latitude / 1.40625)::integer AS k4, '
        'floor(i.longitude / 1.40625)::integer AS k5, i.classification AS k6, i.originator_id AS k7, '
        'i.release_to_all_members AS k8, i.release_mask AS k9 FROM removed_rows i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL) k WHERE '
        "t.span = 'w' AND t.starts_on = k.k0 AND t.country = k.k1 AND t.admin1 = k.k2 AND t.category "
        '= k.k3 AND t.cy = k.k4 AND t.cx = k.k5 AND t.classification = k.k6 AND t.originator_id = '
        'k.k7 AND t.release_to_all_members = k.k8 AND t.release_mask = k.k9 AND t.n1 = 0 AND t.n2 = 0'
        ' AND t.n3 = 0 AND t.n4 = 0; RETURN NULL; END $$'
    ),
    (
        'CREATE TRIGGER monitoring_tally_insert AFTER INSERT ON monitoring_incident REFERENCING NEW '
        'TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_tally_add()'
    ),
    (
        'CREATE TRIGGER monitoring_tally_update AFTER UPDATE ON monitoring_incident REFERENCING OLD '
        'TABLE AS removed_rows NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION '
        'monitoring_tally_move()'
    ),
    (
        'CREATE TRIGGER monitoring_tally_delete AFTER DELETE ON monitoring_incident REFERENCING OLD '
        'TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_tally_take()'
    ),
]

PG_REMOVE = [
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_insert ON monitoring_incident'
    ),
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_update ON monitoring_incident'
    ),
    (
        'DROP TRIGGER IF EXISTS monitoring_tally_delete ON monitoring_incident'
    ),
    (
        'DROP FUNCTION IF EXISTS monitoring_tally_add()'
    ),
    (
        'DROP FUNCTION IF EXISTS monitoring_tally_move()'
    ),
    (
        'DROP FUNCTION IF EXISTS monitoring_tally_take()'
    ),
    (
        'DROP FUNCTION IF EXISTS monitoring_tally_apply()'
    ),
]

PG_REBUILD = [
    (
        'DELETE FROM monitoring_tallycount'
    ),
    (
        'INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, classification,'
        " originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.week, i.category, i.country, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycount (span, starts_on, week, category, country, classification,'
        " originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, "
        'i.week, i.category, i.country, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL '
        'GROUP BY i.week, i.week, i.category, i.country, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallyunit'
    ),
    (
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'd', "
        'i.occurred_on, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.classification, '
        'i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallyunit (span, starts_on, country, admin1, classification, '
        "originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT 'w', i.week, "
        'i.country, i.admin1, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL '
        'GROUP BY i.week, i.country, i.admin1, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallycell'
    ),
    (
        'INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, classification, '
        'originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4,'
        " lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, floor(i.latitude / "
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 *'
        ' i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * '
        'i.longitude ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL AND '
        'i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.occurred_on, i.country, '
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycell (span, starts_on, country, cy, cx, classification, '
        'originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, lat1, lat2, lat3, lat4,'
        " lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, floor(i.latitude / "
        '1.40625)::integer, floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id,'
        ' i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 *'
        ' i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * '
        'i.longitude ELSE 0 END) FROM monitoring_incident i WHERE i.merged_into_id IS NULL AND '
        'i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY i.week, i.country, '
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallyunitbycategory'
    ),
    (
        'INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'d', i.occurred_on, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallyunitbycategory (span, starts_on, country, admin1, category, '
        'classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4) SELECT '
        "'w', i.week, i.country, i.admin1, i.category, i.classification, i.originator_id, "
        'i.release_to_all_members, i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL GROUP BY i.week, i.country, i.admin1, i.category, i.classification,'
        ' i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'DELETE FROM monitoring_tallycellbycategory'
    ),
    (
        'INSERT INTO monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, '
        'cx, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, '
        "lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'd', i.occurred_on, i.country, "
        'i.admin1, i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / '
        '1.40625)::integer, i.classification, i.originator_id, i.release_to_all_members, '
        'i.release_mask, SUM(CASE WHEN i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = '
        '2 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 3 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE '
        '0 END), SUM(CASE WHEN i.severity = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 2 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * '
        'i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM '
        'monitoring_incident i WHERE i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND '
        'i.longitude IS NOT NULL GROUP BY i.occurred_on, i.country, i.admin1, i.category, '
        'floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask'
    ),
    (
        'INSERT INTO monitoring_tallycellbycategory (span, starts_on, country, admin1, category, cy, '
        'cx, classification, originator_id, release_to_all_members, release_mask, n1, n2, n3, n4, '
        "lat1, lat2, lat3, lat4, lon1, lon2, lon3, lon4) SELECT 'w', i.week, i.country, i.admin1, "
        'i.category, floor(i.latitude / 1.40625)::integer, floor(i.longitude / 1.40625)::integer, '
        'i.classification, i.originator_id, i.release_to_all_members, i.release_mask, SUM(CASE WHEN '
        'i.severity = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 ELSE 0 END), SUM(CASE'
        ' WHEN i.severity = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN i.severity = 4 THEN 1 ELSE 0 END), '
        'SUM(CASE WHEN i.severity = 1 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 '
        'THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.latitude ELSE 0 '
        'END), SUM(CASE WHEN i.severity = 4 THEN 1 * i.latitude ELSE 0 END), SUM(CASE WHEN i.severity'
        ' = 1 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN i.severity = 2 THEN 1 * i.longitude '
        'ELSE 0 END), SUM(CASE WHEN i.severity = 3 THEN 1 * i.longitude ELSE 0 END), SUM(CASE WHEN '
        'i.severity = 4 THEN 1 * i.longitude ELSE 0 END) FROM monitoring_incident i WHERE '
        'i.merged_into_id IS NULL AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL GROUP BY '
        'i.week, i.country, i.admin1, i.category, floor(i.latitude / 1.40625)::integer, '
        'floor(i.longitude / 1.40625)::integer, i.classification, i.originator_id, '
        'i.release_to_all_members, i.release_mask'
    ),
]
