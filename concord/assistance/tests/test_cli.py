"""`concord assistance report [--overdue]`: each request's figures and, with --overdue, each
late pledge line."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from concord.assistance.tests.factories import opened, pledge
from concord.core import clock

pytestmark = pytest.mark.django_db


def test_it_reports_each_request_with_its_figures(org, personas):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 10})
    out = StringIO()

    call_command("assistance", "report", stdout=out)

    row = next(line for line in out.getvalue().splitlines() if record.reference in line)
    # Three lines, one partly pledged: lines, since rifles and outposts do not add up.
    assert row.split()[2:6] == ["open", "3", "0", "1"]
    assert "144" not in out.getvalue()


def test_it_reports_only_what_is_overdue_with_each_late_line(org, personas, monkeypatch):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 10})
    out = StringIO()
    call_command("assistance", "report", "--overdue", stdout=out)
    assert "Nothing is overdue." in out.getvalue()

    later = clock.today().replace(year=2030, month=2, day=1)
    monkeypatch.setattr("concord.assistance.selectors.requests.clock.today", lambda: later)
    monkeypatch.setattr("concord.assistance.selectors.figures.clock.today", lambda: later)
    out = StringIO()
    call_command("assistance", "report", "--overdue", stdout=out)

    assert record.reference in out.getvalue()
    assert "overdue: RU line 1, due 2030-01-31, 0 of 10 delivered" in out.getvalue()
