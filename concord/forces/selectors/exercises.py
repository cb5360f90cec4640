"""Exercises, their participants, evaluations and lessons, as the viewer may read them. A
participant released more narrowly than its exercise is absent for the others, and so are its
strength and its ratings: in every list, total and export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum

from concord.core import clock
from concord.core.actors import Viewer
from concord.core.filters import Sort, order_by
from concord.core.scoping import labelled_get, public_id_of
from concord.forces.exercise_filters import (
    EXERCISE_SORTS,
    LESSON_SORTS,
    ExerciseFilters,
    LessonFilters,
)
from concord.forces.models.exercises import (
    Evaluation,
    Exercise,
    ExerciseParticipant,
    Lesson,
)


def exercise_list(*, viewer: Viewer, filters: ExerciseFilters | None = None) -> QuerySet[Exercise]:
    filters = filters or ExerciseFilters()
    exercises = Exercise.objects.visible_to(viewer).select_related("host_state")
    if filters.q:
        exercises = exercises.filter(Q(series_ru__icontains=filters.q)
                                     | Q(series_en__icontains=filters.q)
                                     | Q(scenario_ru__icontains=filters.q)
                                     | Q(scenario_en__icontains=filters.q))
    if filters.kind:
        exercises = exercises.filter(kind__in=filters.kind)
    if filters.status:
        exercises = exercises.filter(status__in=filters.status)
    if filters.host:
        exercises = exercises.filter(host_state__iso_alpha2=filters.host)
    if filters.year is not None:
        exercises = exercises.filter(year=filters.year)
    return exercises.order_by(*order_by(filters.sort, EXERCISE_SORTS))


def exercise_get(*, viewer: Viewer, public_id: Any) -> Exercise:
    exercise: Exercise = labelled_get(
        Exercise.objects.select_related("host_state", "originator"), viewer=viewer,
        public_id=public_id_of(Exercise, public_id))
    return exercise


def participant_list(*, viewer: Viewer, exercise: Exercise) -> QuerySet[ExerciseParticipant]:
    return (ExerciseParticipant.objects.visible_to(viewer).filter(exercise=exercise)
            .select_related("state", "unit").order_by("state__name_ru", "pk"))


def participant_get(*, viewer: Viewer, public_id: Any) -> ExerciseParticipant:
    participant: ExerciseParticipant = labelled_get(
        ExerciseParticipant.objects.select_related("exercise", "state", "unit"), viewer=viewer,
        public_id=public_id_of(ExerciseParticipant, public_id))
    return participant


def evaluation_list(*, viewer: Viewer, exercise: Exercise) -> QuerySet[Evaluation]:
    return (Evaluation.objects.visible_to(viewer).filter(exercise=exercise)
            .select_related("participant__state", "participant__unit", "objective")
            .order_by("participant__state__name_ru", "participant_id", "objective__number"))


@dataclass(frozen=True)
class ExerciseStrength:
    """What the viewer may know of an exercise's strength: the states it may see taking part and
    the personnel and equipment of the participations it may read. Exercise figures, never
    counted as forces on hand."""

    states: int
    personnel: int
    equipment: int


def exercise_strength(*, viewer: Viewer, exercise: Exercise) -> ExerciseStrength:
    rows = participant_list(viewer=viewer, exercise=exercise)
    totals = rows.aggregate(personnel=Sum("personnel"), equipment=Sum("equipment"))
    return ExerciseStrength(states=rows.values("state").distinct().count(),
                            personnel=totals["personnel"] or 0,
                            equipment=totals["equipment"] or 0)


def lesson_list(*, viewer: Viewer, filters: LessonFilters | None = None,
                exercise: Exercise | None = None) -> QuerySet[Lesson]:
    filters = filters or LessonFilters()
    lessons = (Lesson.objects.visible_to(viewer)
               .select_related("exercise", "addressee_state", "addressee_body"))
    if exercise is not None:
        lessons = lessons.filter(exercise=exercise)
    if filters.q:
        lessons = lessons.filter(Q(observation_ru__icontains=filters.q)
                                 | Q(observation_en__icontains=filters.q)
                                 | Q(lesson_ru__icontains=filters.q)
                                 | Q(lesson_en__icontains=filters.q)
                                 | Q(action_ru__icontains=filters.q)
                                 | Q(action_en__icontains=filters.q))
    if filters.status:
        lessons = lessons.filter(status__in=filters.status)
    if filters.overdue:
        lessons = lessons.filter(action_overdue(clock.today()))
    return lessons.order_by(*order_by(filters.sort, LESSON_SORTS))


def action_overdue(day: date) -> Q:
    """Open and past its deadline, whether or not the nightly check has flagged it yet."""
    return Q(status=Lesson.Status.ACTION) & (
        Q(action_status=Lesson.ActionStatus.OVERDUE)
        | Q(action_status__in=Lesson.OPEN_ACTION, due_on__lt=day))


def lesson_get(*, viewer: Viewer, public_id: Any) -> Lesson:
    lesson: Lesson = labelled_get(
        Lesson.objects.select_related("exercise", "addressee_state", "addressee_body",
                                      "originator"),
        viewer=viewer, public_id=public_id_of(Lesson, public_id))
    return lesson


def exercise_page(*, viewer: Viewer, exercise: Exercise) -> dict[str, Any]:
    """Everything the exercise page shows, each part read for the viewer."""
    participants = list(participant_list(viewer=viewer, exercise=exercise)
                        .prefetch_related(Prefetch("evaluations",
                                                   queryset=Evaluation.objects.visible_to(viewer)
                                                   .select_related("objective"))))
    return {
        "places": list(exercise.places.select_related("state")),
        "phases": list(exercise.phases.all()),
        "objectives": list(exercise.objectives.all()),
        "participants": participants,
        "strength": exercise_strength(viewer=viewer, exercise=exercise),
        "lessons": list(lesson_list(viewer=viewer, exercise=exercise,
                                    filters=LessonFilters(sort=Sort("exercise")))),
    }

