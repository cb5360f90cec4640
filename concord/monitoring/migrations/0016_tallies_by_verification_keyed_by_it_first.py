"""The tallies by verification keep their rows in the order of the verification first (after the
span, before the day), so that the picture of one verification walks that verification's rows
of the period rather than every verification's. Their columns, their triggers and what they
hold stay as they were: only the primary key is made again, in the new order.

SQLite keeps such a table in the order of its key (WITHOUT ROWID), so each table is made anew
and its rows copied, with the triggers lifted meanwhile (a rename checks every trigger that
names a table); PostgreSQL builds the key's index again.
"""

import importlib
import re

from django.db import migrations, models

OLD = {
    "monitoring_tallyunitbyverification": (
        "span", "starts_on", "country", "admin1", "category", "verification", "classification",
        "originator_id", "release_to_all_members", "release_mask"),
    "monitoring_tallycellbyverification": (
        "span", "starts_on", "country", "admin1", "category", "verification", "cy", "cx",
        "classification", "originator_id", "release_to_all_members", "release_mask"),
}
NEW = {
    "monitoring_tallyunitbyverification": (
        "span", "verification", "starts_on", "country", "admin1", "category", "classification",
        "originator_id", "release_to_all_members", "release_mask"),
    "monitoring_tallycellbyverification": (
        "span", "verification", "starts_on", "country", "admin1", "category", "cy", "cx",
        "classification", "originator_id", "release_to_all_members", "release_mask"),
}
LABELLED = ('"span" varchar(1) NOT NULL, "starts_on" date NOT NULL, "classification" smallint '
            'unsigned NOT NULL CHECK ("classification" >= 0), "release_to_all_members" bool NOT '
            'NULL, "release_mask" bigint NOT NULL, "n1" integer NOT NULL, "n2" integer NOT NULL, '
            '"n3" integer NOT NULL, "n4" integer NOT NULL, "country" varchar(2) NOT NULL, '
            '"admin1" varchar(100) NOT NULL, "category" varchar(32) NOT NULL, "verification" '
            'varchar(16) NOT NULL, ')
COLUMNS = {
    "monitoring_tallyunitbyverification": LABELLED + '"originator_id" bigint NOT NULL',
    "monitoring_tallycellbyverification": (
        LABELLED + '"cy" integer NOT NULL, "cx" integer NOT NULL, "lat1" real NOT NULL, "lat2" '
        'real NOT NULL, "lat3" real NOT NULL, "lat4" real NOT NULL, "lon1" real NOT NULL, '
        '"lon2" real NOT NULL, "lon3" real NOT NULL, "lon4" real NOT NULL, "originator_id" '
        'bigint NOT NULL'),
}


def _triggers():
    return importlib.import_module("concord.monitoring.migrations.0014_fine_cell_tally")


def _rekey(schema_editor, keys):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table, key in keys.items():
            schema_editor.execute(
                f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, "
                f"ADD CONSTRAINT {table}_pkey PRIMARY KEY ({', '.join(key)})")
        return
    if vendor != "sqlite":
        raise NotImplementedError(f"No incident tallies for {vendor}.")
    for statement in _triggers().SQLITE_REMOVE:
        schema_editor.execute(statement)
    for table, key in keys.items():
        quoted = ", ".join(f'"{column}"' for column in key)
        schema_editor.execute(f'CREATE TABLE "{table}__rekeyed" ({COLUMNS[table]}, '
                              f"PRIMARY KEY ({quoted})) WITHOUT ROWID")
        columns = ", ".join(f'"{name}"' for name in re.findall(r'"(\w+)" ', COLUMNS[table]))
        schema_editor.execute(f'INSERT INTO "{table}__rekeyed" ({columns}) '
                              f'SELECT {columns} FROM "{table}"')
        schema_editor.execute(f'DROP TABLE "{table}"')
        schema_editor.execute(f'ALTER TABLE "{table}__rekeyed" RENAME TO "{table}"')
    for statement in _triggers().SQLITE_INSTALL:
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _rekey(schema_editor, NEW)


def backwards(apps, schema_editor):
    _rekey(schema_editor, OLD)


class Migration(migrations.Migration):

    dependencies = [('monitoring', '0015_severe_incident_index')]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forwards, backwards)],
            state_operations=[
                migrations.AlterField(
                    model_name='tallycellbyverification',
                    name='pk',
                    field=models.CompositePrimaryKey('span', 'verification', 'starts_on', 'country', 'admin1', 'category', 'cy', 'cx', 'classification', 'originator', 'release_to_all_members', 'release_mask', blank=True, editable=False, primary_key=True, serialize=False),
                ),
                migrations.AlterField(
                    model_name='tallyunitbyverification',
                    name='pk',
                    field=models.CompositePrimaryKey('span', 'verification', 'starts_on', 'country', 'admin1', 'category', 'classification', 'originator', 'release_to_all_members', 'release_mask', blank=True, editable=False, primary_key=True, serialize=False),
                ),
            ],
        ),
    ]
