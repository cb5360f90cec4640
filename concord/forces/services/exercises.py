"""Exercises planned, held and evaluated: their places, phases, objectives and participants, the
evaluators' ratings, and the evaluation that records each rated unit's training readiness."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.core.actors import Actor, SystemActor, user_id
from concord.core.audit import audit_record
from concord.core.clock import today
from concord.core.errors import (
    Conflict,
    Forbidden,
    InvalidState,
    ValidationError,
    require_permission,
)
from concord.core.labels import PartyKind
from concord.core.models import LabelledModel, Party
from concord.core.policy import (
    audience_of,
    label_errors,
    label_within,
    system_viewer,
    system_viewers,
)
from concord.forces.models.exercises import (
    Evaluation,
    Exercise,
    ExerciseParticipant,
    ExercisePhase,
    ExercisePlace,
    Objective,
)
from concord.forces.models.readiness import Level, SourceKind, lowest
from concord.forces.services.readiness import readiness_record
from concord.registry.models import MemberState

# What each status may move to; an exercise becomes evaluated only through exercise_evaluate.
NEXT_STATUS: dict[str, tuple[str, ...]] = {
    Exercise.Status.PLANNED: (Exercise.Status.RUNNING,),
    Exercise.Status.RUNNING: (Exercise.Status.COMPLETED,),
    Exercise.Status.COMPLETED: (),
    Exercise.Status.EVALUATED: (),
}
# Evaluators rate what they saw while the exercise runs and after it, until it is evaluated.
RATED_IN = (Exercise.Status.RUNNING, Exercise.Status.COMPLETED)


def validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    # Uniqueness checks would query a labelled table without a viewer; the database's own
    # constraints hold those rows, and the services turn a violation into a Conflict.
    labelled = isinstance(instance, LabelledModel)
    try:
        instance.full_clean(exclude=exclude, validate_unique=not labelled,
                            validate_constraints=not labelled)
    except DjangoValidationError as exc:
        errors = {field: [str(m) for m in found] for field, found in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


def _party(actor: Actor) -> Party | None:
    party = getattr(actor, "party", None) if actor.is_authenticated else None
    return party if isinstance(party, Party) else None


def _planner(actor: Actor) -> Party:
    """The party an exercise is recorded for: the actor's own, or the secretariat for the
    system (the demo, a command)."""
    party = _party(actor)
    if party is not None:
        return party
    return Party.objects.get(kind=PartyKind.SECRETARIAT)


def _dates_errors(starts_on: date, ends_on: date, *, field: str = "ends_on") -> dict[str, list[str]]:
    if ends_on < starts_on:
        return {field: [_("The last day comes before the first.")]}
    return {}


@transaction.atomic
def exercise_plan(
    *, actor: Actor, series_ru: str, series_en: str, year: int, kind: str,
    host_state: MemberState, starts_on: date, ends_on: date, scenario_ru: str = "",
    scenario_en: str = "", source: str = "", classification: int,
    release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
    public_id: uuid.UUID | None = None,
) -> Exercise:
    require_permission(actor, "forces.add_exercise")
    releasable_to = list(releasable_to)
    originator = _planner(actor)
    errors = label_errors(actor=actor, classification=classification, originator=originator,
                          release_to_all_members=release_to_all_members,
                          releasable_to=releasable_to)
    errors.update(_dates_errors(starts_on, ends_on))
    if year not in (starts_on.year, ends_on.year):
        errors.setdefault("year", []).append(_("The exercise is held in another year."))
    if not series_ru.strip() and not series_en.strip():
        errors["series_ru"] = [_("Name the series.")]
    if errors:
        raise ValidationError(_("The exercise was not planned."), errors=errors)
    exercise = Exercise(
        series_ru=series_ru.strip() or series_en.strip(),
        series_en=series_en.strip() or series_ru.strip(), year=year, kind=kind,
        host_state=host_state, starts_on=starts_on, ends_on=ends_on, scenario_ru=scenario_ru,
        scenario_en=scenario_en, source=source, classification=classification,
        originator=originator, release_to_all_members=release_to_all_members)
    if public_id is not None:
        exercise.public_id = public_id
    validated(exercise, exclude=["releasable_to"])
    try:
        with transaction.atomic():
            exercise.save()
    except IntegrityError as exc:
        raise Conflict(_("The series already has an exercise in %(year)s.") % {"year": year},
                       errors={"year": [_("Taken.")]}) from exc
    exercise.releasable_to.set(releasable_to)
    audit_record(actor=actor, action="forces.exercise.plan", target=exercise,
                 detail={"name": exercise.series_en + f"-{year}", "kind": kind})
    return exercise


def _editable(exercise: Exercise) -> None:
    if exercise.status == Exercise.Status.EVALUATED:
        raise InvalidState(_("The exercise has been evaluated and is closed."))


@transaction.atomic
def exercise_place_add(*, actor: Actor, exercise: Exercise, name_ru: str, name_en: str,
                       state: MemberState, latitude: Decimal, longitude: Decimal) -> ExercisePlace:
    require_permission(actor, "forces.change_exercise")
    _editable(exercise)
    place = ExercisePlace(exercise=exercise, name_ru=name_ru.strip() or name_en.strip(),
                          name_en=name_en.strip() or name_ru.strip(), state=state,
                          latitude=latitude, longitude=longitude)
    validated(place)
    place.save()
    audit_record(actor=actor, action="forces.exercise.place_add", target=exercise,
                 detail={"place": place.name_en, "lat": str(latitude), "lon": str(longitude)})
    return place


@transaction.atomic
def exercise_phase_add(*, actor: Actor, exercise: Exercise, name_ru: str, name_en: str,
                       starts_on: date, ends_on: date) -> ExercisePhase:
    """A phase falls within the exercise's days; phases are numbered in the order they begin."""
    require_permission(actor, "forces.change_exercise")
    _editable(exercise)
    errors = _dates_errors(starts_on, ends_on)
    if starts_on < exercise.starts_on or ends_on > exercise.ends_on:
        errors.setdefault("starts_on", []).append(
            _("A phase falls within the exercise, %(first)s to %(last)s.")
            % {"first": exercise.starts_on.isoformat(), "last": exercise.ends_on.isoformat()})
    if not name_ru.strip() and not name_en.strip():
        errors["name_ru"] = [_("Name the phase.")]
    if errors:
        raise ValidationError(_("The phase was not added."), errors=errors)
    top = exercise.phases.aggregate(top=Max("order"))["top"] or 0
    phase = ExercisePhase.objects.create(
        exercise=exercise, order=top + 1, name_ru=name_ru.strip() or name_en.strip(),
        name_en=name_en.strip() or name_ru.strip(), starts_on=starts_on, ends_on=ends_on)
    audit_record(actor=actor, action="forces.exercise.phase_add", target=exercise,
                 detail={"phase": phase.order, "starts_on": starts_on.isoformat(),
                         "ends_on": ends_on.isoformat()})
    return phase


