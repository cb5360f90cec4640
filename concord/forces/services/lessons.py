"""Lessons of exercises: an observation is verified, identified as a lesson, answered by a remedial
action that an addressee carries out by a deadline, reported on like a council instruction and
flagged overdue past its day, and recorded as learned once the action is done."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.core.actors import SYSTEM, Actor, is_system
from concord.core.audit import audit_record
from concord.core.clock import today
from concord.core.errors import Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.core.policy import label_errors, system_viewer, system_viewers
from concord.forces.models.exercises import Exercise, Lesson
from concord.forces.services.exercises import _party, _planner, validated
from concord.registry.models import Body, MemberState

# The step each step comes from.
_FROM: dict[str, str] = {
    Lesson.Status.VERIFIED: Lesson.Status.OBSERVATION,
    Lesson.Status.IDENTIFIED: Lesson.Status.VERIFIED,
    Lesson.Status.ACTION: Lesson.Status.IDENTIFIED,
    Lesson.Status.LEARNED: Lesson.Status.ACTION,
}


def _require_step(lesson: Lesson, to: str) -> None:
    if lesson.status != _FROM[to]:
        raise InvalidState(_("The lesson is at the step “%(now)s”; it comes to “%(next)s” from "
                             "“%(before)s”.") % {
            "now": lesson.get_status_display(), "next": Lesson.Status(to).label,
            "before": Lesson.Status(_FROM[to]).label})


@transaction.atomic
def lesson_observe(*, actor: Actor, exercise: Exercise, observation_ru: str, observation_en: str,
                   classification: int | None = None,
                   public_id: uuid.UUID | None = None) -> Lesson:
    """An observation made in an exercise, read by whoever reads the exercise (or fewer)."""
    require_permission(actor, "forces.add_lesson")
    classification = exercise.classification if classification is None else classification
    originator = _planner(actor)
    errors = label_errors(actor=actor, classification=classification, originator=originator,
                          release_to_all_members=exercise.release_to_all_members,
                          releasable_to=exercise.releasable_to.all(), sources=[exercise])
    if not observation_ru.strip() and not observation_en.strip():
        errors["observation_ru"] = [_("Say what was observed.")]
    if errors:
        raise ValidationError(_("The observation was not recorded."), errors=errors)
    if exercise.status == Exercise.Status.PLANNED:
        raise InvalidState(_("Observations are made once the exercise has begun."))
    # Numbers run over every lesson of the exercise, as its originator sees them.
    reader = system_viewer(exercise.originator, reason="numbering a lesson of an exercise")
    top = (Lesson.objects.visible_to(reader).filter(exercise=exercise)
           .aggregate(top=Max("number"))["top"]) or 0
    lesson = Lesson(
        exercise=exercise, number=top + 1,
        observation_ru=observation_ru.strip() or observation_en.strip(),
        observation_en=observation_en.strip() or observation_ru.strip(),
        observed_by=_party(actor), classification=classification, originator=originator,
        release_to_all_members=exercise.release_to_all_members)
    if public_id is not None:
        lesson.public_id = public_id
    validated(lesson, exclude=["releasable_to"])
    lesson.save()
    lesson.releasable_to.set(list(exercise.releasable_to.all()))
    audit_record(actor=actor, action="forces.lesson.observe", target=lesson,
                 detail={"exercise": str(exercise.public_id), "number": lesson.number})
    return lesson


@transaction.atomic
def lesson_verify(*, actor: Actor, lesson: Lesson) -> Lesson:
    require_permission(actor, "forces.change_lesson")
    _require_step(lesson, Lesson.Status.VERIFIED)
    lesson.status = Lesson.Status.VERIFIED
    lesson.save(update_fields=["status"])
    audit_record(actor=actor, action="forces.lesson.verify", target=lesson)
    return lesson


@transaction.atomic
def lesson_identify(*, actor: Actor, lesson: Lesson, lesson_ru: str, lesson_en: str) -> Lesson:
    require_permission(actor, "forces.change_lesson")
    if not lesson_ru.strip() and not lesson_en.strip():
        raise ValidationError(_("The lesson was not identified."),
                              errors={"lesson_ru": [_("Say what the lesson is.")]})
    _require_step(lesson, Lesson.Status.IDENTIFIED)
    lesson.lesson_ru = lesson_ru.strip() or lesson_en.strip()
    lesson.lesson_en = lesson_en.strip() or lesson_ru.strip()
    lesson.status = Lesson.Status.IDENTIFIED
    lesson.save(update_fields=["lesson_ru", "lesson_en", "status"])
    audit_record(actor=actor, action="forces.lesson.identify", target=lesson)
    return lesson


@transaction.atomic
def lesson_assign_action(
    *, actor: Actor, lesson: Lesson, action_ru: str, action_en: str, addressee_kind: str,
    due_on: date | None, addressee_body: Body | None = None,
    addressee_state: MemberState | None = None,
) -> Lesson:
    """The remedial action: what is to be done, by whom, by when."""
    require_permission(actor, "forces.change_lesson")
    errors: dict[str, list[str]] = {}
    if not action_ru.strip() and not action_en.strip():
        errors["action_ru"] = [_("Say what is to be done.")]
    if addressee_kind not in Lesson.Addressee.values:
        errors["addressee_kind"] = [_("Unknown addressee.")]
    if addressee_kind == Lesson.Addressee.BODY and addressee_body is None:
        errors["addressee_body"] = [_("Name the body.")]
    if addressee_kind == Lesson.Addressee.STATE and addressee_state is None:
        errors["addressee_state"] = [_("Name the state.")]
    if due_on is None:
        errors["due_on"] = [_("Give the deadline.")]
    if errors:
        raise ValidationError(_("The remedial action was not assigned."), errors=errors)
    _require_step(lesson, Lesson.Status.ACTION)
    lesson.action_ru = action_ru.strip() or action_en.strip()
    lesson.action_en = action_en.strip() or action_ru.strip()
    lesson.addressee_kind = addressee_kind
    lesson.addressee_body = addressee_body if addressee_kind == Lesson.Addressee.BODY else None
    lesson.addressee_state = addressee_state if addressee_kind == Lesson.Addressee.STATE else None
    lesson.due_on, lesson.status = due_on, Lesson.Status.ACTION
    lesson.action_status = Lesson.ActionStatus.ASSIGNED
    lesson.save(update_fields=["action_ru", "action_en", "addressee_kind", "addressee_body",
                               "addressee_state", "due_on", "status", "action_status"])
    audit_record(actor=actor, action="forces.lesson.assign_action", target=lesson,
                 detail={"addressee": addressee_kind,
                         "due_on": due_on.isoformat() if due_on else None})
    return lesson


def addressed_to(lesson: Lesson, party: Party) -> bool:
    """Whether the remedial action falls to `party`: a state for its own or all states, the
    secretariat for itself and the bodies."""
    kind = lesson.addressee_kind
    if party.kind == PartyKind.STATE:
        return kind == Lesson.Addressee.ALL_STATES or (
            kind == Lesson.Addressee.STATE and lesson.addressee_state is not None
            and lesson.addressee_state.party_id == party.pk)
    return kind in (Lesson.Addressee.SECRETARIAT, Lesson.Addressee.BODY)


@transaction.atomic
def lesson_report_action(*, actor: Actor, lesson: Lesson, text: str, status: str) -> Lesson:
    """The addressee reports on the remedial action; a delegation only on what falls to its
    state. An overdue action stays flagged until it is done."""
    require_permission(actor, "forces.view_lesson")
    party = _party(actor)
    # The system records what an addressee reported by other means (the demo, a command).
    if not is_system(actor) and (party is None or not addressed_to(lesson, party)):
        raise Forbidden(_("This remedial action is not addressed to you."))
    errors: dict[str, list[str]] = {}
    if status not in (Lesson.ActionStatus.IN_PROGRESS, Lesson.ActionStatus.DONE):
        errors["status"] = [_("Report the action in progress or done.")]
    if not text.strip():
        errors["text"] = [_("Say what was done.")]
    if errors:
        raise ValidationError(_("The report was not recorded."), errors=errors)
    if not lesson.action_open:
        raise InvalidState(_("The lesson has no open remedial action."))
    lesson.action_report = text.strip()
    if status == Lesson.ActionStatus.DONE or lesson.action_status == Lesson.ActionStatus.ASSIGNED:
        lesson.action_status = status
    lesson.save(update_fields=["action_report", "action_status"])
    audit_record(actor=actor, action="forces.lesson.report_action", target=lesson,
                 detail={"status": status})
    return lesson


@transaction.atomic
def lesson_learn(*, actor: Actor, lesson: Lesson) -> Lesson:
    """A lesson is learned once its remedial action is done."""
    require_permission(actor, "forces.change_lesson")
    _require_step(lesson, Lesson.Status.LEARNED)
    if lesson.action_status != Lesson.ActionStatus.DONE:
        raise InvalidState(_("The remedial action is not done yet."))
    lesson.status = Lesson.Status.LEARNED
    lesson.save(update_fields=["status"])
    audit_record(actor=actor, action="forces.lesson.learn", target=lesson)
    return lesson


@transaction.atomic
def lesson_flag_overdue(*, on: date | None = None) -> list[Lesson]:
    """Flags every open remedial action past its deadline, once."""
    on = on or today()
    flagged: list[Lesson] = []
    for viewer in system_viewers(reason="flagging overdue remedial actions"):
        late = (Lesson.objects.visible_to(viewer)
                .filter(originator_id=viewer.party_id, status=Lesson.Status.ACTION, due_on__lt=on,
                        action_status__in=(Lesson.ActionStatus.ASSIGNED,
                                           Lesson.ActionStatus.IN_PROGRESS))
                .select_related("exercise"))
        for lesson in late:
            lesson.action_status = Lesson.ActionStatus.OVERDUE
            lesson.overdue_notified_on = on
            lesson.save(update_fields=["action_status", "overdue_notified_on"])
            audit_record(actor=SYSTEM, action="forces.lesson.overdue", target=lesson,
                         detail={"due_on": lesson.due_on.isoformat() if lesson.due_on else None})
            flagged.append(lesson)
    return flagged
