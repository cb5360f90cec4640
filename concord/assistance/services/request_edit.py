"""Editing a request while it is a draft or waits for the secretariat: its titles,
beneficiary, kind, terms, urgency, summary, letter, offer window, the states it is addressed to,
its phases, its lines and its label. Once opened for offers, the states answer what was asked:
it stays as it was. Every change is audited with the values before and after."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import (
    AssistanceRequest,
    Kind,
    PledgeLine,
    RequestLine,
    RequestPhase,
    Terms,
    Urgency,
)
from concord.assistance.services._common import speaks_for, validated
from concord.core import labelling
from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import (
    Conflict,
    Forbidden,
    InvalidState,
    ValidationError,
    require_permission,
)
from concord.core.models import LabelChange
from concord.core.policy import system_viewer
from concord.registry.models import MemberState

EDITABLE = (AssistanceRequest.Status.DRAFT, AssistanceRequest.Status.SUBMITTED)
TEXT_FIELDS = ("title_ru", "title_en", "beneficiary_ru", "beneficiary_en", "summary_ru",
               "summary_en", "letter_reference")


def may_edit(actor: Actor, request: AssistanceRequest) -> bool:
    """The requesting state's delegation, and the secretariat, edit a request not yet open."""
    if request.status not in EDITABLE:
        return False
    try:
        require_permission(actor, "assistance.add_assistancerequest")
        speaks_for(actor, request.requesting_state)
    except Forbidden:
        return False
    return True


def _editable(actor: Actor, request: AssistanceRequest) -> AssistanceRequest:
    """The request locked for a change of its particulars, phases or lines, refused once it
    is open."""
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, request.requesting_state)
    # Locked as its requesting state holds it: the view has read it for the actor already.
    reader = system_viewer(request.originator, reason="editing an assistance request")
    current: AssistanceRequest | None = (
        AssistanceRequest.objects.visible_to(reader).select_for_update()
        .filter(pk=request.pk).first())
    if current is None or current.status not in EDITABLE:
        raise InvalidState(_("Only a draft or a submitted request is edited; once open for "
                             "offers, what was asked stays as it was."))
    return current


@transaction.atomic
def request_update(*, actor: Actor, request: AssistanceRequest, title_ru: str,
                   beneficiary_ru: str, kind: str, terms: str, urgency: str,
                   title_en: str = "", beneficiary_en: str = "", summary_ru: str = "",
                   summary_en: str = "", letter_reference: str = "",
                   letter_dated: date | None = None, closes_on: date | None = None,
                   addressed_states: Iterable[MemberState] = ()) -> AssistanceRequest:
    """Changes a draft or submitted request; the audit entry names each changed field with
    its value before and after."""
    current = _editable(actor, request)
    addressed = list(addressed_states)
    given: dict[str, Any] = {
        "title_ru": title_ru.strip(), "title_en": title_en.strip(),
        "beneficiary_ru": beneficiary_ru.strip(), "beneficiary_en": beneficiary_en.strip(),
        "summary_ru": summary_ru.strip(), "summary_en": summary_en.strip(),
        "letter_reference": letter_reference.strip(), "letter_dated": letter_dated,
        "closes_on": closes_on, "kind": kind, "terms": terms, "urgency": urgency}
    errors = _errors(current, given, addressed)
    if errors:
        raise ValidationError(_("The request was not changed."), errors=errors)
    changes: dict[str, list[Any]] = {}
    for field, value in given.items():
        before = getattr(current, field)
        if before != value:
            changes[field] = [_plain(before), _plain(value)]
            setattr(current, field, value)
    before_states = sorted(s.iso_alpha2 for s in current.addressed_states.all())
    after_states = sorted(s.iso_alpha2 for s in addressed)
    if before_states != after_states:
        changes["addressed_states"] = [before_states or "all", after_states or "all"]
    if not changes:
        return current
    current.addressed_to_all = not addressed
    validated(current)
    current.save()
    current.addressed_states.set(addressed)
    audit_record(actor=actor, action="assistance.request.update", target=current,
                 detail={"changed": changes})
    return current


