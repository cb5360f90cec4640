"""A task for the worker test: it returns at once but leaves the SQLite database locked by
another connection for a while, so the worker meets the lock when it records the outcome."""

from __future__ import annotations

import sqlite3
import threading
import time

from django_tasks import task


@task()
def return_then_hold_the_lock(path: str, seconds: float) -> str:
    held = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        other.execute("ROLLBACK")
        other.close()

    threading.Thread(target=hold).start()
    held.wait()
    return "returned"
