"""`concord worker`: run the background tasks, waiting out a busy or unavailable database.

`concord serve` starts one beside the web server; a deployment that runs the worker on its own
(see docs/deployment.md) starts this command under its service manager. It takes
django-tasks-db's `db_worker` options, less the reloader."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django_tasks_db.management.commands import db_worker

from concord.core.worker import PatientWorker


class Command(db_worker.Command):
    help = "Run Concord's background task worker (patient with a busy database)."

    def handle(self, *args: Any, verbosity: int, queue_name: str, interval: float, batch: bool,
               backend_name: str, startup_delay: bool, max_tasks: int | None, worker_id: str,
               exclude_queues: str, **options: Any) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = PatientWorker(queue_names=queue_names, interval=interval, batch=batch,
                               backend_name=backend_name, startup_delay=startup_delay,
                               max_tasks=max_tasks, worker_id=worker_id,
                               excluded_queue_names=excluded)
        worker.configure_signals()
        worker.run()
