"""The database-level guard of the audit log, on SQLite and PostgreSQL: the entries are
append-only, and the head moves only forward, one step at a time, onto the entry just appended.

Migrations write this SQL out for themselves (a migration must not change with this module);
here it is the same SQL as the latest of them (core 0006), registered as a database guard that
`concord guards repair` puts back, and it serves the tests that wipe a database between tests or
tamper with the chain on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection as default_connection

from concord.core.guards import Guard

_SQLITE_INSTALL = [
    "CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS core_audithead_no_delete BEFORE DELETE ON core_audithead "
    "BEGIN SELECT RAISE(ABORT, 'the audit head only moves forward'); END",
    "CREATE TRIGGER IF NOT EXISTS core_audithead_one_row BEFORE INSERT ON core_audithead "
    "WHEN NEW.seq IS NOT 0 OR EXISTS (SELECT 1 FROM core_audithead) "
    "BEGIN SELECT RAISE(ABORT, 'the audit head only moves forward'); END",
    "CREATE TRIGGER IF NOT EXISTS core_audithead_forward_only BEFORE UPDATE ON core_audithead "
    "WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1 "
    "OR NEW.hash IS NOT (SELECT hash FROM core_auditentry WHERE seq = NEW.seq) "
    "BEGIN SELECT RAISE(ABORT, 'the audit head only moves forward'); END",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete",
    "DROP TRIGGER IF EXISTS core_audithead_no_delete",
    "DROP TRIGGER IF EXISTS core_audithead_one_row",
    "DROP TRIGGER IF EXISTS core_audithead_forward_only",
]
_PG_INSTALL = [
    "CREATE OR REPLACE FUNCTION core_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE OR REPLACE FUNCTION core_audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN "
    "IF TG_OP = 'INSERT' AND NEW.seq = 0 AND NOT EXISTS (SELECT 1 FROM core_audithead) THEN "
    "RETURN NEW; END IF; "
    "IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 "
    "AND NEW.hash = (SELECT hash FROM core_auditentry WHERE seq = NEW.seq) THEN "
    "RETURN NEW; END IF; "
    "RAISE EXCEPTION 'the audit head only moves forward'; END $$",
    "CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION core_audit_append_only()",
    "CREATE TRIGGER core_auditentry_no_truncate BEFORE TRUNCATE ON core_auditentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_audit_append_only()",
    "CREATE TRIGGER core_audithead_forward_only BEFORE INSERT OR UPDATE OR DELETE "
    "ON core_audithead FOR EACH ROW EXECUTE FUNCTION core_audit_head_forward_only()",
    "CREATE TRIGGER core_audithead_no_truncate BEFORE TRUNCATE ON core_audithead "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_audit_append_only()",
]
_PG_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry",
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry",
    "DROP TRIGGER IF EXISTS core_audithead_forward_only ON core_audithead",
    "DROP TRIGGER IF EXISTS core_audithead_no_truncate ON core_audithead",
]


def install_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return _PG_INSTALL
    if vendor == "sqlite":
        return _SQLITE_INSTALL
    raise NotImplementedError(f"No append-only guard for {vendor}.")


def remove_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return _PG_REMOVE
    if vendor == "sqlite":
        return _SQLITE_REMOVE
    raise NotImplementedError(f"No append-only guard for {vendor}.")


GUARD = Guard(
    name="core.audit_log",
    app_label="core",
    purpose="audit entries are append-only and the head only moves forward",
    install=install_statements,
    remove=remove_statements,
)


def install_guard(connection: Any = default_connection) -> None:
    with connection.cursor() as cursor:
        for statement in install_statements(connection.vendor):
            cursor.execute(statement)


def remove_guard(connection: Any = default_connection) -> None:
    with connection.cursor() as cursor:
        for statement in remove_statements(connection.vendor):
            cursor.execute(statement)


@contextmanager
def guard_lifted(connection: Any = default_connection) -> Iterator[None]:
    """Only for wiping a whole test database between tests, and for the tests that tamper with
    the chain as an attacker would; the guard is back on exit."""
    remove_guard(connection)
    try:
        yield
    finally:
        install_guard(connection)
