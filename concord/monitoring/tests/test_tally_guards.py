"""The incident tally triggers as a database guard: the migrations install the same triggers as
the registry holds, whatever version of them a database had, and a repair after a table
rebuild dropped them counts what was written meanwhile."""

from __future__ import annotations

import importlib
import io
from datetime import date

import pytest
from django.apps import apps
from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import CompositePrimaryKey

from concord.core.guards import guards_inspect
from concord.core.tests.schema_change import alter_field_and_back, latest_migration_defining
from concord.monitoring import services, tally
from concord.monitoring.models import TallyCount
from concord.monitoring.tests.factories import incident


def _guard_errors() -> list[checks.CheckMessage]:
    return checks.run_checks(tags=["guards"])


def _tally_guard_names() -> list[str]:
    return [item.name for item in tally.GUARD.objects(connection.vendor)]


def _counted(personas) -> int:
    return sum(row.n1 + row.n2 + row.n3 + row.n4 for row in
               TallyCount.objects.visible_to(personas.officer).filter(span="w"))


def _definitions() -> list[tuple[str, ...]]:
    """Every trigger and trigger function in the database, as the database keeps it."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' "
                           "ORDER BY name")
        else:
            cursor.execute(
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal "
                "UNION ALL SELECT proname, prosrc FROM pg_proc "
                "WHERE pg_function_is_visible(oid) AND prorettype = 'trigger'::regtype "
                "ORDER BY 1")
        return [tuple(row) for row in cursor.fetchall()]


def test_the_tally_triggers_are_the_sql_of_the_latest_monitoring_migration():
    migration = latest_migration_defining("monitoring", "PG_INSTALL")
    assert migration.__name__.endswith("0020_town_cells")
    for vendor, prefix in (("sqlite", "SQLITE"), ("postgresql", "PG")):
        assert tally.install_statements(vendor) == getattr(migration, f"{prefix}_INSTALL")
        assert tally.remove_statements(vendor) == getattr(migration, f"{prefix}_REMOVE")
        assert tally.rebuild_statements(vendor) == getattr(migration, f"{prefix}_REBUILD")


@pytest.mark.django_db(transaction=True)
def test_it_names_the_lost_tally_triggers_and_repair_counts_what_was_written_meanwhile(personas):
    incident(personas.secretariat, occurred_on=date(2024, 6, 6))
    alter_field_and_back("monitoring", "Incident", "admin1")
    if connection.vendor == "postgresql":
        # PostgreSQL alters the column in place and keeps the triggers; they are lost by hand.
        assert _guard_errors() == []
        tally.remove()

    moved = incident(personas.secretariat, occurred_on=date(2024, 6, 7))
    services.incident_update(actor=personas.analyst, incident=moved, occurred_on=date(2024, 6, 20))
    incident(personas.secretariat, occurred_on=date(2024, 6, 8))
    assert _counted(personas) == 1
    errors = _guard_errors()
    for name in _tally_guard_names():
        assert any(name in error.msg and "monitoring.tallies" in error.msg for error in errors), name

    listed = io.StringIO()
    call_command("guards", "list", stdout=listed)
    assert "monitoring.tallies: the incident tallies move with every incident written " \
           "[NEEDS REPAIR]" in listed.getvalue()
    assert "trigger monitoring_tally_insert on monitoring_incident: missing" in listed.getvalue()

    out = io.StringIO()
    call_command("guards", "repair", stdout=out)

    assert "monitoring.tallies: recreated" in out.getvalue()
    assert "rebuilt" in out.getvalue()
    assert _guard_errors() == []
    assert tally.check() == []
    assert _counted(personas) == 3
    incident(personas.secretariat, occurred_on=date(2024, 6, 9))
    assert _counted(personas) == 4
    assert tally.check() == []


@pytest.mark.django_db(transaction=True)
def test_the_first_triggers_are_found_out_of_date_and_repaired(personas):
    first = importlib.import_module("concord.monitoring.migrations.0005_incident_tallies")
    statements = {"sqlite": first.SQLITE_INSTALL, "postgresql": first.PG_INSTALL}
    tally.remove()
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor]:
            cursor.execute(statement)

    messages = [error.msg for error in _guard_errors()]

    # Since 0009 the unit and cell tallies are kept by category: both engines' triggers differ.
    assert any("trigger monitoring_tally_insert" in m and "differs" in m for m in messages)
    if connection.vendor == "postgresql":
        assert any("function monitoring_tally_add() is missing" in m for m in messages)
    call_command("guards", "repair", stdout=io.StringIO())
    assert _guard_errors() == []


@pytest.mark.django_db(transaction=True)
def test_a_database_migrated_with_the_first_triggers_ends_with_the_same_as_a_new_one(personas):
    incident(personas.secretariat)
    fresh = _definitions()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("monitoring")

    MigrationExecutor(connection).migrate([("monitoring", "0006_tally_storage")])
    pending = {state.guard.name: state for state in guards_inspect()}["monitoring.tallies"]
    # Not held against the database until migrate has run: migrate must not be stopped by it.
    assert pending.pending_migrations and pending.ok and _guard_errors() == []
    if connection.vendor == "postgresql":
        assert "monitoring_tally_apply" in {row[0] for row in _definitions()}
    MigrationExecutor(connection).migrate(latest)

    assert _definitions() == fresh
    assert _guard_errors() == []
    assert tally.check() == []
    assert _counted(personas) == 1


def test_a_rebuild_writes_each_tally_in_the_order_of_its_key(personas):
    for spec in tally.specs(connection.vendor):
        [model] = [m for m in apps.get_app_config("monitoring").get_models()
                   if m._meta.db_table == spec.table]
        columns = spec.key_columns()
        order = [columns[int(position) - 1] for position in spec.ordered().split(", ")]
        key = model._meta.pk
        assert isinstance(key, CompositePrimaryKey)
        assert ["span", *order] == [getattr(field, "column", None) for field in key.fields], \
            spec.table

    # Written out of order of the towns' key (country first), then added up again.
    for day, country in ((date(2024, 6, 9), "TJ"), (date(2024, 6, 2), "KG"),
                         (date(2024, 6, 5), "TJ"), (date(2024, 6, 1), "RU")):
        incident(personas.secretariat, occurred_on=day, country=country)
    tally.rebuild()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # A table without rowids is stored in the order of its key.
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'monitoring_tallycelltown' "
                           "AND sql LIKE '%WITHOUT ROWID%'")
            assert cursor.fetchone() is not None
        else:
            cursor.execute("SELECT span, country, starts_on FROM monitoring_tallycelltown "
                           "ORDER BY ctid")
            rows = cursor.fetchall()
            # Each span's rows together (days, weeks, months, as written), each in key order.
            assert rows == sorted(rows, key=lambda row: ("dwm".index(row[0]), *row[1:])), rows
