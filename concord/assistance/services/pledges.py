"""A state's pledges and their lines: pledged within the offer window, revised, committed by a
signed agreement, cancelled with a reason, and answered by the requester. Nothing promised is
overwritten: every change keeps a revision of the line."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine, RequestLine
from concord.assistance.selectors.requests import state_of
from concord.assistance.services._common import (
    addressed_to,
    keep_revision,
    locked,
    secretariat,
    speaks_for,
    validated,
)
from concord.core import clock
from concord.core.actors import Actor, is_system, user_id
from concord.core.audit import audit_record
from concord.core.errors import Conflict, Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.core.policy import label_errors, system_viewer
from concord.registry.models import MemberState

Stage = PledgeLine.Stage
Response = PledgeLine.Response
# Once goods are on their way the requester can no longer decline them, nor the provider cancel.
_ON_THE_WAY = (Stage.SHIPPED, Stage.DELIVERED, Stage.ACCEPTED)


def _pledge_of(request: AssistanceRequest, state: MemberState) -> Pledge | None:
    # The state's own pledge, whatever its label: its own party reads it.
    reader = system_viewer(state.party, reason="finding a state's pledge to a request")
    found: Pledge | None = (Pledge.objects.visible_to(reader)
                            .filter(request=request, state=state).first())
    return found


def _window_errors(request: AssistanceRequest, day: date) -> None:
    if request.status != AssistanceRequest.Status.OPEN:
        raise InvalidState(_("The request is not open for offers (it is %(status)s).")
                           % {"status": request.get_status_display().lower()})
    if request.opens_on is not None and day < request.opens_on:
        raise InvalidState(_("Offers on this request open on %(day)s.")
                           % {"day": request.opens_on.isoformat()})
    if request.closes_on is not None and day > request.closes_on:
        raise InvalidState(_("Offers on this request closed on %(day)s.")
                           % {"day": request.closes_on.isoformat()})


def _line_rows(request: AssistanceRequest,
               lines: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = [dict(row) for row in lines]
    errors: dict[str, list[str]] = {}
    if not rows:
        errors["lines"] = [_("Pledge at least one line.")]
    own = {line.pk: line for line in request.lines.all()}
    for index, row in enumerate(rows, start=1):
        line = row.get("line")
        if not isinstance(line, RequestLine) or line.pk not in own:
            errors[f"lines[{index}].line"] = [_("Not a line of this request.")]
    if errors:
        raise ValidationError(_("The pledge cannot be recorded."), errors=errors)
    return rows


@transaction.atomic
def pledge_make(
    *, actor: Actor, request: AssistanceRequest, lines: Iterable[Mapping[str, Any]],
    state: MemberState | None = None, note: str = "", release_to_all_members: bool = True,
    releasable_to: Iterable[Party] = (), classification: int | None = None,
    public_id: uuid.UUID | None = None, pledged_on: date | None = None,
) -> Pledge:
    """`state` pledges `lines` (each: line, quantity, and optionally value, currency,
    condition, caveats, due_on). A state withholding its pledge from the others releases it to
    the requester and the secretariat only. A second pledge of the same state adds its lines
    to the first. Only the system records a pledge made on another day than today (the
    history of a request taken over from paper)."""
    require_permission(actor, "assistance.add_pledge")
    state = state or state_of(actor)
    if state is None:
        raise ValidationError(_("The pledge cannot be recorded."),
                              errors={"state": [_("Name the pledging state.")]})
    speaks_for(actor, state)
    if pledged_on is not None and not is_system(actor):
        raise Forbidden(_("A pledge is made today."))
    pledged_on = pledged_on or clock.today()
    _window_errors(request, pledged_on)
    if not addressed_to(request, state):
        raise Forbidden(_("This request is not addressed to %(state)s.") % {"state": state.name})
    rows = _line_rows(request, lines)
    pledge = _pledge_of(request, state)
    if pledge is None:
        pledge = _pledge_new(actor=actor, request=request, state=state, note=note,
                             release_to_all_members=release_to_all_members,
                             releasable_to=releasable_to, classification=classification,
                             public_id=public_id, pledged_on=pledged_on)
    taken = set(pledge.lines.exclude(stage=Stage.CANCELLED).values_list("line_id", flat=True))
    for index, row in enumerate(rows, start=1):
        if row["line"].pk in taken:
            raise Conflict(_("%(state)s has already pledged line %(number)d: revise that pledge "
                             "instead.") % {"state": state.name, "number": row["line"].number},
                           errors={f"lines[{index}].line": [_("Already pledged.")]})
        _pledge_line_new(actor=actor, pledge=pledge, row=row, where=f"lines[{index}]")
    audit_record(actor=actor, action="assistance.pledge.make", target=pledge,
                 detail={"request": request.reference, "lines": len(rows)})
    return pledge


def _pledge_new(*, actor: Actor, request: AssistanceRequest, state: MemberState, note: str,
                release_to_all_members: bool, releasable_to: Iterable[Party],
                classification: int | None, public_id: uuid.UUID | None,
                pledged_on: date) -> Pledge:
    # A pledge is always read by those it is made to: the requesting state (among all member
    # states, or named when the pledge is withheld from the others) and the secretariat.
    releasable = list(releasable_to)
    for party in (request.requesting_state.party, secretariat()):
        if party is not None and party not in releasable and (
                party.kind == PartyKind.SECRETARIAT or not release_to_all_members):
            releasable.append(party)
    classification = request.classification if classification is None else classification
    errors = label_errors(actor=actor, classification=classification, originator=state.party,
                          release_to_all_members=release_to_all_members,
                          releasable_to=releasable, sources=[request])
    if errors:
        raise ValidationError(_("The pledge cannot be recorded."), errors=errors)
    pledge = Pledge(public_id=public_id or uuid.uuid4(), request=request, state=state,
                    note=note.strip(), originator=state.party, classification=classification,
                    pledged_on=pledged_on,
                    release_to_all_members=release_to_all_members,
                    created_by_id=user_id(actor))
    validated(pledge)
    pledge.save()
    pledge.releasable_to.set(releasable)
    return pledge


def _pledge_line_new(*, actor: Actor, pledge: Pledge, row: Mapping[str, Any],
                     where: str) -> PledgeLine:
    value = row.get("value")
    pledge_line = PledgeLine(
        pledge=pledge, line=row["line"], quantity=row.get("quantity") or 0,
        value=Decimal(str(value)) if value not in (None, "") else None,
        currency=str(row.get("currency") or "").upper().strip(),
        condition=row.get("condition") or PledgeLine.Condition.NEW,
        caveats=str(row.get("caveats") or "").strip(), due_on=row.get("due_on"))
    try:
        validated(pledge_line, exclude=["pledge"])
    except ValidationError as error:
        raise ValidationError(error.detail, errors={f"{where}.{field}": messages for field,
                                                    messages in error.errors.items()}) from None
    pledge_line.save()
    keep_revision(actor=actor, pledge_line=pledge_line, action="pledge", first=True)
    return pledge_line


def _provider(actor: Actor, pledge_line: PledgeLine) -> None:
    require_permission(actor, "assistance.change_pledge")
    speaks_for(actor, pledge_line.pledge.state)
    locked(pledge_line)


def _save(pledge_line: PledgeLine, fields: list[str]) -> None:
    validated(pledge_line)
    pledge_line.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def pledge_line_revise(*, actor: Actor, pledge_line: PledgeLine, quantity: int | None = None,
                       value: Decimal | None = None, currency: str | None = None,
                       due_on: date | None = None, caveats: str | None = None,
                       note: str = "") -> PledgeLine:
    """The provider changes what it promises; never below what it has already committed."""
    _provider(actor, pledge_line)
    if pledge_line.stage == Stage.CANCELLED:
        raise InvalidState(_("The pledge line is cancelled."))
    before = pledge_line.quantity
    changes: dict[str, Any] = {"quantity": quantity, "value": value, "due_on": due_on,
                               "caveats": caveats.strip() if caveats is not None else None,
                               "currency": currency.upper().strip() if currency else None}
    fields = [name for name, given in changes.items() if given is not None]
    for name in fields:
        setattr(pledge_line, name, changes[name])
    if quantity is not None and quantity < pledge_line.committed:
        raise ValidationError(_("The pledge line cannot be revised."), errors={"quantity": [
            _("%(committed)d are already committed: the pledge cannot fall below that.")
            % {"committed": pledge_line.committed}]})
    if not fields:
        raise ValidationError(_("The pledge line cannot be revised."),
                              errors={"quantity": [_("Nothing was changed.")]})
    _save(pledge_line, fields)
    keep_revision(actor=actor, pledge_line=pledge_line, action="revise", note=note)
    audit_record(actor=actor, action="assistance.pledge_line.revise", target=pledge_line.pledge,
                 detail={"line": pledge_line.line.number, "quantity": [before,
                                                                        pledge_line.quantity]})
    return pledge_line


@transaction.atomic
def pledge_line_commit(*, actor: Actor, pledge_line: PledgeLine, quantity: int,
                       agreement_reference: str, agreement_signed_on: date | None = None,
                       export_licence: str = PledgeLine.Licence.NOT_REQUIRED,
                       note: str = "") -> PledgeLine:
    """An agreement signed for `quantity` of the pledged line. A later commitment is a new
    revision: the earlier one stays in the line's history."""
    _provider(actor, pledge_line)
    errors: dict[str, list[str]] = {}
    if pledge_line.stage == Stage.CANCELLED:
        raise InvalidState(_("The pledge line is cancelled."))
    if pledge_line.response == Response.DECLINED:
        raise InvalidState(_("The requester declined this pledge line."))
    if not agreement_reference.strip():
        errors["agreement_reference"] = [_("Name the agreement signed.")]
    if export_licence not in PledgeLine.Licence.values:
        errors["export_licence"] = [_("Unknown licence status.")]
    if quantity < max(pledge_line.shipped, 1) or quantity > pledge_line.quantity:
        errors["quantity"] = [_("Commit between %(low)d and %(high)d.")
                              % {"low": max(pledge_line.shipped, 1),
                                 "high": pledge_line.quantity}]
    if errors:
        raise ValidationError(_("The commitment cannot be recorded."), errors=errors)
    before = pledge_line.committed
    pledge_line.committed = quantity
    pledge_line.agreement_reference = agreement_reference.strip()
    pledge_line.agreement_signed_on = agreement_signed_on or clock.today()
    pledge_line.export_licence = export_licence
    if pledge_line.stage == Stage.PLEDGED:
        pledge_line.stage = Stage.COMMITTED
    _save(pledge_line, ["committed", "agreement_reference", "agreement_signed_on",
                        "export_licence", "stage"])
    keep_revision(actor=actor, pledge_line=pledge_line, action="commit", note=note)
    audit_record(actor=actor, action="assistance.pledge_line.commit", target=pledge_line.pledge,
                 detail={"line": pledge_line.line.number, "committed": [before, quantity],
                         "agreement": pledge_line.agreement_reference})
    return pledge_line


