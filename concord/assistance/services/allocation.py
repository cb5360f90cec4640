"""The fair-share proposal of a request: made from what the request still lacks, the states'
declared capacities and a burden-sharing key, stored with its inputs and result, and answered
by each state, which accepts or amends its part. A proposal is never imposed."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import (
    AllocationProposal,
    AllocationRow,
    AssistanceRequest,
    BurdenKey,
    BurdenShare,
    CapacityDeclaration,
    Category,
)
from concord.assistance.rules import allocation as rule
from concord.assistance.selectors import allocation as read
from concord.core.actors import Actor, SystemActor, Viewer, user_id
from concord.core.audit import audit_record
from concord.core.clock import now
from concord.core.errors import Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.core.policy import system_viewer
from concord.registry.models import MemberState

# A proposal is made while the request still expects something from the states.
PROPOSABLE = ("submitted", "open", "closed")
# A key's shares are percentages.
WHOLE = Decimal(100)


def _party(actor: Actor) -> Party | None:
    party = getattr(actor, "party", None) if actor.is_authenticated else None
    return party if isinstance(party, Party) else None


def _viewer(actor: Actor, request: AssistanceRequest) -> Viewer:
    """Whose eyes the proposal reads pledges and capacities with: the actor's, or for the system
    (the demo, a scheduled run) the requesting state's."""
    if isinstance(actor, SystemActor):
        return system_viewer(request.originator, reason="a fair-share proposal made by the system")
    return actor


def allocation_problem(*, actor: Actor, request: AssistanceRequest,
                       key: BurdenKey) -> tuple[rule.Problem, dict[str, int]]:
    """The problem the rule solves, as the actor sees the pledges and declarations, with the
    state of each code in it."""
    viewer = _viewer(actor, request)
    pledged = read.pledged_by_line(viewer=viewer, request=request)
    lines = [rule.Line(key=str(line.number), category=line.category,
                       quantity=max(line.quantity - pledged.get(line.pk, 0), 0))
             for line in read.request_lines(request=request)]
    states = read.states_addressed(request=request)
    declared = read.capacities(viewer=viewer, request=request)
    shares = read.burden_shares(key=key)
    codes = {state.iso_alpha2: state.pk for state in states}
    problem = rule.Problem(
        lines=lines,
        capacities={state.iso_alpha2: declared.get(state.pk, {}) for state in states},
        key={state.iso_alpha2: shares.get(state.pk, 0.0) for state in states})
    return problem, codes


@transaction.atomic
def allocation_propose(*, actor: Actor, request: AssistanceRequest,
                       key: BurdenKey) -> AllocationProposal:
    """Solves the proposal and keeps it with everything it was made from; an earlier proposal of
    the request is superseded. A request nobody can supply still gets a proposal, which says
    why nothing is proposed."""
    require_permission(actor, "assistance.add_allocationproposal")
    if request.status not in PROPOSABLE:
        raise InvalidState(_("A proposal is made for a submitted or open request, not one that "
                             "is %(status)s.") % {"status": request.get_status_display()})
    problem, codes = allocation_problem(actor=actor, request=request, key=key)
    started = time.perf_counter()
    result = rule.propose(problem)
    seconds = time.perf_counter() - started
    (AllocationProposal.objects.visible_to(_viewer(actor, request))
     .filter(request=request, status=AllocationProposal.Status.PROPOSED)
     .update(status=AllocationProposal.Status.SUPERSEDED))
    inputs = problem.as_json()
    inputs["key_code"] = key.code
    proposal = AllocationProposal.objects.create(
        request=request, key=key,
        status=(AllocationProposal.Status.PROPOSED if result.quantities
                else AllocationProposal.Status.INFEASIBLE),
        inputs=inputs, result=result.as_json(),
        max_deviation=Decimal(str(round(result.largest_deviation, 6))),
        solver_status=result.status, solve_seconds=round(seconds, 3),
        created_by_id=user_id(actor),
        classification=request.classification, originator=request.originator,
        release_to_all_members=request.release_to_all_members)
    proposal.releasable_to.set(list(request.releasable_to.all()))
    lines = {str(line.number): line for line in read.request_lines(request=request)}
    AllocationRow.objects.bulk_create(
        AllocationRow(proposal=proposal, line=lines[line_key], state_id=codes[state],
                      quantity=quantity)
        for (state, line_key), quantity in sorted(result.quantities.items()))
    audit_record(actor=actor, action="assistance.allocation.propose", target=proposal,
                 detail={"request": request.reference, "key": key.code,
                         "status": result.status, "covered": result.covered_items,
                         "requested": result.requested_items,
                         "largest_deviation": round(result.largest_deviation, 6)})
    return proposal


