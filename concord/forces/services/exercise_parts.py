"""Correcting an exercise's phases, objectives and participants, and removing them, until the
exercise is evaluated: its evaluation has then recorded training readiness from them, and the
record of what was evaluated stays as it was."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, ProtectedError, QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import Conflict, Forbidden, ValidationError, require_permission
from concord.forces.models.exercises import (
    Exercise,
    ExerciseParticipant,
    ExercisePhase,
    Objective,
)
from concord.forces.services.exercises import _dates_errors, _editable, _state_of

# Numbers are shifted out of the way first, so that no two rows share one while they move.
_OUT_OF_THE_WAY = 10_000


def _renumber(rows: QuerySet[ExercisePhase] | QuerySet[Objective], field: str,
              ordering: tuple[str, ...]) -> None:
    rows.update(**{field: F(field) + _OUT_OF_THE_WAY})
    for number, row in enumerate(rows.order_by(*ordering), start=1):
        setattr(row, field, number)
        row.save(update_fields=[field])


def _phase_errors(exercise: Exercise, *, name_ru: str, name_en: str, starts_on: date,
                  ends_on: date) -> dict[str, list[str]]:
    errors = _dates_errors(starts_on, ends_on)
    if starts_on < exercise.starts_on or ends_on > exercise.ends_on:
        errors.setdefault("starts_on", []).append(
            _("A phase falls within the exercise, %(first)s to %(last)s.")
            % {"first": exercise.starts_on.isoformat(), "last": exercise.ends_on.isoformat()})
    if not name_ru.strip() and not name_en.strip():
        errors["name_ru"] = [_("Name the phase.")]
    return errors


@transaction.atomic
def exercise_phase_update(*, actor: Actor, phase: ExercisePhase, name_ru: str, name_en: str,
                          starts_on: date, ends_on: date) -> ExercisePhase:
    """A phase renamed or moved within the exercise's days; the phases are numbered again in
    the order they begin."""
    require_permission(actor, "forces.change_exercise")
    exercise = phase.exercise
    _editable(exercise)
    errors = _phase_errors(exercise, name_ru=name_ru, name_en=name_en, starts_on=starts_on,
                           ends_on=ends_on)
    if errors:
        raise ValidationError(_("The phase was not saved."), errors=errors)
    before = {"starts_on": phase.starts_on.isoformat(), "ends_on": phase.ends_on.isoformat()}
    phase.name_ru = name_ru.strip() or name_en.strip()
    phase.name_en = name_en.strip() or name_ru.strip()
    phase.starts_on, phase.ends_on = starts_on, ends_on
    phase.save(update_fields=["name_ru", "name_en", "starts_on", "ends_on"])
    _renumber(exercise.phases.all(), "order", ("starts_on", "ends_on", "pk"))
    phase.refresh_from_db(fields=["order"])
    audit_record(actor=actor, action="forces.exercise.phase_update", target=exercise,
                 detail={"phase": phase.order, "from": before,
                         "to": {"starts_on": starts_on.isoformat(),
                                "ends_on": ends_on.isoformat()}})
    return phase


@transaction.atomic
def exercise_phase_remove(*, actor: Actor, phase: ExercisePhase) -> Exercise:
    require_permission(actor, "forces.change_exercise")
    exercise = phase.exercise
    _editable(exercise)
    detail = {"phase": phase.order, "name": phase.name_en,
              "starts_on": phase.starts_on.isoformat(), "ends_on": phase.ends_on.isoformat()}
    phase.delete()
    _renumber(exercise.phases.all(), "order", ("starts_on", "ends_on", "pk"))
    audit_record(actor=actor, action="forces.exercise.phase_remove", target=exercise,
                 detail=detail)
    return exercise


@transaction.atomic
def objective_update(*, actor: Actor, objective: Objective, task: str, text_ru: str,
                     text_en: str) -> Objective:
    require_permission(actor, "forces.change_exercise")
    exercise = objective.exercise
    _editable(exercise)
    errors: dict[str, list[str]] = {}
    if task not in Objective.Task.values:
        errors["task"] = [_("%(value)s is not one of: %(choices)s.")
                          % {"value": task, "choices": ", ".join(Objective.Task.values)}]
    if not text_ru.strip() and not text_en.strip():
        errors["text_ru"] = [_("Say what the exercise is to show.")]
    if errors:
        raise ValidationError(_("The objective was not saved."), errors=errors)
    before = objective.task
    objective.task = task
    objective.text_ru = text_ru.strip() or text_en.strip()
    objective.text_en = text_en.strip() or text_ru.strip()
    objective.save(update_fields=["task", "text_ru", "text_en"])
    audit_record(actor=actor, action="forces.exercise.objective_update", target=exercise,
                 detail={"objective": objective.number, "from": before, "to": task})
    return objective


@transaction.atomic
def objective_remove(*, actor: Actor, objective: Objective) -> Exercise:
    """An objective no unit has been rated on; the others keep their order and are numbered
    from one again."""
    require_permission(actor, "forces.change_exercise")
    exercise = objective.exercise
    _editable(exercise)
    detail = {"objective": objective.number, "task": objective.task}
    try:
        with transaction.atomic():
            objective.delete()
    except ProtectedError as exc:
        raise Conflict(_("Units have been rated on this objective; it stays."),
                       errors={"objective": [_("Rated.")]}) from exc
    _renumber(exercise.objectives.all(), "number", ("number",))
    audit_record(actor=actor, action="forces.exercise.objective_remove", target=exercise,
                 detail=detail)
    return exercise


def _own_participation(actor: Actor, participant: ExerciseParticipant) -> None:
    own = _state_of(actor)
    if own is not None and own.pk != participant.state_id:
        raise Forbidden(_("A delegation records only its own state's participation."))


@transaction.atomic
def participant_update(*, actor: Actor, participant: ExerciseParticipant, contingent_ru: str = "",
                       contingent_en: str = "", personnel: int | None = None,
                       equipment: int | None = None) -> ExerciseParticipant:
    """The contingent's name and strength corrected, by the state or the Joint Staff. Its state
    and unit stay: another unit is another participant."""
    require_permission(actor, "forces.add_exerciseparticipant")
    _editable(participant.exercise)
    _own_participation(actor, participant)
    errors: dict[str, list[str]] = {}
    if participant.unit_id is None and not contingent_ru.strip() and not contingent_en.strip():
        errors["contingent_ru"] = [_("Name the unit or the contingent.")]
    for field, value in (("personnel", personnel), ("equipment", equipment)):
        if value is not None and value < 0:
            errors[field] = [_("A strength is not negative: %(value)s.") % {"value": value}]
    if errors:
        raise ValidationError(_("The participant was not saved."), errors=errors)
    before = {"personnel": participant.personnel, "equipment": participant.equipment}
    participant.contingent_ru = contingent_ru.strip() or contingent_en.strip()
    participant.contingent_en = contingent_en.strip() or contingent_ru.strip()
    participant.personnel, participant.equipment = personnel, equipment
    participant.save(update_fields=["contingent_ru", "contingent_en", "personnel", "equipment"])
    audit_record(actor=actor, action="forces.exercise.participant_update", target=participant,
                 detail={"exercise": str(participant.exercise.public_id), "from": before,
                         "to": {"personnel": personnel, "equipment": equipment}})
    return participant


@transaction.atomic
def participant_remove(*, actor: Actor, participant: ExerciseParticipant) -> Exercise:
    """A participation recorded in error; a unit already rated stays, its ratings with it."""
    require_permission(actor, "forces.add_exerciseparticipant")
    exercise = participant.exercise
    _editable(exercise)
    _own_participation(actor, participant)
    # The audit entry names the participation before it is gone; the trail keeps its id.
    audit_record(actor=actor, action="forces.exercise.participant_remove", target=exercise,
                 detail={"participant": str(participant.public_id)})
    try:
        with transaction.atomic():
            participant.releasable_to.clear()
            participant.delete()
    except ProtectedError as exc:
        raise Conflict(_("The unit has been rated in this exercise; its participation stays."),
                       errors={"participant": [_("Rated.")]}) from exc
    return exercise
