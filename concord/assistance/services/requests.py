"""A request's life: drafted by the requesting state (or from a council instruction), submitted,
opened for offers to the states addressed, closed, then fulfilled, partly fulfilled or
withdrawn. Every step is audited; opening tells the addressed delegations."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from concord.assistance.models import (
    AssistanceRequest,
    Category,
    Kind,
    Pledge,
    PledgeLine,
    Priority,
    RequestLine,
    RequestPhase,
    Terms,
    Unit,
    Urgency,
)
from concord.assistance.services import notices
from concord.assistance.services._common import (
    is_secretariat,
    secretariat,
    speaks_for,
    validated,
)
from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.models import Party
from concord.core.policy import audience_of, label_errors, label_within, system_viewer
from concord.council.models import Instruction
from concord.registry.models import MemberState

Status = AssistanceRequest.Status


def _field_errors(data: Mapping[str, Any], *, where: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    checks = (("category", Category.values), ("unit", Unit.values))
    for field, allowed in checks:
        if field in data and data[field] not in allowed:
            errors[f"{where}.{field}"] = [_("Unknown value “%(value)s”.") % {"value": data[field]}]
    if "priority" in data and data["priority"] not in Priority.values:
        errors[f"{where}.priority"] = [_("Unknown value “%(value)s”.")
                                       % {"value": data["priority"]}]
    return errors


def _header_errors(*, kind: str, terms: str, urgency: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in Kind.values:
        errors["kind"] = [_("Unknown kind of assistance.")]
    if terms not in Terms.values:
        errors["terms"] = [_("Unknown terms.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Unknown urgency.")]
    return errors


def _reference(state: MemberState, year: int) -> str:
    # Numbered within the requesting state's own requests of the year, which its own party
    # reads in full whatever their labels.
    reader = system_viewer(state.party, reason="numbering a state's assistance requests")
    taken = (AssistanceRequest.objects.visible_to(reader)
             .filter(requesting_state=state, reference__startswith=f"{state.iso_alpha2}-{year}-")
             .count())
    return f"{state.iso_alpha2}-{year}-{taken + 1:02d}"


def _released(releasable_to: Iterable[Party]) -> list[Party]:
    # The secretariat manages every request: whatever the states it is released to, it is
    # released to the secretariat too.
    parties = list(releasable_to)
    office = secretariat()
    if office is not None and office not in parties:
        parties.append(office)
    return parties


@transaction.atomic
def request_create(
    *, actor: Actor, requesting_state: MemberState, title_ru: str, beneficiary_ru: str,
    kind: str, title_en: str = "", beneficiary_en: str = "", summary_ru: str = "",
    summary_en: str = "", terms: str = Terms.FREE, urgency: str = Urgency.ROUTINE,
    letter_reference: str = "", letter_dated: date | None = None,
    instruction: Instruction | None = None, addressed_states: Iterable[MemberState] = (),
    opens_on: date | None = None, closes_on: date | None = None,
    phases: Iterable[Mapping[str, Any]] = (), lines: Iterable[Mapping[str, Any]] = (),
    classification: int | None = None, release_to_all_members: bool = True,
    releasable_to: Iterable[Party] = (), public_id: uuid.UUID | None = None,
) -> AssistanceRequest:
    """A draft request of `requesting_state`, with its phases and lines. Made from a council
    instruction, it answers that instruction's decision, its offer window runs from the
    decision's adoption to the instruction's due date, and its label is no wider."""
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, requesting_state)
    addressed = list(addressed_states)
    errors = _header_errors(kind=kind, terms=terms, urgency=urgency)
    if any(state.pk == requesting_state.pk for state in addressed):
        errors["addressed_states"] = [_("A state does not address a request to itself.")]
    decision = None
    releasable = list(releasable_to)
    if instruction is not None:
        decision = instruction.document
        opens_on = opens_on or (decision.adopted_on if decision else None)
        closes_on = closes_on or instruction.due_on
        if classification is None:
            derived = label_within(audience_of([instruction]), originator=requesting_state.party)
            classification = derived.classification
            release_to_all_members = derived.release_to_all_members
            releasable = derived.releasable_to
    classification = 1 if classification is None else classification
    releasable = _released(releasable)
    errors.update(label_errors(actor=actor, classification=classification,
                               originator=requesting_state.party,
                               release_to_all_members=release_to_all_members,
                               releasable_to=releasable,
                               sources=[s for s in (decision, instruction) if s is not None]))
    phase_rows = [dict(p) for p in phases]
    line_rows = [dict(line) for line in lines]
    for index, row in enumerate(line_rows, start=1):
        errors.update(_field_errors(row, where=f"lines[{index}]"))
    if errors:
        raise ValidationError(_("The request cannot be filed."), errors=errors)
    year = (letter_dated or opens_on or clock.today()).year
    request = AssistanceRequest(
        public_id=public_id or uuid.uuid4(), reference=_reference(requesting_state, year),
        requesting_state=requesting_state, title_ru=title_ru.strip(), title_en=title_en.strip(),
        beneficiary_ru=beneficiary_ru.strip(), beneficiary_en=beneficiary_en.strip(),
        summary_ru=summary_ru.strip(), summary_en=summary_en.strip(), kind=kind, terms=terms,
        urgency=urgency, letter_reference=letter_reference.strip(), letter_dated=letter_dated,
        decision=decision, instruction=instruction, addressed_to_all=not addressed,
        opens_on=opens_on, closes_on=closes_on, classification=classification,
        originator=requesting_state.party, release_to_all_members=release_to_all_members,
        created_by_id=user_id(actor))
    validated(request)
    request.save()
    request.releasable_to.set(releasable)
    request.addressed_states.set(addressed)
    numbered = {}
    for number, row in enumerate(phase_rows, start=1):
        phase = RequestPhase(request=request, number=int(row.get("number") or number),
                             title_ru=str(row.get("title_ru", "")).strip(),
                             title_en=str(row.get("title_en", "")).strip(),
                             due_on=row.get("due_on"))
        _validated_row(phase, where=f"phases[{number}]")
        phase.save()
        numbered[phase.number] = phase
    for number, row in enumerate(line_rows, start=1):
        _line_save(request=request, number=number, row=row, phases=numbered)
    audit_record(actor=actor, action="assistance.request.create", target=request,
                 detail={"reference": request.reference, "lines": len(line_rows),
                         **({"instruction": str(instruction.public_id)} if instruction else {})})
    return request


def _validated_row(instance: Any, *, where: str) -> None:
    try:
        validated(instance, exclude=["request"])
    except ValidationError as error:
        raise ValidationError(error.detail, errors={f"{where}.{field}": messages for field,
                                                    messages in error.errors.items()}) from None


def _line_save(*, request: AssistanceRequest, number: int, row: Mapping[str, Any],
               phases: Mapping[int, RequestPhase]) -> RequestLine:
    phase_number = row.get("phase")
    if phase_number is not None and phase_number not in phases:
        raise ValidationError(_("The request cannot be filed."), errors={
            f"lines[{number}].phase": [_("The request has no phase %(number)s.")
                                        % {"number": phase_number}]})
    fields = {name: row[name] for name in (
        "category", "description_ru", "description_en", "quantity", "unit", "priority",
        "needed_by", "delivery_place_ru", "delivery_place_en", "end_use_restriction_ru",
        "end_use_restriction_en", "retransfer_banned", "illustrative") if name in row}
    line = RequestLine(request=request, number=number,
                       phase=phases.get(phase_number) if phase_number is not None else None,
                       **fields)
    _validated_row(line, where=f"lines[{number}]")
    line.save()
    return line


@transaction.atomic
def request_line_add(*, actor: Actor, request: AssistanceRequest,
                     **fields: Any) -> RequestLine:
    """A line added to a draft or a submitted request: once open for offers, what is asked for
    is fixed."""
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, request.requesting_state)
    if request.status not in (Status.DRAFT, Status.SUBMITTED):
        raise InvalidState(_("Lines are added to a draft or a submitted request only."))
    errors = _field_errors(fields, where="line")
    if errors:
        raise ValidationError(_("The line cannot be added."), errors=errors)
    phases = {phase.number: phase for phase in request.phases.all()}
    number = (request.lines.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    line = _line_save(request=request, number=number, row=fields, phases=phases)
    audit_record(actor=actor, action="assistance.request.line_add", target=request,
                 detail={"line": number, "category": line.category, "quantity": line.quantity})
    return line


def _move(*, actor: Actor, request: AssistanceRequest, to: str, allowed_from: tuple[str, ...],
          action: str, fields: Mapping[str, Any] | None = None,
          detail: Mapping[str, Any] | None = None) -> AssistanceRequest:
    # The status moves only from where it was read: two people pressing at once move it once.
    if request.status not in allowed_from:
        raise InvalidState(_("The request is %(status)s.")
                           % {"status": request.get_status_display().lower()})
    values = {"status": to, **(fields or {})}
    moved = (AssistanceRequest.objects.visible_to(system_viewer(
        request.originator, reason="moving an assistance request on")).filter(
        pk=request.pk, status=request.status).update(**values))
    if not moved:
        raise InvalidState(_("The request was changed meanwhile; reload it."))
    for name, value in values.items():
        setattr(request, name, value)
    audit_record(actor=actor, action=action, target=request,
                 detail={"status": to, **(detail or {})})
    return request


@transaction.atomic
def request_submit(*, actor: Actor, request: AssistanceRequest) -> AssistanceRequest:
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, request.requesting_state)
    if not request.lines.exists():
        raise ValidationError(_("The request cannot be submitted."),
                              errors={"lines": [_("Add at least one line.")]})
    return _move(actor=actor, request=request, to=Status.SUBMITTED, allowed_from=(Status.DRAFT,),
                 action="assistance.request.submit", fields={"submitted_at": clock.now()})


@transaction.atomic
def request_open(*, actor: Actor, request: AssistanceRequest, opens_on: date | None = None,
                 closes_on: date | None = None) -> AssistanceRequest:
    """The secretariat opens a submitted request for offers; the addressed delegations are told
    once the opening is committed."""
    require_permission(actor, "assistance.change_assistancerequest")
    opens_on = opens_on or request.opens_on or clock.today()
    closes_on = closes_on or request.closes_on
    if closes_on is None:
        raise ValidationError(_("The request cannot be opened."),
                              errors={"closes_on": [_("Say until when offers are taken.")]})
    if closes_on < opens_on:
        raise ValidationError(_("The request cannot be opened."),
                              errors={"closes_on": [_("The offer window closes before it "
                                                      "opens.")]})
    opened = _move(actor=actor, request=request, to=Status.OPEN,
                   allowed_from=(Status.SUBMITTED,), action="assistance.request.open",
                   fields={"opened_at": clock.now(), "opens_on": opens_on,
                           "closes_on": closes_on},
                   detail={"opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat()})
    notices.after_commit_opened(opened)
    return opened


@transaction.atomic
def request_close(*, actor: Actor, request: AssistanceRequest) -> AssistanceRequest:
    require_permission(actor, "assistance.change_assistancerequest")
    return _move(actor=actor, request=request, to=Status.CLOSED, allowed_from=(Status.OPEN,),
                 action="assistance.request.close", fields={"closed_at": clock.now()})


def _fulfilled(request: AssistanceRequest) -> bool:
    # Judged on every pledge, withheld or not: the requester's own party reads them all.
    reader = system_viewer(request.originator, reason="judging whether a request is fulfilled")
    from_visible = (PledgeLine.objects.filter(
        pledge__in=Pledge.objects.visible_to(reader).filter(request=request))
        .values("line").annotate(accepted=Sum("accepted")))
    accepted = {row["line"]: row["accepted"] or 0 for row in from_visible}
    return all(accepted.get(line.pk, 0) >= line.quantity for line in request.lines.all())


@transaction.atomic
def request_complete(*, actor: Actor, request: AssistanceRequest) -> AssistanceRequest:
    """Closed offers end as fulfilled when every line's quantity was accepted, otherwise as
    partly fulfilled: the promises not kept stay visible on it."""
    require_permission(actor, "assistance.change_assistancerequest")
    outcome = Status.FULFILLED if _fulfilled(request) else Status.PARTLY_FULFILLED
    return _move(actor=actor, request=request, to=outcome, allowed_from=(Status.CLOSED,),
                 action="assistance.request.complete", fields={"finished_at": clock.now()})


@transaction.atomic
def request_withdraw(*, actor: Actor, request: AssistanceRequest,
                     reason: str) -> AssistanceRequest:
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, request.requesting_state)
    if not reason.strip():
        raise ValidationError(_("The request cannot be withdrawn."),
                              errors={"reason": [_("Say why the request is withdrawn.")]})
    return _move(actor=actor, request=request, to=Status.WITHDRAWN,
                 allowed_from=(Status.DRAFT, *AssistanceRequest.LIVE),
                 action="assistance.request.withdraw",
                 fields={"withdrawal_reason": reason.strip(), "finished_at": clock.now()},
                 detail={"reason": reason.strip()})


def may_manage(actor: Actor) -> bool:
    return is_secretariat(actor)