def _errors(current: AssistanceRequest, given: dict[str, Any],
            addressed: list[MemberState]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not given["title_ru"]:
        errors["title_ru"] = [_("Give the title in Russian.")]
    if not given["beneficiary_ru"]:
        errors["beneficiary_ru"] = [_("Name the beneficiary.")]
    for field, allowed, message in (("kind", Kind.values, _("Unknown kind of assistance.")),
                                    ("terms", Terms.values, _("Unknown terms.")),
                                    ("urgency", Urgency.values, _("Unknown urgency."))):
        if given[field] not in allowed:
            errors[field] = [message]
    if any(state.pk == current.requesting_state_id for state in addressed):
        errors["addressed_states"] = [_("A state does not address a request to itself.")]
    closes_on = given["closes_on"]
    if closes_on is not None and current.opens_on is not None and closes_on < current.opens_on:
        errors["closes_on"] = [_("On or after the day offers open, %(day)s.")
                               % {"day": current.opens_on.isoformat()}]
    return errors


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --- The label ---------------------------------------------------------------------------------

@transaction.atomic
def request_revise(*, actor: Actor, request: AssistanceRequest, classification: int,
                   release_to_all_members: bool, **particulars: Any
                   ) -> LabelChange | None:
    """The requesting state's own edit: the particulars as `request_update` changes them, and
    the label through the kernel's relabelling, together or not at all. A raised label applies
    at once; a lower one is returned, waiting for a second user of the state to approve it."""
    current = request_update(actor=actor, request=request, **particulars)
    return labelling.label_change(actor=actor, record=current, classification=classification,
                                  release_to_all_members=release_to_all_members,
                                  releasable_to=list(current.releasable_to.all()))


# --- Phases and lines --------------------------------------------------------------------------

PHASE_FIELDS = ("title_ru", "title_en", "due_on")
LINE_FIELDS = ("category", "description_ru", "description_en", "quantity", "unit", "priority",
               "needed_by", "delivery_place_ru", "delivery_place_en", "end_use_restriction_ru",
               "end_use_restriction_en", "retransfer_banned", "phase")


def _phase_of(request: AssistanceRequest, number: int) -> RequestPhase:
    phase = RequestPhase.objects.filter(request=request, number=number).first()
    if phase is None:
        raise ValidationError(_("The request has no phase %(number)s.") % {"number": number},
                              errors={"phase": [_("The request has no phase %(number)s.")
                                                % {"number": number}]})
    return phase


def _line_of(request: AssistanceRequest, number: int) -> RequestLine:
    line = RequestLine.objects.filter(request=request, number=number).select_related(
        "phase").first()
    if line is None:
        raise ValidationError(_("The request has no line %(number)d.") % {"number": number},
                              errors={"line": [_("The request has no line %(number)d.")
                                               % {"number": number}]})
    return line


def _phase_values(phase: RequestPhase) -> dict[str, Any]:
    return {field: _plain(getattr(phase, field)) for field in PHASE_FIELDS}


def _line_values(line: RequestLine) -> dict[str, Any]:
    values = {field: _plain(getattr(line, field)) for field in LINE_FIELDS if field != "phase"}
    values["phase"] = line.phase.number if line.phase else None
    return values


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {field: [before[field], after[field]] for field in after
            if before[field] != after[field]}


@transaction.atomic
def request_phase_add(*, actor: Actor, request: AssistanceRequest, title_ru: str,
                      title_en: str = "", due_on: date | None = None) -> RequestPhase:
    current = _editable(actor, request)
    number = (RequestPhase.objects.filter(request=current).order_by("-number")
              .values_list("number", flat=True).first() or 0) + 1
    phase = RequestPhase(request=current, number=number, title_ru=title_ru.strip(),
                         title_en=title_en.strip(), due_on=due_on)
    _phase_checked(phase)
    phase.save()
    audit_record(actor=actor, action="assistance.request.phase_add", target=current,
                 detail={"phase": number, "after": _phase_values(phase)})
    return phase


def _phase_checked(phase: RequestPhase) -> None:
    if not phase.title_ru:
        raise ValidationError(_("The phase was not saved."),
                              errors={"title_ru": [_("Give the phase a title in Russian.")]})
    validated(phase, exclude=["request"])


@transaction.atomic
def request_phase_update(*, actor: Actor, request: AssistanceRequest, number: int,
                         title_ru: str, title_en: str = "",
                         due_on: date | None = None) -> RequestPhase:
    current = _editable(actor, request)
    phase = _phase_of(current, number)
    before = _phase_values(phase)
    phase.title_ru, phase.title_en, phase.due_on = title_ru.strip(), title_en.strip(), due_on
    _phase_checked(phase)
    changes = _changes(before, _phase_values(phase))
    if changes:
        phase.save()
        audit_record(actor=actor, action="assistance.request.phase_update", target=current,
                     detail={"phase": number, "changed": changes})
    return phase


@transaction.atomic
def request_phase_remove(*, actor: Actor, request: AssistanceRequest, number: int) -> None:
    """Removes a phase no line belongs to any more."""
    current = _editable(actor, request)
    phase = _phase_of(current, number)
    lines = list(phase.lines.order_by("number").values_list("number", flat=True))
    if lines:
        raise Conflict(_("Line %(lines)s belongs to this phase: move it to another phase "
                         "first.") % {"lines": ", ".join(str(n) for n in lines)})
    before = _phase_values(phase)
    phase.delete()
    audit_record(actor=actor, action="assistance.request.phase_remove", target=current,
                 detail={"phase": number, "before": before})


@transaction.atomic
def request_line_update(*, actor: Actor, request: AssistanceRequest, number: int,
                        **fields: Any) -> RequestLine:
    """Changes a line; the audit entry names each changed field before and after."""
    current = _editable(actor, request)
    line = _line_of(current, number)
    unknown = sorted(set(fields) - set(LINE_FIELDS))
    if unknown:
        raise ValidationError(_("The line was not saved."),
                              errors={name: [_("Not a field of a line.")] for name in unknown})
    before = _line_values(line)
    for field, value in fields.items():
        if field == "phase":
            line.phase = None if value is None else _phase_of(current, value)
        else:
            setattr(line, field, value.strip() if isinstance(value, str) else value)
    validated(line, exclude=["request"])
    changes = _changes(before, _line_values(line))
    if changes:
        line.save()
        audit_record(actor=actor, action="assistance.request.line_update", target=current,
                     detail={"line": number, "changed": changes})
    return line


def line_pledged(line: RequestLine) -> bool:
    """Whether a pledge names the line: it is then part of what states answered."""
    return PledgeLine.objects.filter(line=line).exists()


@transaction.atomic
def request_line_remove(*, actor: Actor, request: AssistanceRequest, number: int) -> None:
    """Removes a line no pledge names."""
    current = _editable(actor, request)
    line = _line_of(current, number)
    if line_pledged(line):
        raise Conflict(_("Line %(number)d has pledges: it cannot be removed.")
                       % {"number": number})
    before = _line_values(line)
    line.delete()
    audit_record(actor=actor, action="assistance.request.line_remove", target=current,
                 detail={"line": number, "before": before})
