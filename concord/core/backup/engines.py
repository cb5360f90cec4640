"""Copying the database out and back in, one engine at a time.

SQLite is copied with its online backup API and PostgreSQL with pg_dump: both read one
consistent snapshot while writers go on. The audit tables of a copy are read back from the copy
itself, so that what is verified is what was written to the archive.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection

from concord.core.backup.errors import BackupRefused
from concord.core.models import AuditEntry

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENGINE_NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}

# A row of the audit log or its head as column name -> value, values already in Python types.
Row = dict[str, Any]


def engine_of_connection() -> str:
    if connection.vendor in ENGINE_NAMES:
        return connection.vendor
    raise BackupRefused(f"backups are made of SQLite and PostgreSQL databases, not {connection.vendor}")


def database_is_empty() -> bool:
    try:
        return not connection.introspection.table_names(include_views=True)
    except DatabaseError as error:
        raise BackupRefused(f"the database cannot be opened: {first_line(error)}") from error


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def entry_from_row(row: Row) -> AuditEntry:
    """An unsaved entry holding a copied row, converted as the ORM would read it."""
    values: dict[str, Any] = {}
    for field in AuditEntry._meta.concrete_fields:
        raw = row.get(field.column)
        value = field.to_python(raw)
        if isinstance(value, datetime) and value.tzinfo is None:
            # Django keeps SQLite's times as UTC without an offset.
            value = value.replace(tzinfo=UTC)
        values[field.attname] = value
    return AuditEntry(**values)


# --- SQLite -------------------------------------------------------------------------------------

def sqlite_path() -> Path:
    return Path(str(connection.settings_dict["NAME"]))


def sqlite_dump(destination: Path) -> None:
    source_path = sqlite_path()
    if not source_path.is_file():
        raise BackupRefused(f"the database {source_path} does not exist")
    timeout = float(settings.DATABASE_BUSY_SECONDS)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=timeout)
    target = sqlite3.connect(destination)
    try:
        # In one step: a read transaction in WAL mode sees one snapshot and never blocks the
        # writers, whereas a copy made in steps starts over each time another connection writes.
        source.backup(target, pages=-1)
        # A single self-contained file in the archive, with no write-ahead log beside it.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupRefused(f"the database {source_path} could not be copied: {error}") from error
    finally:
        target.close()
        source.close()


def _sqlite_rows(copy: Path, table: str, order: str) -> Iterator[Row]:
    with closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        # The table and column names are Concord's own, never input.
        for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"):  # noqa: S608
            yield dict(row)


def sqlite_audit(copy: Path) -> tuple[Callable[[], Iterator[Row]], list[Row]]:
    heads = list(_sqlite_rows(copy, "core_audithead", "id"))
    return (lambda: _sqlite_rows(copy, "core_auditentry", "seq")), heads


def sqlite_restore(copy: Path) -> None:
    """Copy the archived database onto the configured, empty one, in one step: SQLite's own
    journal undoes a copy cut short."""
    target_path = sqlite_path()
    connection.close()
    target_path.parent.mkdir(parents=True, exist_ok=True)
    timeout = float(settings.DATABASE_BUSY_SECONDS)
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    target = sqlite3.connect(target_path, timeout=timeout)
    try:
        source.backup(target, pages=-1)
        target.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as error:
        raise BackupRefused(f"the database could not be written to {target_path}: {error}") from error
    finally:
        target.close()
        source.close()


# --- PostgreSQL ---------------------------------------------------------------------------------

def postgres_server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _tool_major(path: str) -> int | None:
    try:
        # The path is one of two fixed places for PostgreSQL's own tool, never input.
        result = subprocess.run([path, "--version"], capture_output=True,  # noqa: S603
                                text=True, timeout=30, check=False)
    except OSError:
        return None
    found = re.search(r"\(PostgreSQL\) (\d+)", result.stdout)
    return int(found.group(1)) if found else None


def postgres_tool(name: str, major: int) -> str:
    """The pg_dump or pg_restore that can read this server: Debian installs each major version's
    tools beside each other, and the one on PATH may be older than the server."""
    candidates = [f"/usr/lib/postgresql/{major}/bin/{name}", shutil.which(name)]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            found = _tool_major(candidate)
            if found is not None and found >= major:
                return candidate
    raise BackupRefused(f"{name} for PostgreSQL {major} or later was not found (install Debian's "
                        f"postgresql-client-{major}, or put its bin directory on PATH)")


def _postgres_env() -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                          ("PGPASSWORD", "PASSWORD"), ("PGDATABASE", "NAME")):
        if db.get(key):
            env[variable] = str(db[key])
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return env


def _run(command: list[str], what: str) -> None:
    # The command is pg_dump or pg_restore found by postgres_tool, with arguments built here.
    result = subprocess.run(command, env=_postgres_env(), capture_output=True,  # noqa: S603
                            text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise BackupRefused(f"{what} failed: {lines[0] if lines else f'exit {result.returncode}'}")


def postgres_dump(destination: Path) -> None:
    tool = postgres_tool("pg_dump", postgres_server_major())
    # pg_dump reads one snapshot; a table locked by a migration makes it give up, not hang.
    lock_wait = f"--lock-wait-timeout={settings.DATABASE_BUSY_SECONDS * 1000}"
    _run([tool, "--format=custom", lock_wait, f"--file={destination}"], "pg_dump")


def postgres_audit(copy: Path, work: Path) -> tuple[Callable[[], Iterator[Row]], list[Row]]:
    """The audit tables as the dump holds them, read back with pg_restore into COPY text."""
    tool = postgres_tool("pg_restore", postgres_server_major())
    text = work / "audit-tables.sql"
    _run([tool, "--data-only", "--table=core_auditentry", "--table=core_audithead",
          f"--file={text}", str(copy)], "pg_restore (reading the copied audit log)")
    heads = list(_copy_rows(text, "core_audithead"))
    return (lambda: _copy_rows(text, "core_auditentry")), heads


_COPY_START = re.compile(r"^COPY (?:\S+\.)?(\w+) \(([^)]*)\) FROM stdin;$")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _copy_value(field: str) -> str | None:
    if field == r"\N":
        return None
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), field)


def _copy_rows(text: Path, table: str) -> Iterator[Row]:
    columns: list[str] | None = None
    with text.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if columns is None:
                start = _COPY_START.match(line)
                if start and start.group(1) == table:
                    columns = [c.strip().strip('"') for c in start.group(2).split(",")]
                continue
            if line == "\\.":
                return
            yield dict(zip(columns, map(_copy_value, line.split("\t")), strict=True))


def postgres_restore(copy: Path) -> None:
    major = postgres_server_major()
    tool = postgres_tool("pg_restore", major)
    connection.close()
    # One transaction: a restore that fails leaves the database as empty as it was. Owners and
    # grants are the target's own (docs/deployment.md grants the runtime role again).
    _run([tool, "--single-transaction", "--exit-on-error", "--no-owner", "--no-acl",
          f"--dbname={connection.settings_dict['NAME']}", str(copy)], "pg_restore")
