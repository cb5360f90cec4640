"""The exercises list's and the lessons list's filters, read from a query string
(concord.core.filters): one parser each, shared by the page, its exports and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from concord.core import filters as read
from concord.core.filters import Parsed, Sort
from concord.forces.models.exercises import Exercise, Lesson

# The columns a list sorts by (concord.core.filters.order_by reads them).
EXERCISE_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("series_{lang}", "year", "pk"),
    "starts": ("starts_on", "series_{lang}", "pk"),
    "kind": ("kind", "-starts_on", "pk"),
    "host": ("host_state__name_{lang}", "-starts_on", "pk"),
    "status": ("status", "-starts_on", "pk"),
}
LESSON_SORTS: dict[str, tuple[str, ...]] = {
    "exercise": ("exercise__starts_on", "number", "pk"),
    "status": ("status", "due_on", "pk"),
    "due": ("due_on", "exercise__starts_on", "number", "pk"),
}


@dataclass(frozen=True)
class ExerciseFilters:
    q: str = ""
    kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    host: str = ""
    year: int | None = None
    sort: Sort = Sort("starts", descending=True)


@dataclass(frozen=True)
class LessonFilters:
    q: str = ""
    status: tuple[str, ...] = ()
    # Only the remedial actions open past their deadline.
    overdue: bool = False
    sort: Sort = Sort("exercise", descending=True)


def exercise_filters(params: Mapping[str, Any]) -> Parsed[ExerciseFilters]:
    errors: dict[str, list[str]] = {}
    filters = ExerciseFilters(
        q=read.text(params, "q"),
        kind=read.several(params, "kind", list(Exercise.Kind.values), errors),
        status=read.several(params, "status", list(Exercise.Status.values), errors),
        host=read.text(params, "host", limit=2).upper(),
        year=read.year(params, "year", errors),
        sort=read.sort_of(params, EXERCISE_SORTS, ExerciseFilters.sort, errors),
    )
    return Parsed(filters, errors)


def lesson_filters(params: Mapping[str, Any]) -> Parsed[LessonFilters]:
    errors: dict[str, list[str]] = {}
    filters = LessonFilters(
        q=read.text(params, "q"),
        status=read.several(params, "status", list(Lesson.Status.values), errors),
        overdue=read.text(params, "overdue") in ("1", "true", "on"),
        sort=read.sort_of(params, LESSON_SORTS, LessonFilters.sort, errors),
    )
    return Parsed(filters, errors)
