"""Instructions: fixed and relative deadlines, the addressees' reports, the daily overdue flag
and its notices, and their labels (never lower than the decision's)."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from concord.core.errors import Forbidden, ValidationError
from concord.core.labels import Classification
from concord.council import services, tasks
from concord.council.models import Instruction
from concord.council.tests.factories import ALL_CONCUR, draft, positions

A = Instruction.Addressee


def _adopted(org, personas, *, on=date(2013, 9, 23), **kwargs):
    document = draft(org, personas.officer, **kwargs)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=on)
    document.refresh_from_db()
    return document


def test_it_runs_a_relative_deadline_from_the_day_of_adoption(org, personas):
    document = draft(org, personas.officer)
    instruction = services.instruction_add(
        actor=personas.officer, document=document, addressee_kind=A.ALL_STATES,
        text_ru="В течение трёх месяцев с учётом возможностей оказать помощь.",
        text_en="Within three months, taking into account their capabilities, give assistance.",
        deadline_months=3)
    assert instruction.due_on is None  # not adopted yet: the three months have not started

    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=date(2013, 9, 23))

    instruction.refresh_from_db()
    assert instruction.due_on == date(2013, 12, 23)


def test_it_ends_a_month_deadline_on_the_last_day_of_a_shorter_month(org, personas):
    document = _adopted(org, personas, on=date(2014, 1, 31))

    instruction = services.instruction_add(actor=personas.officer, document=document,
                                           addressee_kind=A.SECRETARIAT, text_ru="Доложить",
                                           text_en="Report", deadline_months=1)

    assert instruction.due_on == date(2014, 2, 28)


def test_it_keeps_a_fixed_deadline(org, personas):
    document = _adopted(org, personas)

    instruction = services.instruction_add(actor=personas.officer, document=document,
                                           addressee_kind=A.SECRETARIAT, text_ru="Доложить",
                                           text_en="Report", deadline_on=date(2014, 6, 1))

    assert instruction.due_on == date(2014, 6, 1)


def test_it_refuses_to_label_an_instruction_lower_than_its_decision(org, personas):
    document = _adopted(org, personas, classification=Classification.CONFIDENTIAL)

    with pytest.raises(ValidationError) as error:
        services.instruction_add(actor=personas.officer, document=document,
                                 addressee_kind=A.SECRETARIAT, text_ru="Доложить",
                                 text_en="Report", classification=Classification.OFFICIAL_USE)

    assert "classification" in error.value.errors


def test_it_gives_an_instruction_the_decisions_label(org, personas):
    document = _adopted(org, personas, classification=Classification.CONFIDENTIAL,
                        release_to_all_members=False, releasable_to=[personas.state_a])

    instruction = services.instruction_add(actor=personas.officer, document=document,
                                           addressee_kind=A.SECRETARIAT, text_ru="Доложить",
                                           text_en="Report")

    assert instruction.classification == Classification.CONFIDENTIAL
    assert instruction.release_to_all_members is False
    assert list(instruction.releasable_to.all()) == [personas.state_a]


def test_it_lets_the_addressed_state_report_and_no_other(org, personas):
    document = _adopted(org, personas)
    to_tajikistan = services.instruction_add(
        actor=personas.officer, document=document, addressee_kind=A.STATE,
        addressee_state=org.states["TJ"], text_ru="Доложить", text_en="Report")

    services.instruction_report(actor=personas.delegate_b, instruction=to_tajikistan,
                                text="Measures taken.", status=Instruction.Status.DONE)
    with pytest.raises(Forbidden):
        services.instruction_report(actor=personas.delegate_a, instruction=to_tajikistan,
                                    text="Not ours.", status=Instruction.Status.IN_PROGRESS)

    to_tajikistan.refresh_from_db()
    assert to_tajikistan.status == Instruction.Status.DONE


def test_it_flags_overdue_instructions_daily_and_tells_who_may_read_them(
        org, personas, django_capture_on_commit_callbacks):
    personas.delegate_b.email = "tj@example.org"
    personas.delegate_b.save(update_fields=["email"])
    personas.delegate_a.email = "ru@example.org"
    personas.delegate_a.save(update_fields=["email"])
    document = _adopted(org, personas, on=date(2013, 9, 23))
    late = services.instruction_add(actor=personas.officer, document=document,
                                    addressee_kind=A.STATE, addressee_state=org.states["TJ"],
                                    text_ru="Доложить", text_en="Report", deadline_months=3)
    services.instruction_add(actor=personas.officer, document=document,
                             addressee_kind=A.SECRETARIAT, text_ru="Позже", text_en="Later",
                             deadline_on=date(2999, 1, 1))

    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.flag_overdue_instructions.enqueue()

    late.refresh_from_db()
    assert result.return_value == 1
    assert late.status == Instruction.Status.OVERDUE
    assert [m.to for m in mail.outbox] == [["tj@example.org"]]


def test_it_does_not_notify_a_reader_below_the_label(
        org, personas, django_capture_on_commit_callbacks):
    personas.delegate_b.email = "tj@example.org"  # cleared for OFFICIAL USE only
    personas.delegate_b.save(update_fields=["email"])
    document = _adopted(org, personas, classification=Classification.CONFIDENTIAL)
    services.instruction_add(actor=personas.officer, document=document, addressee_kind=A.STATE,
                             addressee_state=org.states["TJ"], text_ru="Доложить",
                             text_en="Report", deadline_on=date(2014, 1, 1))

    with django_capture_on_commit_callbacks(execute=True):
        services.instruction_flag_overdue()

    assert mail.outbox == []


def test_it_queues_the_daily_tasks_from_the_command_line(org, personas,
                                                         django_capture_on_commit_callbacks):
    document = _adopted(org, personas, on=date(2013, 9, 23))
    late = services.instruction_add(actor=personas.officer, document=document,
                                    addressee_kind=A.SECRETARIAT, text_ru="Доложить",
                                    text_en="Report", deadline_months=3)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("council", "daily", stdout=out)

    late.refresh_from_db()
    assert "queued flag_overdue_instructions" in out.getvalue()
    assert late.status == Instruction.Status.OVERDUE
