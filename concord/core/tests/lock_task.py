"""Holding SQLite's write lock from another connection, for the worker test: directly, and from
a task that returns at once, so that the worker meets the lock when it records the outcome."""

from __future__ import annotations

import sqlite3
import threading
import time

from django_tasks import task


def hold_the_lock(path: str, seconds: float,
                  until: threading.Event | None = None) -> threading.Thread:
    """Take the write lock on the database at `path` for `seconds`, or until `until` is set if
    it is given; returns once the lock is held."""
    held = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        if until is None:
            time.sleep(seconds)
        else:
            until.wait(seconds)
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    return thread


@task()
def return_then_hold_the_lock(path: str, seconds: float) -> str:
    hold_the_lock(path, seconds)
    return "returned"
