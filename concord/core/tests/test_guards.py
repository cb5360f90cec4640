"""The database guards: each app's triggers, held against the database by a system check at
start-up, and put back by `concord guards repair` when a table rebuild has dropped them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from django.core import checks
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError
from django.db import DatabaseError, connection, transaction

from concord.core import audit_guard
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
from concord.core.guards import guards_inspect, registered
from concord.core.models import AuditEntry, AuditHead
from concord.core.tests.processes import ROOT, child_env
from concord.core.tests.schema_change import alter_field_and_back, latest_migration_defining


def _guard_errors() -> list[checks.CheckMessage]:
    return checks.run_checks(tags=["guards"])


def _audit_guard_triggers() -> list[str]:
    return [item.name for item in audit_guard.GUARD.objects(connection.vendor)
            if item.kind == "trigger"]


def _lose_the_audit_guard() -> None:
    # The head first: on SQLite its guard reads the entries' table, and a rebuild of that table
    # is refused while a trigger elsewhere names it. Once the head is rebuilt, nothing is.
    alter_field_and_back("core", "AuditHead", "hash")
    alter_field_and_back("core", "AuditEntry", "action")
    if connection.vendor == "postgresql":
        # PostgreSQL alters a column in place and keeps its triggers: they are lost only by
        # hand here, the way an operator's DROP TRIGGER or a restore without them loses them.
        assert _guard_errors() == []
        audit_guard.remove_guard()


def _refused(statement: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    except DatabaseError:
        return True
    return False


@pytest.mark.django_db
def test_it_finds_every_guard_in_place_on_a_migrated_database():
    assert {guard.name for guard in registered()} >= {"core.audit_log", "monitoring.tallies"}
    assert _guard_errors() == []
    assert all(state.ok and not state.pending_migrations for state in guards_inspect())


def test_its_audit_guard_is_the_sql_of_the_latest_core_migration():
    migration = latest_migration_defining("core", "SQLITE_HEAD_GUARD")
    for vendor, installed, removed in (
        ("sqlite", migration.SQLITE_ENTRY_GUARD + migration.SQLITE_HEAD_GUARD,
         migration.SQLITE_REMOVE),
        ("postgresql", migration.PG_ENTRY_GUARD + migration.PG_HEAD_GUARD, migration.PG_REMOVE),
    ):
        assert sorted(audit_guard.install_statements(vendor)) == sorted(installed)
        assert audit_guard.remove_statements(vendor) == removed


@pytest.mark.django_db(transaction=True)
def test_it_names_the_lost_audit_guard_and_repair_makes_the_log_append_only_again():
    audit_record(actor=SYSTEM, action="test.before")
    _lose_the_audit_guard()

    errors = _guard_errors()
    assert {error.id for error in errors} == {"concord.E002"}
    for name in _audit_guard_triggers():
        assert any(name in error.msg for error in errors), name
    assert all("concord guards repair" in (error.hint or "") for error in errors)
    with pytest.raises(SystemCheckError, match="core_auditentry"):
        call_command("check")
    with pytest.raises(CommandError) as failed:
        call_command("guards", "check", stdout=io.StringIO(), stderr=io.StringIO())
    assert failed.value.returncode == 1
    assert not _refused("UPDATE core_auditentry SET actor_name = 'nobody' WHERE seq = 1")

    out = io.StringIO()
    call_command("guards", "repair", stdout=out)

    assert "core.audit_log: recreated" in out.getvalue()
    assert _guard_errors() == []
    assert _refused("UPDATE core_auditentry SET actor_name = 'someone' WHERE seq = 1")
    assert _refused("DELETE FROM core_auditentry")
    assert _refused("DELETE FROM core_audithead")
    repair = AuditEntry.objects.order_by("-seq").first()
    assert repair is not None
    assert (repair.action, repair.target_id) == ("core.guard.repair", "core.audit_log")
    recreated = json.loads(repair.detail)["recreated"]
    assert all(any(name in item for item in recreated) for name in _audit_guard_triggers())
    # The log is whole again and goes on: the head still moves onto each new entry.
    audit_record(actor=SYSTEM, action="test.after")
    assert AuditHead.objects.get().seq == repair.seq + 1


@pytest.mark.django_db(transaction=True)
def test_it_repairs_nothing_when_every_guard_is_in_place():
    entries = AuditEntry.objects.count()
    out = io.StringIO()

    call_command("guards", "repair", stdout=out)

    assert "nothing repaired" in out.getvalue()
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db(transaction=True)
def test_concord_serve_refuses_to_start_without_the_audit_guard():
    _lose_the_audit_guard()

    started = subprocess.run(
        [sys.executable, "-m", "concord.cli", "serve", "--port", "0", "--no-worker"],
        cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=90, check=False,
    )

    assert started.returncode != 0
    assert "concord.E002" in started.stderr
    assert "concord guards repair" in started.stderr
    assert "Concord is serving" not in started.stdout
