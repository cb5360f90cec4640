"""Background work of the kernel: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.core.checkpoint import checkpoint_make
from concord.core.statistics import statistics_refresh


@task()
def checkpoint_audit_chain() -> None:
    checkpoint_make()


@task()
def refresh_planner_statistics() -> None:
    statistics_refresh()
