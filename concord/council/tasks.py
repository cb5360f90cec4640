"""Background work of the council app: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.council import services


@task()
def flag_overdue_instructions() -> int:
    """Daily: flag open instructions past their due day and notify those who may read them."""
    return len(services.instruction_flag_overdue())


@task()
def conclude_silence_procedures() -> int:
    """Daily: adopt drafts whose silence procedure reached its deadline unbroken."""
    return len(services.silence_conclude_due())