@transaction.atomic
def objective_add(*, actor: Actor, exercise: Exercise, task: str, text_ru: str,
                  text_en: str) -> Objective:
    require_permission(actor, "forces.change_exercise")
    _editable(exercise)
    errors: dict[str, list[str]] = {}
    if task not in Objective.Task.values:
        errors["task"] = [_("%(value)s is not one of: %(choices)s.")
                          % {"value": task, "choices": ", ".join(Objective.Task.values)}]
    if not text_ru.strip() and not text_en.strip():
        errors["text_ru"] = [_("Say what the exercise is to show.")]
    if errors:
        raise ValidationError(_("The objective was not added."), errors=errors)
    top = exercise.objectives.aggregate(top=Max("number"))["top"] or 0
    objective = Objective.objects.create(
        exercise=exercise, number=top + 1, task=task, text_ru=text_ru.strip() or text_en.strip(),
        text_en=text_en.strip() or text_ru.strip())
    audit_record(actor=actor, action="forces.exercise.objective_add", target=exercise,
                 detail={"objective": objective.number, "task": task})
    return objective


def _state_of(actor: Actor) -> MemberState | None:
    party = _party(actor)
    if party is None or party.kind != PartyKind.STATE:
        return None
    return MemberState.objects.filter(party=party).first()


