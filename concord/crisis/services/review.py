"""The after-action review of a closed case and its lessons: an observation is identified as a
lesson, answered by a remedial action that an addressee carries out by a deadline (overdue
past it), and recorded as learned once done. Each step is audited on the case, so it is
written to the case's log."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, person, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.models import Party
from concord.crisis.models import Case, CaseLesson, Review
from concord.crisis.services.cases import RUN_CASE

Step = CaseLesson.Status
# The step each step comes from.
_FROM: dict[str, str] = {Step.IDENTIFIED: Step.OBSERVATION, Step.ACTION: Step.IDENTIFIED,
                         Step.LEARNED: Step.ACTION}


def _require_closed(case: Case) -> None:
    if case.phase != Case.Phase.CLOSED:
        raise InvalidState(_("The after-action review is written once the case is closed."))


def _require_step(lesson: CaseLesson, to: str) -> None:
    if lesson.status != _FROM[to]:
        raise InvalidState(_("The lesson is at the step “%(now)s”; it comes to “%(next)s” from "
                             "“%(before)s”.") % {
            "now": lesson.get_status_display(), "next": Step(to).label,
            "before": Step(_FROM[to]).label})


def _required(errors: dict[str, list[str]], **texts: str) -> None:
    for field, text in texts.items():
        if not text.strip():
            errors[field] = [_("Required.")]


@transaction.atomic
def review_write(*, actor: Actor, case: Case, went_as_planned: str,
                 went_otherwise: str) -> Review:
    """Writes (or rewrites) what went as planned and what did not."""
    require_permission(actor, RUN_CASE)
    _require_closed(case)
    if not went_as_planned.strip() and not went_otherwise.strip():
        raise ValidationError(_("The review was not written."), errors={
            "went_as_planned": [_("Say what went as planned, what did not, or both.")]})
    review, _made = Review.objects.update_or_create(case=case, defaults={
        "went_as_planned": went_as_planned.strip(), "went_otherwise": went_otherwise.strip(),
        "written_at": clock.now(), "written_by_id": user_id(actor)})
    audit_record(actor=actor, action="crisis.review.write", target=case,
                 detail={"text": case.title})
    return review


@transaction.atomic
def lesson_observe(*, actor: Actor, case: Case, observation: str) -> CaseLesson:
    require_permission(actor, RUN_CASE)
    _require_closed(case)
    if not observation.strip():
        raise ValidationError(_("The observation was not recorded."),
                              errors={"observation": [_("Say what was observed.")]})
    # Locking the case numbers its lessons one after the other under concurrent writers.
    list(Case.objects.visible_to(person(actor)).select_for_update().filter(pk=case.pk)
         .values_list("pk", flat=True))
    last = CaseLesson.objects.filter(case=case).aggregate(last=Max("number"))["last"] or 0
    lesson = CaseLesson.objects.create(case=case, number=last + 1,
                                       observation=observation.strip(), observed_at=clock.now())
    audit_record(actor=actor, action="crisis.lesson.observe", target=case,
                 detail={"text": f"{lesson}: {lesson.observation}", "lesson": lesson.number})
    return lesson


@transaction.atomic
def lesson_identify(*, actor: Actor, lesson: CaseLesson, text: str) -> CaseLesson:
    require_permission(actor, RUN_CASE)
    _require_step(lesson, Step.IDENTIFIED)
    if not text.strip():
        raise ValidationError(_("The lesson was not identified."),
                              errors={"text": [_("Required.")]})
    lesson.lesson, lesson.status = text.strip(), Step.IDENTIFIED
    lesson.save(update_fields=["lesson", "status"])
    audit_record(actor=actor, action="crisis.lesson.identify", target=lesson.case,
                 detail={"text": f"{lesson}: {lesson.lesson}", "lesson": lesson.number})
    return lesson


@transaction.atomic
def lesson_assign(*, actor: Actor, lesson: CaseLesson, action: str, addressee: Party | None,
                  due_on: date | None) -> CaseLesson:
    """The remedial action answering the lesson, with whom it is addressed to and by when."""
    require_permission(actor, RUN_CASE)
    _require_step(lesson, Step.ACTION)
    errors: dict[str, list[str]] = {}
    _required(errors, action=action)
    if addressee is None:
        errors["addressee"] = [_("Required.")]
    if due_on is None:
        errors["due_on"] = [_("Required.")]
    elif due_on < clock.today():
        errors["due_on"] = [_("%(value)s has passed.") % {"value": due_on.isoformat()}]
    if errors:
        raise ValidationError(_("The remedial action was not assigned."), errors=errors)
    assert addressee is not None  # noqa: S101  (checked above; for the type checker)
    lesson.action, lesson.addressee, lesson.due_on = action.strip(), addressee, due_on
    lesson.status = Step.ACTION
    lesson.save(update_fields=["action", "addressee", "due_on", "status"])
    audit_record(actor=actor, action="crisis.lesson.assign", target=lesson.case,
                 detail={"text": f"{lesson}: {lesson.action} ({addressee.code}, "
                                 f"{due_on.isoformat() if due_on else ''})",
                         "lesson": lesson.number})
    return lesson


@transaction.atomic
def lesson_learn(*, actor: Actor, lesson: CaseLesson) -> CaseLesson:
    require_permission(actor, RUN_CASE)
    _require_step(lesson, Step.LEARNED)
    lesson.status, lesson.learned_on = Step.LEARNED, clock.today()
    lesson.save(update_fields=["status", "learned_on"])
    audit_record(actor=actor, action="crisis.lesson.learn", target=lesson.case,
                 detail={"text": f"{lesson}: {lesson.lesson}", "lesson": lesson.number})
    return lesson