@transaction.atomic
def pledge_line_cancel(*, actor: Actor, pledge_line: PledgeLine, reason: str) -> PledgeLine:
    """What is not yet on its way is withdrawn; what was delivered stays counted."""
    _provider(actor, pledge_line)
    if not reason.strip():
        raise ValidationError(_("The pledge line cannot be cancelled."),
                              errors={"reason": [_("Say why the pledge line is cancelled.")]})
    if pledge_line.stage == Stage.CANCELLED:
        raise InvalidState(_("The pledge line is already cancelled."))
    if pledge_line.shipped > pledge_line.delivered:
        raise InvalidState(_("A consignment is on its way: record its delivery first."))
    pledge_line.stage = Stage.CANCELLED
    pledge_line.cancellation_reason = reason.strip()
    pledge_line.cancelled_at = clock.now()
    _save(pledge_line, ["stage", "cancellation_reason", "cancelled_at"])
    keep_revision(actor=actor, pledge_line=pledge_line, action="cancel", note=reason)
    audit_record(actor=actor, action="assistance.pledge_line.cancel", target=pledge_line.pledge,
                 detail={"line": pledge_line.line.number, "reason": reason.strip()})
    return pledge_line


@transaction.atomic
def pledge_line_respond(*, actor: Actor, pledge_line: PledgeLine, response: str,
                        note: str = "") -> PledgeLine:
    """The requester accepts, declines or provisionally accepts what is offered."""
    require_permission(actor, "assistance.add_assistancerequest")
    request = pledge_line.pledge.request
    speaks_for(actor, request.requesting_state)
    locked(pledge_line)
    if response not in (Response.ACCEPTED, Response.DECLINED, Response.PROVISIONAL):
        raise ValidationError(_("The answer cannot be recorded."),
                              errors={"response": [_("Accept, decline or accept provisionally.")]})
    if pledge_line.stage == Stage.CANCELLED:
        raise InvalidState(_("The pledge line is cancelled."))
    if response == Response.DECLINED and pledge_line.stage in _ON_THE_WAY:
        raise InvalidState(_("Goods already on their way are not declined: refuse them at "
                             "acceptance."))
    before = pledge_line.response
    pledge_line.response = response
    pledge_line.response_note = note.strip()
    pledge_line.responded_at = clock.now()
    _save(pledge_line, ["response", "response_note", "responded_at"])
    keep_revision(actor=actor, pledge_line=pledge_line, action="respond", note=note)
    audit_record(actor=actor, action="assistance.pledge_line.respond", target=pledge_line.pledge,
                 detail={"line": pledge_line.line.number, "response": [before, response]})
    return pledge_line