@transaction.atomic
def allocation_answer(*, actor: Actor, row: AllocationRow, response: str,
                      amended_quantity: int | None = None) -> AllocationRow:
    """A state's answer to its part of a proposal: accept it, decline it, or amend it to another
    quantity. A delegation answers only for its own state."""
    require_permission(actor, "assistance.change_allocationrow")
    party = _party(actor)
    if party is not None and party.kind == PartyKind.STATE and party.pk != row.state.party_id:
        raise Forbidden(_("A delegation answers only for its own state."))
    if row.proposal.status != AllocationProposal.Status.PROPOSED:
        raise InvalidState(_("This proposal has been superseded by a newer one."))
    answers = (AllocationRow.Response.ACCEPTED, AllocationRow.Response.DECLINED,
               AllocationRow.Response.AMENDED)
    if response not in answers:
        raise ValidationError(_("Accept, decline or amend."),
                              errors={"response": [_("Unknown answer %(value)r.")
                                                   % {"value": response}]})
    if response == AllocationRow.Response.AMENDED:
        if amended_quantity is None or amended_quantity < 0:
            raise ValidationError(_("Give the quantity your state will give."),
                                  errors={"amended_quantity": [_("A whole number, 0 or more.")]})
        if amended_quantity == row.quantity:
            raise ValidationError(_("The amended quantity is the one proposed: accept it "
                                    "instead."),
                                  errors={"amended_quantity": [
                                      _("Differs from %(quantity)d.") % {"quantity": row.quantity}]})
        if amended_quantity > row.line.quantity:
            raise ValidationError(_("More than the line asks for."), errors={
                "amended_quantity": [_("At most %(quantity)d.") % {"quantity": row.line.quantity}]})
    row.response = response
    row.amended_quantity = amended_quantity if response == AllocationRow.Response.AMENDED else None
    row.responded_at = now()
    row.save(update_fields=["response", "amended_quantity", "responded_at"])
    audit_record(actor=actor, action="assistance.allocation.answer", target=row.proposal,
                 detail={"line": row.line.number, "state": row.state.iso_alpha2,
                         "response": response, "proposed": row.quantity,
                         "amended_to": row.amended_quantity})
    return row


@transaction.atomic
def capacity_declare(*, actor: Actor, state: MemberState, category: str, quantity: int | None,
                     declared_on: date, request: AssistanceRequest | None = None,
                     note: str = "") -> CapacityDeclaration:
    """A state's capacity in a category, for one request or in general; None declares no
    capacity. A later declaration replaces the earlier one. It is released to every member
    state and the secretariat, since the proposals made from it show it."""
    require_permission(actor, "assistance.add_capacitydeclaration")
    party = _party(actor)
    if party is not None and party.kind == PartyKind.STATE and party.pk != state.party_id:
        raise Forbidden(_("A delegation declares only its own state's capacities."))
    if category not in Category.values:
        raise ValidationError(_("The capacity was not declared."), errors={
            "category": [_("Unknown category %(value)r.") % {"value": category}]})
    if quantity is not None and quantity < 0:
        raise ValidationError(_("The capacity was not declared."), errors={
            "quantity": [_("A whole number, 0 or more.")]})
    declared: CapacityDeclaration
    declared, _created = CapacityDeclaration.objects.visible_to(
        system_viewer(state.party, reason="replacing a state's own capacity declaration")
    ).update_or_create(
        state=state, request=request, category=category,
        defaults={"quantity": quantity, "no_capacity": quantity is None, "note": note,
                  "declared_on": declared_on, "declared_by_id": user_id(actor),
                  "originator": state.party, "release_to_all_members": True})
    secretariat = Party.objects.filter(kind=PartyKind.SECRETARIAT).first()
    declared.releasable_to.set([secretariat] if secretariat else [])
    audit_record(actor=actor, action="assistance.capacity.declare", target=declared,
                 detail={"state": state.iso_alpha2, "category": category, "quantity": quantity,
                         "request": request.reference if request else None})
    return declared


@transaction.atomic
def burden_key_create(*, actor: Actor, code: str, name_ru: str, name_en: str,
                      shares: Mapping[MemberState, Decimal], basis_ru: str = "",
                      basis_en: str = "", valid_from: date | None = None) -> BurdenKey:
    """A burden-sharing key: each state's share in percent, adding up to 100."""
    require_permission(actor, "assistance.add_burdenkey")
    errors: dict[str, list[str]] = {}
    if not code.strip():
        errors["code"] = [_("Give the key a code.")]
    elif BurdenKey.objects.filter(code=code).exists():
        errors["code"] = [_("A key %(code)s already exists.") % {"code": code}]
    for state, share in shares.items():
        if share < 0 or share > WHOLE:
            errors[f"shares[{state.iso_alpha2}]"] = [_("Between 0 and 100.")]
    total = sum(shares.values(), Decimal(0))
    if abs(total - WHOLE) > Decimal("0.01"):
        errors["shares"] = [_("The shares add up to %(total)s, not 100.") % {"total": total}]
    if errors:
        raise ValidationError(_("The key was not created."), errors=errors)
    key = BurdenKey.objects.create(code=code, name_ru=name_ru, name_en=name_en,
                                   basis_ru=basis_ru, basis_en=basis_en, valid_from=valid_from)
    BurdenShare.objects.bulk_create(BurdenShare(key=key, state=state, share=share)
                                    for state, share in shares.items())
    audit_record(actor=actor, action="assistance.burden_key.create", target=key,
                 detail={"code": code, "shares": {state.iso_alpha2: str(share)
                                                  for state, share in shares.items()}})
    return key
