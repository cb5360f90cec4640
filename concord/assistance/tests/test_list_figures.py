"""The requests list's figures, worked out for the page's own rows: the day since which a
request is overdue is that of its earliest late line, with or without the overdue filter."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from concord.assistance.tests.factories import opened, pledge

pytestmark = pytest.mark.django_db

BASE = "/api/v1/assistance"


def test_it_dates_a_late_request_by_its_earliest_undelivered_line_in_every_listing(
        org, personas, client, monkeypatch):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 10, 2: 40})
    client.force_login(personas.delegate_b)
    before = client.get(f"{BASE}/requests").json()["items"]

    # Line 1 was needed by 31 January 2030; line 2 by its phase's deadline, 31 March.
    later = date(2030, 4, 15)
    monkeypatch.setattr("concord.assistance.selectors.requests.clock.today", lambda: later)
    monkeypatch.setattr("concord.assistance.selectors.figures.clock.today", lambda: later)
    listed = client.get(f"{BASE}/requests").json()["items"]
    overdue = client.get(f"{BASE}/requests?overdue=true").json()["items"]

    assert [(r["reference"], r["overdue_since"]) for r in before] == [(record.reference, None)]
    assert [(r["reference"], r["overdue_since"]) for r in listed] == [
        (record.reference, "2030-01-31")]
    assert [(r["reference"], r["overdue_since"]) for r in overdue] == [
        (record.reference, "2030-01-31")]


def test_it_shows_the_overdue_day_on_the_requests_page(org, personas, client, monkeypatch):
    record = opened(org, personas)
    later = date(2030, 4, 15)
    monkeypatch.setattr("concord.assistance.selectors.figures.clock.today", lambda: later)
    client.force_login(personas.delegate_b)

    page = client.get(reverse("assistance:request-list")).content.decode()

    assert record.reference in page
    assert "с 31.01.2030" in page
