"""Background work of the monitoring app: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.core.actors import SYSTEM
from concord.monitoring import services


@task()
def import_incidents(public_id: str) -> None:
    services.import_run(public_id=public_id)


@task()
def evaluate_indicators() -> None:
    services.indicators_evaluate_all(actor=SYSTEM)


@task()
def generate_weekly_reports() -> None:
    services.weekly_reports_generate()
