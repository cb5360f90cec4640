"""A request's life from draft to completion, each step audited and refused out of turn."""

from __future__ import annotations

from datetime import date

import pytest

from concord.assistance.models import AssistanceRequest
from concord.assistance.services import deliveries, pledges, requests
from concord.assistance.tests.factories import certified, delegate, draft, opened, pledge
from concord.core import clock
from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_files_a_draft_numbered_for_its_state_with_phases_and_lines(org, personas):
    record = draft(org, personas.delegate_b)

    assert record.status == AssistanceRequest.Status.DRAFT
    assert record.reference == f"TJ-{clock.today().year}-01"
    assert [p.title_en for p in record.phases.all()] == ["Phase one", "Phase two"]
    assert [(x.number, x.quantity, x.phase.number if x.phase else None)
            for x in record.lines.all()] == [
        (1, 100, 1), (2, 40, 1), (3, 4, 2)]
    assert AuditEntry.objects.filter(action="assistance.request.create").count() == 1


def test_it_refuses_a_delegation_filing_for_another_state(org, personas):
    with pytest.raises(Forbidden):
        draft(org, personas.delegate_a)


def test_it_names_the_line_and_field_of_a_bad_line_and_writes_nothing(org, personas):
    bad = [dict(category="tanks?", description_ru="Танки", quantity=1)]
    with pytest.raises(ValidationError) as refused:
        draft(org, personas.delegate_b, lines=bad)

    assert "lines[1].category" in refused.value.errors
    assert not AssistanceRequest.objects.unscoped(reason="test").exists()


def test_it_moves_from_draft_to_partly_fulfilled_and_audits_each_step(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 60})
    line = made.lines.get()
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=60,
                               agreement_reference="RU-TJ 2030/1")
    certified(record, made, personas.delegate_b)
    sent = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                    items=[{"pledge_line": line, "quantity": 60}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=sent)
    deliveries.delivery_accept(actor=personas.delegate_b, delivery=sent)
    requests.request_close(actor=personas.officer, request=record)
    requests.request_complete(actor=personas.officer, request=record)

    record.refresh_from_db()
    assert record.status == AssistanceRequest.Status.PARTLY_FULFILLED
    actions = list(AuditEntry.objects.filter(action__startswith="assistance.request.")
                   .values_list("action", flat=True).order_by("seq"))
    assert actions == ["assistance.request.create", "assistance.request.submit",
                       "assistance.request.open", "assistance.request.close",
                       "assistance.request.complete"]


def test_it_refuses_opening_a_draft_and_submitting_an_open_request(org, personas):
    record = draft(org, personas.delegate_b)
    with pytest.raises(InvalidState):
        requests.request_open(actor=personas.officer, request=record,
                              closes_on=date(2030, 1, 1))
    requests.request_submit(actor=personas.delegate_b, request=record)
    requests.request_open(actor=personas.officer, request=record, closes_on=date(2030, 1, 1))
    with pytest.raises(InvalidState):
        requests.request_submit(actor=personas.delegate_b, request=record)


def test_it_lets_only_the_secretariat_open_a_request(org, personas):
    record = draft(org, personas.delegate_b)
    requests.request_submit(actor=personas.delegate_b, request=record)

    with pytest.raises(Forbidden):
        requests.request_open(actor=personas.delegate_b, request=record,
                              closes_on=date(2030, 1, 1))


def test_it_withdraws_only_with_a_reason(org, personas):
    record = opened(org, personas)
    with pytest.raises(ValidationError) as refused:
        requests.request_withdraw(actor=personas.delegate_b, request=record, reason=" ")
    assert "reason" in refused.value.errors

    requests.request_withdraw(actor=personas.delegate_b, request=record,
                              reason="Covered bilaterally")
    record.refresh_from_db()
    assert record.status == AssistanceRequest.Status.WITHDRAWN
    assert record.withdrawal_reason == "Covered bilaterally"


def test_it_marks_a_request_fulfilled_when_every_line_was_accepted(org, personas):
    record = opened(org, personas, lines=[dict(category="training", description_ru="Курсы",
                                               quantity=2, unit="courses")], phases=[])
    made = pledge(record, personas.delegate_a, {1: 2})
    line = made.lines.get()
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=2,
                               agreement_reference="A-1")
    sent = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                    items=[{"pledge_line": line, "quantity": 2}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=sent)
    deliveries.delivery_accept(actor=personas.delegate_b, delivery=sent)
    requests.request_close(actor=personas.officer, request=record)

    done = requests.request_complete(actor=personas.officer, request=record)

    assert done.status == AssistanceRequest.Status.FULFILLED


def test_it_tells_a_third_state_it_is_not_addressed(org, personas):
    record = opened(org, personas, addressed_states=[org.states["RU"]])
    kazakh = delegate(org, "KZ")

    with pytest.raises(Forbidden, match="not addressed"):
        pledge(record, kazakh, {1: 5})


def test_it_ships_no_rifles_before_the_recipient_signs_their_end_use_certificate(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 60, 3: 2})
    lines = {line.line.number: line for line in made.lines.select_related("line")}
    for line in lines.values():
        pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line,
                                   quantity=line.quantity, agreement_reference="RU-TJ 2030/1")
    items = [{"pledge_line": lines[3], "quantity": 2}, {"pledge_line": lines[1], "quantity": 60}]

    with pytest.raises(ValidationError) as refused:
        deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                 items=items)

    assert refused.value.errors == {"items[2].pledge_line": [
        "Line 1 is military-technical: it ships only once the recipient has signed an end-use "
        "certificate covering it."]}
    assert not made.deliveries.exists()
    certified(record, made, personas.delegate_b)
    sent = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                    items=items)
    assert sorted(sent.items.values_list("quantity", flat=True)) == [2, 60]
