"""Reading the after-action review of a case the viewer already reads."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from concord.core import clock
from concord.crisis.models import Case, CaseLesson, Review


def case_review(*, case: Case) -> Review | None:
    return Review.objects.filter(case=case).first()


def case_lessons(*, case: Case) -> QuerySet[CaseLesson]:
    return CaseLesson.objects.filter(case=case).select_related("addressee")


def case_lesson_get(*, case: Case, number: int) -> CaseLesson:
    return get_object_or_404(CaseLesson, case=case, number=number)


@dataclass(frozen=True)
class LessonRow:
    lesson: CaseLesson
    overdue: bool


def lessons_with_overdue(lessons: QuerySet[CaseLesson]) -> list[LessonRow]:
    today = clock.today()
    return [LessonRow(lesson=lesson, overdue=lesson.is_overdue(today)) for lesson in lessons]
