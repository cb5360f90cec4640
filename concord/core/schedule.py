"""Periodic work: queues each task of settings.CONCORD_PERIODIC_TASKS once its interval has
passed since it was last queued. `concord serve` calls `enqueue_due` every minute; a server
started with `--no-worker` leaves it to the machine that runs the worker (`concord tasks due`
from cron does the same)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from concord.core import clock
from concord.core.models import ScheduledTask

log = logging.getLogger(__name__)


def enqueue_due(*, now: datetime | None = None) -> list[str]:
    """Queue every periodic task that is due; return the names of those queued."""
    now = now or clock.now()
    queued = []
    for name, seconds in settings.CONCORD_PERIODIC_TASKS.items():
        # One transaction per task: the queue entry and the time it was queued land together.
        with transaction.atomic():
            row, _ = ScheduledTask.objects.select_for_update().get_or_create(name=name)
            if row.last_enqueued_at and row.last_enqueued_at + timedelta(seconds=seconds) > now:
                continue
            import_string(name).enqueue()
            row.last_enqueued_at = now
            row.save(update_fields=["last_enqueued_at"])
        log.info("queued the periodic task %s", name)
        queued.append(name)
    return queued
