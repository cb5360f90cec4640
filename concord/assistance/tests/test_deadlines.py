"""Deadlines: the addressed delegations are reminded once before a window closes, a window past
its day closes, and a pledge line past its promised date is flagged overdue once, its state and
the requester told; the promise stays on the request."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from concord.assistance.models import AssistanceRequest
from concord.assistance.selectors import requests as selectors
from concord.assistance.services import deadlines
from concord.assistance.tests.factories import opened, pledge
from concord.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(personas):
    for user, address in ((personas.delegate_a, "ru@example.org"),
                          (personas.delegate_b, "tj@example.org"),
                          (personas.officer, "sec@example.org")):
        user.email = address
        user.save(update_fields=["email"])


def test_it_reminds_the_addressed_delegations_once_a_week_before_the_window_closes(
        org, personas, mailboxes, django_capture_on_commit_callbacks):
    record = opened(org, personas, closes_on=date(2030, 1, 10))

    with django_capture_on_commit_callbacks(execute=True):
        first = deadlines.request_remind_closing(on=date(2030, 1, 4))
    again = deadlines.request_remind_closing(on=date(2030, 1, 5))

    assert [r.pk for r in first] == [record.pk] and again == []
    reminded = [m for m in mail.outbox if "close on 2030-01-10" in m.subject]
    assert [m.to for m in reminded] == [["ru@example.org"]]


def test_it_does_not_remind_long_before_the_window_closes(org, personas):
    opened(org, personas, closes_on=date(2030, 3, 1))

    assert deadlines.request_remind_closing(on=date(2030, 1, 4)) == []


def test_it_closes_a_window_past_its_day_and_keeps_the_pledges(org, personas):
    record = opened(org, personas, closes_on=date(2030, 1, 10))
    pledge(record, personas.delegate_a, {1: 5})

    closed = deadlines.request_close_due(on=date(2030, 1, 11))

    record.refresh_from_db()
    assert [r.pk for r in closed] == [record.pk]
    assert record.status == AssistanceRequest.Status.CLOSED
    assert record.pledges.model.objects.visible_to(personas.officer).filter(
        request=record).count() == 1


def test_it_flags_an_undelivered_pledge_line_overdue_once_and_tells_those_concerned(
        org, personas, mailboxes, django_capture_on_commit_callbacks):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 5})
    line = made.lines.get()
    line.due_on = date(2030, 2, 1)
    line.save(update_fields=["due_on"])

    early = deadlines.pledge_flag_overdue(on=date(2030, 2, 1))
    with django_capture_on_commit_callbacks(execute=True):
        flagged = deadlines.pledge_flag_overdue(on=date(2030, 2, 2))
    again = deadlines.pledge_flag_overdue(on=date(2030, 2, 3))

    assert early == [] and [f.pk for f in flagged] == [line.pk] and again == []
    assert AuditEntry.objects.filter(action="assistance.pledge.overdue").count() == 1
    told = {address for m in mail.outbox if "Overdue pledge" in m.subject for address in m.to}
    assert told == {"ru@example.org", "tj@example.org", "sec@example.org"}
    late = selectors.overdue_pledge_lines(viewer=personas.delegate_b, on=date(2030, 2, 2))
    assert [pl.pk for pl in late] == [line.pk]


def test_it_falls_back_on_the_lines_needed_by_day_for_a_line_promised_without_a_date(
        org, personas):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 5})  # line 1 is needed by 2030-01-31

    assert deadlines.pledge_flag_overdue(on=date(2030, 1, 31)) == []
    assert len(deadlines.pledge_flag_overdue(on=date(2030, 2, 1))) == 1
