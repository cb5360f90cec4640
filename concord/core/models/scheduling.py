"""When each periodic task was last queued."""

from __future__ import annotations

from django.db import models


class ScheduledTask(models.Model):
    """When a periodic task (settings.CONCORD_PERIODIC_TASKS) was last queued, so that a
    restarted server neither repeats it early nor forgets it."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.name} queued at {self.last_enqueued_at}"