@transaction.atomic
def participant_add(
    *, actor: Actor, exercise: Exercise, state: MemberState, unit: Any = None,
    contingent_ru: str = "", contingent_en: str = "", personnel: int | None = None,
    equipment: int | None = None, classification: int | None = None,
    release_to_all_members: bool | None = None, releasable_to: Iterable[Party] | None = None,
    public_id: uuid.UUID | None = None,
) -> ExerciseParticipant:
    """A state's participation, recorded by the state itself or by the Joint Staff; the state is
    its originator, and it may label it more narrowly than the exercise (never more widely)."""
    require_permission(actor, "forces.add_exerciseparticipant")
    _editable(exercise)
    own = _state_of(actor)
    if own is not None and own.pk != state.pk:
        raise Forbidden(_("A delegation records only its own state's participation."))
    classification = exercise.classification if classification is None else classification
    to_all = exercise.release_to_all_members if release_to_all_members is None \
        else release_to_all_members
    parties = list(exercise.releasable_to.all()) if releasable_to is None else list(releasable_to)
    # Whoever runs the exercise reads who takes part in it.
    if exercise.originator_id != state.party_id and exercise.originator not in parties:
        parties.append(exercise.originator)
    errors = label_errors(actor=actor, classification=classification, originator=state.party,
                          release_to_all_members=to_all, releasable_to=parties,
                          sources=[exercise])
    if unit is not None and getattr(unit, "state_id", state.pk) != state.pk:
        errors["unit"] = [_("The unit belongs to another state.")]
    if unit is None and not contingent_ru.strip() and not contingent_en.strip():
        errors["contingent_ru"] = [_("Name the unit or the contingent.")]
    if errors:
        raise ValidationError(_("The participant was not added."), errors=errors)
    participant = ExerciseParticipant(
        exercise=exercise, state=state, unit=unit,
        contingent_ru=contingent_ru.strip() or contingent_en.strip(),
        contingent_en=contingent_en.strip() or contingent_ru.strip(), personnel=personnel,
        equipment=equipment, classification=classification, originator=state.party,
        release_to_all_members=to_all)
    if public_id is not None:
        participant.public_id = public_id
    validated(participant, exclude=["releasable_to"])
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError as exc:
        raise Conflict(_("The unit already takes part in this exercise."),
                       errors={"unit": [_("Taken.")]}) from exc
    participant.releasable_to.set(parties)
    audit_record(actor=actor, action="forces.exercise.participant_add", target=participant,
                 detail={"exercise": str(exercise.public_id), "state": state.iso_alpha2})
    return participant


@transaction.atomic
def exercise_status(*, actor: Actor, exercise: Exercise, status: str) -> Exercise:
    """Planned → running → completed; evaluated comes with the evaluation (exercise_evaluate)."""
    require_permission(actor, "forces.change_exercise")
    if status not in NEXT_STATUS.get(exercise.status, ()):
        raise InvalidState(_("An exercise that is %(now)s cannot become %(next)s.") % {
            "now": exercise.get_status_display().lower(),
            "next": str(Exercise.Status(status).label).lower() if status in Exercise.Status.values
            else status})
    before = exercise.status
    exercise.status = status
    exercise.save(update_fields=["status"])
    audit_record(actor=actor, action="forces.exercise.status", target=exercise,
                 detail={"from": before, "to": status})
    return exercise


