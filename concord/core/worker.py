"""The task worker that outlasts a busy database.

django-tasks-db's worker already skips a locked database while it looks for work, but a lock
held longer than the busy timeout at any other step (opening the claim transaction, recording a
task's outcome) ends the process. Concord's worker waits such a spell out instead: it backs off
and tries again for as long as it is not asked to stop, so a long import, a backup or a
restarting PostgreSQL never leaves tasks unrun."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import close_old_connections, connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

T = TypeVar("T")

# The first wait after a failed step, doubled after each further failure up to the longest.
FIRST_BACKOFF_SECONDS = 0.5
LONGEST_BACKOFF_SECONDS = 30.0
# An outcome not yet recorded when a stop is asked for gets these many more attempts.
ATTEMPTS_WHEN_STOPPING = 3

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class Backoff:
    """Waits that grow after each failure and start short again after a success."""

    def __init__(self, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.sleep = sleep
        self.failures = 0

    def next_wait(self) -> float:
        wait = min(FIRST_BACKOFF_SECONDS * 2.0 ** self.failures, LONGEST_BACKOFF_SECONDS)
        self.failures += 1
        return wait

    def reset(self) -> None:
        self.failures = 0


class PatientWorker(Worker):
    """django-tasks-db's worker, patient with an unavailable database."""

    def __init__(self, *, sleep: Callable[[float], None] = time.sleep, **options: Any) -> None:
        super().__init__(**options)
        self.backoff = Backoff(sleep=sleep)

    def run(self) -> None:
        while self.running:
            try:
                super().run()
                return
            except DATABASE_UNAVAILABLE as error:
                seconds = self.backoff.next_wait()
                log.warning("the database is unavailable (%s); the worker tries again in %.1f s",
                            error, seconds)
                # The next attempt opens a clean connection.
                connections.close_all()
                self.backoff.sleep(seconds)

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        # The task has run once its outcome is being recorded: that write is the one to wait
        # for, never a reason to run the task again or to lose what it did.
        db_task_result.set_successful = self._patiently(db_task_result.set_successful)
        db_task_result.set_failed = self._patiently(db_task_result.set_failed)
        super().run_task(db_task_result)
        self.backoff.reset()

    def _patiently(self, step: Callable[..., T]) -> Callable[..., T]:
        def attempt(*args: Any, **kwargs: Any) -> T:
            backoff = Backoff(sleep=self.backoff.sleep)
            left = ATTEMPTS_WHEN_STOPPING
            while True:
                try:
                    return step(*args, **kwargs)
                except DATABASE_UNAVAILABLE as error:
                    if not self.running:
                        left -= 1
                        if left <= 0:
                            raise
                    seconds = backoff.next_wait()
                    log.warning("recording a task's outcome failed (%s); trying again in %.1f s",
                                error, seconds)
                    close_old_connections()
                    backoff.sleep(seconds)

        return attempt
