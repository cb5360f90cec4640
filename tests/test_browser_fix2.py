"""The demo's people find their work, in Russian: Tajikistan's delegate the draft awaiting the
state's position, the officer the draft missing positions and the 2014 session as held; the
analyst a situation report dated as Russians write dates."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.core.clock import today
from concord.demo.steps import load_all
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT = "О плане мероприятий по укреплению таджикско-афганской границы"
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


# What the data itself holds: the map's source (Natural Earth).
DATA_WORDS = frozenset({"Natural", "Earth"})


def _clean(page: Any, words: frozenset[str] = DATA_WORDS) -> None:
    assert english_on_page(page, words) == []
    assert page.concord_errors == []


def test_it_shows_tajikistans_delegate_the_draft_awaiting_its_position(live_server,
                                                                         browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}/dashboard/")
    queue = page.locator(".work-queue .card").first
    assert DRAFT in queue.inner_text()
    _clean(page)
    queue.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r".*/council/documents/[0-9a-f-]{36}/$"))

    assert page.locator("h1").first.inner_text().strip() == DRAFT
    assert page.locator("#position-TJ-stance").count() == 1
    _clean(page)


def test_it_shows_the_officer_the_missing_positions_and_the_2014_session_held(live_server,
                                                                             browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    page.goto(f"{live_server.url}/dashboard/")
    assert DRAFT in page.locator("main").inner_text()
    _clean(page)
    page.goto(f"{live_server.url}/council/sessions/")
    row = page.locator("tr").filter(has_text="(2014 год)")
    assert "Проведена" in row.inner_text()
    assert "Запланирована" not in row.inner_text()
    _clean(page)


def test_it_dates_a_situation_report_as_russians_write_dates(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)
    start, end = today().replace(day=1), today()

    page.goto(f"{live_server.url}/monitoring/reports/")
    page.fill("input[name=start]", start.isoformat())
    page.fill("input[name=end]", end.isoformat())
    page.click("button:has-text('Сформировать')")
    page.wait_for_url(f"{live_server.url}/monitoring/reports/*/")

    period = f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
    assert period in page.locator("h1").first.inner_text()
    assert period in page.locator("main dl").inner_text()
    tables = page.locator("main table")
    days = tables.nth(2).locator("tbody td:first-child").all_inner_texts()
    windows = tables.nth(3).locator("tbody td:nth-child(4)").all_inner_texts()
    assert days and all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", day) for day in days)
    assert windows and all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}", w)
                           for w in windows)
    # The incidents' narratives are the reporters' own words, in the language they wrote.
    narratives = set(tables.nth(2).locator("tbody td:nth-child(6)").all_inner_texts())
    assert [text for text in english_on_page(page, DATA_WORDS) if text not in narratives] == []
    assert page.concord_errors == []
