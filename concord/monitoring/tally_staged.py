# ruff: noqa: S608 -- every name and expression put into the SQL here is a constant of this module
"""An import's staged rows moved into the incident table and added to the tallies in one step
(see concord.monitoring.tally for what the tallies add up and the triggers that keep them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection as default_connection

from concord.monitoring.models import Incident
from concord.monitoring.tally import (
    INCIDENTS,
    Spec,
    _fresh,
    install_statements,
    remove_statements,
    specs,
)

STAGE = "monitoring_incidentstage"
# SQLite's page cache while staged rows are moved (KiB; the usual is 2 MiB): the incident
# table's indexes take the rows in orders of their own (a random one for the public id), and
# with the usual cache the pages they touch are written out and read back over and over. The
# pages are held only as long as the move needs them. (250,000 rows on a loaded machine: the
# insert took 6.8 s with the usual cache and 2.6 to 7.1 s with this one; too noisy to say
# more than that it does not hurt.)
MOVE_CACHE_KIB = 262144


def _staged_sums(spec: Spec, span: str) -> str:
    return f"temp.staged_{spec.table}_{span}"


@contextmanager
def staged_sums(run: str, connection: Any = default_connection) -> Iterator[None]:
    """SQLite: add up the tally sums of the rows staged under `run` into temporary tables,
    before the transaction that moves them, for `move_staged` to add to the tallies. A
    temporary table is the connection's own: writing it takes no lock on the database, and the
    staged rows change no more once staged. Dropped on exit."""
    if connection.vendor != "sqlite":
        yield
        return
    staged = f"(SELECT * FROM {STAGE} WHERE run = %s)"
    made: list[str] = []
    try:
        with connection.cursor() as cursor:
            for spec in specs(connection.vendor):
                for span, start in spec.spans:
                    name = _staged_sums(spec, span)
                    cursor.execute(f"DROP TABLE IF EXISTS {name}")
                    made.append(name)
                    cursor.execute(f"CREATE TEMP TABLE {name.removeprefix('temp.')} AS "
                                   f"{_fresh(spec, span, start, staged)}", [run])
        yield
    finally:
        with connection.cursor() as cursor:
            for name in made:
                cursor.execute(f"DROP TABLE IF EXISTS {name}")


def move_staged(run: str, connection: Any = default_connection) -> int:
    """Moves the rows an import staged under `run` (see `IncidentStage`) into the incident
    table with one statement, adding them to the tallies; returns how many rows it moved. It
    runs in the caller's transaction, which must be open, and leaves the staged rows in place.

    On PostgreSQL the statement-level triggers move each tally row once for the statement. On
    SQLite the triggers are row-level and would move tally rows once per incident, which for
    hundreds of thousands of rows keeps the write lock for tens of seconds: they are dropped
    for the statement, the sums of the staged rows (added up beforehand by `staged_sums`) are
    added to the tallies, and the triggers are created again from the same SQL, all in the one
    transaction. SQLite's DDL is transactional, so no other connection ever sees the incident
    table without its triggers."""
    if not connection.in_atomic_block:
        raise RuntimeError("Staged rows are moved within a transaction.")
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Incident._meta.concrete_fields
                        if not f.primary_key)
    move = (f"INSERT INTO {INCIDENTS} ({columns}) SELECT {columns} FROM {STAGE} "
            "WHERE run = %s ORDER BY id")
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            cursor.execute(move, [run])
            return int(cursor.rowcount)
        cursor.execute("PRAGMA cache_size")
        usual = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = -{MOVE_CACHE_KIB}")
        try:
            for statement in remove_statements(connection.vendor):
                cursor.execute(statement)
            cursor.execute(move, [run])
            moved = int(cursor.rowcount)
            for spec in specs(connection.vendor):
                keys = spec.key_columns()
                updates = ", ".join(f"{v} = {spec.table}.{v} + excluded.{v}"
                                    for v in spec.value_columns())
                for span, _start in spec.spans:
                    # "WHERE true": without it SQLite would read ON CONFLICT as a join's ON.
                    cursor.execute(
                        f"INSERT INTO {spec.table} ({', '.join(keys + spec.value_columns())}) "
                        f"SELECT * FROM {_staged_sums(spec, span)} WHERE true "
                        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}")
            for statement in install_statements(connection.vendor):
                cursor.execute(statement)
        finally:
            cursor.execute(f"PRAGMA cache_size = {usual}")
    return moved
