"""Asking for a fair-share proposal of a request and answering it: what is stored, what is
audited, who may answer what."""

from __future__ import annotations

import json

import pytest

from concord.assistance.models import AllocationProposal, AllocationRow
from concord.assistance.selectors import allocation as read
from concord.assistance.services import allocation as services
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories_alloc import border_request, budget_key, capacity, pledge
from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.core.models import AuditEntry

pytestmark = pytest.mark.django_db
org = fixtures_alloc.org
english = fixtures_alloc.english
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


def _quantities(proposal: AllocationProposal) -> dict[tuple[int, str], int]:
    return {(row.line.number, row.state.iso_alpha2): row.quantity
            for row in read.allocation_rows(proposal=proposal)}


def test_it_proposes_within_capacities_and_keeps_what_it_was_made_from(org, personas):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 80)
    capacity(org, "KZ", "small_arms", 30)
    capacity(org, "BY", "optics", 40)
    capacity(org, "AM", "small_arms", None)
    key = budget_key()

    proposal = services.allocation_propose(actor=personas.officer, request=request, key=key)

    given = _quantities(proposal)
    assert given[(1, "RU")] + given[(1, "KZ")] == 100
    assert given[(1, "KZ")] <= 30 and given[(2, "BY")] == 40
    assert proposal.status == AllocationProposal.Status.PROPOSED
    assert proposal.inputs["key"]["RU"] == 50.0 and "TJ" not in proposal.inputs["key"]
    assert proposal.inputs["capacities"]["AM"] == {"small_arms": None}
    assert proposal.result["shortfalls"][0]["line"] == "3"
    assert proposal.result["shortfalls"][0]["reason"]["code"] == "no_capacity"
    entry = AuditEntry.objects.get(action="assistance.allocation.propose")
    assert json.loads(entry.detail)["covered"] == 140
    assert json.loads(entry.detail)["requested"] == 144


def test_it_asks_only_for_what_visible_pledges_leave_lacking(org, personas):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 500)
    pledge(org, request, "KZ", {1: 60})

    proposal = services.allocation_propose(actor=personas.officer, request=request,
                                           key=budget_key())

    assert proposal.inputs["lines"][0]["quantity"] == 40
    assert _quantities(proposal) == {(1, "RU"): 40}


def test_it_never_lets_a_proposal_tell_a_withheld_pledge(org, personas):
    # Belarus's pledge is released to Tajikistan and the secretariat only, but the proposal is
    # read by every member the request is released to: what it asks for must not shrink by it.
    request = border_request(org)
    capacity(org, "RU", "small_arms", 500)
    pledge(org, request, "KZ", {1: 60})
    pledge(org, request, "BY", {1: 25}, withheld=True)

    proposal = services.allocation_propose(actor=personas.officer, request=request,
                                           key=budget_key())

    assert proposal.inputs["lines"][0]["quantity"] == 40
    assert _quantities(proposal) == {(1, "RU"): 40}


def test_it_supersedes_the_earlier_proposal(org, personas):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 500)
    key = budget_key()
    first = services.allocation_propose(actor=personas.officer, request=request, key=key)

    second = services.allocation_propose(actor=personas.officer, request=request, key=key)

    first.refresh_from_db()
    assert first.status == AllocationProposal.Status.SUPERSEDED
    assert read.allocation_latest(viewer=personas.officer, request=request) == second


def test_it_records_an_explained_proposal_when_nobody_can_give(org, personas):
    request = border_request(org)

    proposal = services.allocation_propose(actor=personas.officer, request=request,
                                           key=budget_key())

    assert proposal.status == AllocationProposal.Status.INFEASIBLE
    assert [note["code"] for note in proposal.result["notes"]] == ["nothing_coverable"]
    assert not proposal.rows.exists()


def test_it_refuses_a_proposal_for_a_draft(org, personas):
    request = border_request(org, status="draft")

    with pytest.raises(InvalidState):
        services.allocation_propose(actor=personas.officer, request=request, key=budget_key())


def test_it_lets_a_delegation_amend_only_its_own_part(org, personas):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 80)
    capacity(org, "KZ", "small_arms", 80)
    proposal = services.allocation_propose(actor=personas.officer, request=request,
                                           key=budget_key())
    rows = {row.state.iso_alpha2: row for row in read.allocation_rows(proposal=proposal)}

    services.allocation_answer(actor=personas.delegate_a, row=rows["RU"], response="amended",
                               amended_quantity=rows["RU"].quantity - 10)

    rows["RU"].refresh_from_db()
    assert rows["RU"].response == AllocationRow.Response.AMENDED
    assert rows["RU"].amended_quantity == rows["RU"].quantity - 10
    with pytest.raises(Forbidden):
        services.allocation_answer(actor=personas.delegate_a, row=rows["KZ"],
                                   response="accepted")
    with pytest.raises(ValidationError) as refused:
        services.allocation_answer(actor=personas.delegate_a, row=rows["RU"],
                                   response="amended", amended_quantity=rows["RU"].quantity)
    assert list(refused.value.errors) == ["amended_quantity"]
    assert AuditEntry.objects.filter(action="assistance.allocation.answer").count() == 1


def test_it_refuses_answers_to_a_superseded_proposal(org, personas):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 500)
    key = budget_key()
    first = services.allocation_propose(actor=personas.officer, request=request, key=key)
    services.allocation_propose(actor=personas.officer, request=request, key=key)
    row = read.allocation_rows(proposal=first)[0]

    with pytest.raises(InvalidState):
        services.allocation_answer(actor=personas.delegate_a, row=row, response="accepted")
