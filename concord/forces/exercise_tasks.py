"""Background work of the exercises: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.forces.services import lessons


@task()
def flag_overdue_remedial_actions() -> int:
    """Daily: flag the remedial actions of lessons still open past their deadline."""
    return len(lessons.lesson_flag_overdue())
