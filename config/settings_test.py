"""Test overlay: the production settings with speed knobs turned, nothing else changed."""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

os.environ.setdefault("CONCORD_SECRET_KEY", "test-secret-key-for-the-suite-only-0123456789")
os.environ.setdefault("CONCORD_HTTPS", "0")

from config.settings import *  # noqa: F403
from config.settings import DATABASES, INSTALLED_APPS, STORAGES

# A password hash that costs microseconds instead of Argon2's deliberate tens of milliseconds.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline, inside the test's transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Pages rendered anew for each request: a test sees the data it has just made.
CONCORD_PUBLIC_CACHE_SECONDS = 0
# No collectstatic step before tests: files come straight from the finders.
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# A labelled model that exists only for the kernel's own tests and benchmark.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.labelprobe"]
# The crash test's writer is another process, so the SQLite test database is a file, not memory;
# one per test process, so that two runs side by side never share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _TEST_DATABASE = Path(tempfile.gettempdir()) / f"concord-test-{os.getpid()}.sqlite3"
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(_TEST_DATABASE)

    @atexit.register
    def _remove_test_database() -> None:
        # Django removes the database file but not SQLite's write-ahead log and index beside it
        # (nor the per-worker copies pytest-xdist names after it).
        for leftover in _TEST_DATABASE.parent.glob(f"{_TEST_DATABASE.name}*"):
            leftover.unlink(missing_ok=True)
