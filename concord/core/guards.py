"""The database's own guards: triggers that keep an invariant whatever writes to a table (the
audit log append-only, the incident tallies in step), which the application's code relies on and
cannot see go missing.

They do go missing: on SQLite a migration that rebuilds a table (most column changes do) drops
its triggers without a word, and a database migrated before a trigger was redesigned keeps the
old one. Each app registers here, in its AppConfig.ready(), the guards it relies on, with the same
SQL as the latest migration that installs them; a system check holds the database against them
at start-up and `concord guards repair` puts back what is missing or out of date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader

from concord.core.actors import Actor
from concord.core.audit import audit_record

_TRIGGER = re.compile(r"CREATE TRIGGER (?:IF NOT EXISTS )?(\w+) .*? ON (\w+) ", re.DOTALL)
_FUNCTION = re.compile(r"CREATE (?:OR REPLACE )?FUNCTION (\w+)\(\).*?\$\$(.*)\$\$", re.DOTALL)


@dataclass(frozen=True)
class DatabaseObject:
    kind: str  # "trigger" or "function"
    name: str
    table: str  # the table a trigger is on; "" for a function
    create: str

    def __str__(self) -> str:
        return f"trigger {self.name} on {self.table}" if self.table else f"function {self.name}()"


def objects_of(statements: Sequence[str]) -> tuple[DatabaseObject, ...]:
    """The triggers and functions a list of CREATE statements makes (other statements make
    nothing to look for)."""
    found = []
    for statement in statements:
        if trigger := _TRIGGER.match(statement):
            found.append(DatabaseObject("trigger", trigger[1], trigger[2], statement))
        elif function := _FUNCTION.match(statement):
            found.append(DatabaseObject("function", function[1], "", statement))
    return tuple(found)


@dataclass(frozen=True)
class Guard:
    """What an app needs of the database. `install` and `remove` give the statements for an
    engine (its connection.vendor), the same as the app's latest migration; `after_repair`, given
    a connection, puts right what the missing guard let through and describes what it did."""

    name: str
    app_label: str
    purpose: str
    install: Callable[[str], Sequence[str]]
    remove: Callable[[str], Sequence[str]]
    after_repair: Callable[[Any], dict[str, Any]] | None = None

    def objects(self, vendor: str) -> tuple[DatabaseObject, ...]:
        return objects_of(self.install(vendor))


_registered: dict[str, Guard] = {}


def register(guard: Guard) -> None:
    """Called from an AppConfig.ready(); registering the same name again replaces it."""
    _registered[guard.name] = guard


def registered() -> list[Guard]:
    return sorted(_registered.values(), key=lambda guard: guard.name)


@dataclass(frozen=True)
class Problem:
    guard: Guard
    item: DatabaseObject
    missing: bool  # False: present under its name, but not as the guard defines it

    def __str__(self) -> str:
        state = "is missing" if self.missing else "differs from the one Concord installs"
        return f"{self.item} {state}"


@dataclass
class GuardState:
    guard: Guard
    # Not looked at while the app's migrations are not all applied: they install the guard.
    pending_migrations: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_EVENTS = re.compile(r"^(CREATE TRIGGER \w+ (?:BEFORE|AFTER|INSTEAD OF) )(.+?)( ON \w+ )")


def _normalise(sql: str) -> str:
    # PostgreSQL gives a trigger's events in an order of its own: compare them as a set.
    sql = " ".join(sql.replace("IF NOT EXISTS ", "").split())
    return _EVENTS.sub(lambda m: m[1] + " OR ".join(sorted(m[2].split(" OR "))) + m[3], sql, 1)


def _present(connection: Any) -> dict[tuple[str, str, str], str]:
    """(kind, name, table) of each trigger and function in the database -> its definition,
    written so that it compares equal to the CREATE statement that made it."""
    found: dict[tuple[str, str, str], str] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # SQLite keeps each trigger's CREATE statement as written (less IF NOT EXISTS).
            cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            for name, table, sql in cursor.fetchall():
                found["trigger", name, table] = _normalise(sql)
        elif connection.vendor == "postgresql":
            # PostgreSQL rewrites a trigger's definition with the table's schema, and keeps a
            # function's body as written: both are compared as the statement would give them.
            cursor.execute(
                "SELECT t.tgname, c.relname, n.nspname, pg_get_triggerdef(t.oid) "
                "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)"
            )
            for name, table, schema, definition in cursor.fetchall():
                found["trigger", name, table] = _normalise(
                    definition.replace(f" ON {schema}.{table} ", f" ON {table} ", 1))
            cursor.execute(
                "SELECT p.proname, p.prosrc FROM pg_proc p "
                "WHERE pg_function_is_visible(p.oid) AND p.prokind = 'f' AND p.pronargs = 0"
            )
            for name, body in cursor.fetchall():
                found["function", name, ""] = _normalise(body)
        else:
            raise NotImplementedError(f"No database guards for {connection.vendor}.")
    return found


def _expected(item: DatabaseObject) -> str:
    if item.kind == "function":
        body = _FUNCTION.match(item.create)
        return _normalise(body[2] if body else "")
    return _normalise(item.create)


def _apps_with_pending_migrations(connection: Any) -> set[str]:
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return {app for app, _ in set(loader.graph.nodes) - set(loader.applied_migrations)}


def guards_inspect(*, using: str = DEFAULT_DB_ALIAS) -> list[GuardState]:
    """Every registered guard, held against the database `using`."""
    connection = connections[using]
    pending = _apps_with_pending_migrations(connection)
    present = _present(connection)
    states = []
    for guard in registered():
        state = GuardState(guard, pending_migrations=guard.app_label in pending)
        if not state.pending_migrations:
            for item in guard.objects(connection.vendor):
                definition = present.get((item.kind, item.name, item.table))
                if definition != _expected(item):
                    state.problems.append(Problem(guard, item, missing=definition is None))
        states.append(state)
    return states


@dataclass(frozen=True)
class Repaired:
    guard: Guard
    recreated: list[str]
    afterwards: dict[str, Any]


def guards_repair(*, actor: Actor) -> list[Repaired]:
    """Recreate each guard found missing or out of date (the whole guard, from its SQL), put
    right what it let through, and audit each repair; one transaction for all of it. The audit
    log is in the default database, so that is the one repaired."""
    connection = connections[DEFAULT_DB_ALIAS]
    repaired = []
    with transaction.atomic():
        for state in guards_inspect():
            if state.ok:
                continue
            guard = state.guard
            with connection.cursor() as cursor:
                for statement in [*guard.remove(connection.vendor),
                                  *guard.install(connection.vendor)]:
                    cursor.execute(statement)
            afterwards = guard.after_repair(connection) if guard.after_repair else {}
            recreated = [str(problem.item) for problem in state.problems]
            audit_record(actor=actor, action="core.guard.repair", target_type="database_guard",
                         target_id=guard.name,
                         detail={"recreated": recreated, "afterwards": afterwards})
            repaired.append(Repaired(guard, recreated, afterwards))
    return repaired
