"""Starting another Concord process on the test's own database, for the tests that need a real
process boundary (exit codes, a writer killed mid-transaction)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def database_url() -> str:
    """The URL of the database this test runs on: the test database, not the configured one."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        if name == ":memory:" or name.startswith("file:"):
            raise RuntimeError("another process cannot open an in-memory SQLite database")
        return "sqlite:///" + str(Path(name).resolve())
    if connection.vendor == "postgresql":
        credentials = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            credentials += ":" + quote(db["PASSWORD"], safe="")
        host = db["HOST"] or "localhost"
        port = f":{db['PORT']}" if db["PORT"] else ""
        return f"postgres://{credentials}@{host}{port}/{quote(db['NAME'], safe='')}"
    raise RuntimeError(f"no URL form for {connection.vendor}")


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test",
            "DATABASE_URL": database_url(), "PYTHONUNBUFFERED": "1", **extra}


def concord(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Runs `concord ARGS` (the console command) against the test database."""
    return subprocess.run(
        [sys.executable, "-m", "concord.cli", *args], cwd=ROOT, env=child_env(),
        capture_output=True, text=True, timeout=120, check=False, **kwargs,
    )
