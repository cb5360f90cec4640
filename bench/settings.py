"""Benchmark overlay: the test settings, plus what a served Concord needs that tests replace.

Tasks go through the database again, as in production, so that an import started by a user
runs in the task worker beside `concord serve`; and one bare view is mounted, so that the load
benchmark can hold the pages against the least a request through the same server can cost.
"""

from __future__ import annotations

from config.settings_test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Public pages are kept for signed-out visitors, as a served Concord keeps them.
CONCORD_PUBLIC_CACHE_SECONDS = 300