@transaction.atomic
def evaluation_record(*, actor: Actor, participant: ExerciseParticipant, objective: Objective,
                      rating: int, remarks: str = "",
                      evaluated_on: date | None = None) -> Evaluation:
    """An evaluator rates a participating unit on an objective of its exercise; rating it again
    replaces the rating, until the exercise is evaluated."""
    require_permission(actor, "forces.add_evaluation")
    exercise = participant.exercise
    errors: dict[str, list[str]] = {}
    if objective.exercise_id != exercise.pk:
        errors["objective"] = [_("The objective is another exercise's.")]
    if participant.unit_id is None:
        errors["participant"] = [_("Only a unit is rated; name the unit of this participant.")]
    if rating not in Level.values:
        errors["rating"] = [_("Choose a level of the four-level scale.")]
    evaluated_on = evaluated_on or today()
    if evaluated_on < exercise.starts_on:
        errors["evaluated_on"] = [_("The exercise had not begun on that day.")]
    if errors:
        raise ValidationError(_("The evaluation was not recorded."), errors=errors)
    if exercise.status not in RATED_IN:
        raise InvalidState(_("Units are rated while the exercise runs or once it is completed, "
                             "before it is evaluated."))
    # The rating tells what the participation tells: it carries the participation's label.
    reader = system_viewer(participant.originator, reason="rating a unit again") \
        if isinstance(actor, SystemActor) else actor
    existing = (Evaluation.objects.visible_to(reader)
                .filter(participant=participant, objective=objective).first())
    evaluation = existing or Evaluation(
        exercise=exercise, participant=participant, objective=objective,
        classification=participant.classification, originator=participant.originator,
        release_to_all_members=participant.release_to_all_members)
    evaluation.rating, evaluation.remarks = rating, remarks.strip()
    evaluation.evaluated_on, evaluation.evaluator_id = evaluated_on, user_id(actor)
    validated(evaluation, exclude=["releasable_to"])
    evaluation.save()
    if existing is None:
        evaluation.releasable_to.set(list(participant.releasable_to.all()))
    audit_record(actor=actor, action="forces.exercise.evaluate_unit", target=evaluation,
                 detail={"exercise": str(exercise.public_id), "objective": objective.number,
                         "rating": rating, "again": existing is not None})
    return evaluation


def training_rating(ratings: Iterable[int]) -> int | None:
    """A unit's training level from one exercise: its lowest rating on any objective, as the
    overall readiness is the lowest of its axes; None for a unit not rated."""
    return lowest(list(ratings))


@transaction.atomic
def exercise_evaluate(*, actor: Actor, exercise: Exercise) -> list[Any]:
    """Closes the evaluation of a completed exercise: each rated unit's training readiness is
    recorded through the readiness service, dated the day of its last rating and sourced to the
    exercise, labelled no wider than the participation it comes from. Returns the readiness
    reports recorded."""
    require_permission(actor, "forces.change_exercise")
    if exercise.status != Exercise.Status.COMPLETED:
        raise InvalidState(_("An exercise is evaluated once it is completed."))
    # Every rating counts, whoever may read it: the system reads them as their originators.
    rated: dict[int, list[Evaluation]] = {}
    for viewer in system_viewers(reason="evaluating an exercise"):
        for evaluation in (Evaluation.objects.visible_to(viewer)
                           .filter(exercise=exercise, originator_id=viewer.party_id)
                           .select_related("participant__unit", "participant__originator")):
            rated.setdefault(evaluation.participant_id, []).append(evaluation)
    if not rated:
        raise InvalidState(_("No unit has been rated in this exercise yet."))
    reports = []
    for evaluations in rated.values():
        participant = evaluations[0].participant
        unit = participant.unit
        level = training_rating(e.rating for e in evaluations)
        if unit is None or level is None:
            continue
        # The report is the evaluator's party's, as the readiness service records it.
        label = label_within(audience_of([unit, participant, *evaluations]),
                             originator=_party(actor) or unit.originator)
        reports.append(readiness_record(
            actor=actor, unit=unit, reported_on=max(e.evaluated_on for e in evaluations),
            training=level, source_kind=SourceKind.EXERCISE_EVALUATION,
            source_text=f"{exercise.series_ru}-{exercise.year} / {exercise.series_en}-"
                        f"{exercise.year}",
            source_ref=exercise.public_id, classification=label.classification,
            release_to_all_members=label.release_to_all_members,
            releasable_to=label.releasable_to))
    exercise.status = Exercise.Status.EVALUATED
    exercise.save(update_fields=["status"])
    audit_record(actor=actor, action="forces.exercise.evaluate", target=exercise,
                 detail={"units": len(reports)})
    return reports
