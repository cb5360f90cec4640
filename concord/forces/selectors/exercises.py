"""Exercises, their participants, evaluations and lessons, as the viewer may read them. A
participant released more narrowly than its exercise is absent for the others, and so are its
strength and its ratings: in every list, total and export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Viewer
from concord.core.errors import NotFound
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
    ExercisePlace,
    Lesson,
    Objective,
)
from concord.forces.models.units import Unit


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


def participant_list(*, viewer: Viewer, exercise: Exercise,
                     units_only: bool = False) -> QuerySet[ExerciseParticipant]:
    participants = (ExerciseParticipant.objects.visible_to(viewer).filter(exercise=exercise)
                    .select_related("state", "unit").order_by("state__name_ru", "pk"))
    return participants.filter(unit__isnull=False) if units_only else participants


def objective_list(*, exercise: Exercise) -> QuerySet[Objective]:
    """An exercise's objectives: read by whoever reads the exercise."""
    return exercise.objectives.order_by("number")


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



def exercise_areas(*, viewer: Viewer, filters: ExerciseFilters | None = None
                   ) -> list[dict[str, Any]]:
    """The areas of the exercises the viewer may read, for the map: one point an area."""
    places = (ExercisePlace.objects
              .filter(exercise__in=exercise_list(viewer=viewer, filters=filters).values("pk"))
              .select_related("exercise").order_by("exercise__starts_on", "pk"))
    return [{"name": place.name, "exercise": place.exercise.name, "year": place.exercise.year,
             "kind": place.exercise.get_kind_display(), "lat": float(place.latitude),
             "lon": float(place.longitude), "url": place.exercise.get_absolute_url()}
            for place in places]


def unit_for_participation(*, viewer: Viewer, public_id: Any) -> Unit:
    """A unit named as taking part in an exercise, as the viewer may read it."""
    unit: Unit = labelled_get(Unit.objects.select_related("state"), viewer=viewer,
                              public_id=public_id_of(Unit, public_id))
    return unit


def objective_get(*, exercise: Exercise, number: int) -> Objective:
    objective = exercise.objectives.filter(number=number).first()
    if objective is None:
        raise NotFound(_("The exercise has no objective %(number)s.") % {"number": number})
    return objective
