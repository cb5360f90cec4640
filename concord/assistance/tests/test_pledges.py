"""Pledge lines: partial quantities at every stage, revisions kept, cancellation with a reason,
the requester's answer, and the offer window."""

from __future__ import annotations

from datetime import date

import pytest

from concord.assistance.models import PledgeLine
from concord.assistance.selectors import figures
from concord.assistance.services import deliveries, pledges, requests
from concord.assistance.tests.factories import certified, delegate, opened, pledge
from concord.core.errors import Conflict, InvalidState, ValidationError
from concord.council.services import document_decide, instruction_add
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session

pytestmark = pytest.mark.django_db


def _line(made):
    return made.lines.get()


def test_it_carries_partial_quantities_through_every_stage(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 80})
    line = _line(made)
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=50,
                               agreement_reference="RU-TJ/1")
    certified(record, made, personas.delegate_b)
    first = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                     items=[{"pledge_line": line, "quantity": 30}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=first)
    deliveries.delivery_accept(actor=personas.delegate_b, delivery=first,
                               quantities={first.items.get().pk: 25})

    line.refresh_from_db()
    assert (line.quantity, line.committed, line.shipped, line.delivered, line.accepted) == (
        80, 50, 30, 30, 25)
    shown = next(f for f in figures.line_figures(viewer=personas.delegate_b, request=record)
                 if f.line.number == 1)
    assert shown.gap == {"unpledged": 20, "uncommitted": 30, "undelivered": 20}


def test_it_refuses_shipping_more_than_is_committed_naming_the_item(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 80})
    line = _line(made)
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=50,
                               agreement_reference="RU-TJ/1")

    with pytest.raises(ValidationError) as refused:
        deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                 items=[{"pledge_line": line, "quantity": 51}])

    assert "items[1].quantity" in refused.value.errors
    assert not made.deliveries.exists()


def test_it_keeps_every_commitment_as_a_revision(org, personas):
    record = opened(org, personas)
    line = _line(pledge(record, personas.delegate_a, {1: 80}))
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=40,
                               agreement_reference="RU-TJ/1")
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=70,
                               agreement_reference="RU-TJ/1 amended")

    kept = list(line.revisions.values_list("action", "committed", "agreement_reference"))

    assert kept == [("pledge", 0, ""), ("commit", 40, "RU-TJ/1"),
                    ("commit", 70, "RU-TJ/1 amended")]


def test_it_refuses_revising_a_pledge_below_what_is_committed(org, personas):
    record = opened(org, personas)
    line = _line(pledge(record, personas.delegate_a, {1: 80}))
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=40,
                               agreement_reference="RU-TJ/1")

    with pytest.raises(ValidationError) as refused:
        pledges.pledge_line_revise(actor=personas.delegate_a, pledge_line=line, quantity=30)

    assert "quantity" in refused.value.errors
    line.refresh_from_db()
    assert line.quantity == 80


def test_it_cancels_only_with_a_reason_and_counts_what_was_delivered(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 80})
    line = _line(made)
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=40,
                               agreement_reference="RU-TJ/1")
    certified(record, made, personas.delegate_b)
    sent = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                    items=[{"pledge_line": line, "quantity": 10}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=sent)
    with pytest.raises(ValidationError):
        pledges.pledge_line_cancel(actor=personas.delegate_a, pledge_line=line, reason="")

    pledges.pledge_line_cancel(actor=personas.delegate_a, pledge_line=line,
                               reason="No surplus left")

    shown = next(f for f in figures.line_figures(viewer=personas.delegate_b, request=record)
                 if f.line.number == 1)
    assert (shown.pledged, shown.committed, shown.delivered) == (10, 10, 10)
    line.refresh_from_db()
    assert line.stage == PledgeLine.Stage.CANCELLED
    assert line.revisions.last().note == "No surplus left"


def test_it_records_the_requesters_answer_and_drops_a_declined_line(org, personas):
    record = opened(org, personas)
    line = _line(pledge(record, personas.delegate_a, {2: 10}))

    pledges.pledge_line_respond(actor=personas.delegate_b, pledge_line=line,
                                response=PledgeLine.Response.DECLINED, note="Wrong model")

    shown = next(f for f in figures.line_figures(viewer=personas.delegate_b, request=record)
                 if f.line.number == 2)
    assert shown.pledged == 0
    with pytest.raises(InvalidState):
        pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=5,
                                   agreement_reference="X")


def test_it_refuses_a_pledge_after_the_window_closed(org, personas):
    record = opened(org, personas, closes_on=date(2020, 6, 1))

    with pytest.raises(InvalidState, match="closed on 2020-06-01"):
        pledge(record, personas.delegate_a, {1: 5})


def test_it_refuses_pledging_the_same_line_twice_and_adds_other_lines(org, personas):
    record = opened(org, personas)
    first = pledge(record, personas.delegate_a, {1: 5})
    with pytest.raises(Conflict):
        pledge(record, personas.delegate_a, {1: 7})

    again = pledge(record, personas.delegate_a, {2: 7})

    assert again.pk == first.pk
    assert sorted(again.lines.values_list("line__number", flat=True)) == [1, 2]


def test_it_refuses_the_requester_pledging_to_itself(org, personas):
    record = opened(org, personas)
    with pytest.raises(Exception, match="not addressed"):
        pledge(record, personas.delegate_b, {1: 5})


def test_it_refuses_a_kazakh_delegate_recording_a_russian_pledge(org, personas):
    record = opened(org, personas)
    kazakh = delegate(org, "KZ")
    lines = {line.number: line for line in record.lines.all()}

    with pytest.raises(Exception, match="own state"):
        pledges.pledge_make(actor=kazakh, request=record, state=org.states["RU"],
                            lines=[{"line": lines[1], "quantity": 5}])


def test_it_creates_a_request_from_an_instruction_with_its_window_and_label(org, personas):
    sochi = session(org, personas.officer)
    decision = draft(org, personas.officer, session=sochi)
    instruction = instruction_add(actor=personas.officer, document=decision, text_ru="Помочь",
                                  text_en="Help", addressee_kind="all_states",
                                  deadline_months=3)
    positions(org, personas.officer, decision, ALL_CONCUR)
    document_decide(actor=personas.officer, document=decision, session=sochi,
                    on=date(2013, 9, 23))
    instruction.refresh_from_db()

    record = requests.request_create(
        actor=personas.officer, requesting_state=org.states["TJ"], instruction=instruction,
        title_ru="Помощь", beneficiary_ru="Погранвойска", kind="military_technical",
        lines=[dict(category="optics", description_ru="Бинокли", quantity=10)])

    assert (record.opens_on, record.closes_on) == (date(2013, 9, 23), date(2013, 12, 23))
    assert record.decision_id == decision.pk
    assert record.classification == decision.classification
