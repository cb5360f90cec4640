"""Background work of the after-action reviews: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.crisis.services import lesson_deadlines


@task()
def flag_overdue_case_lessons() -> int:
    """Daily: flag the remedial actions of case lessons still open past their deadline."""
    return len(lesson_deadlines.lesson_flag_overdue())
