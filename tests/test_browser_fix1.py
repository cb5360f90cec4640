"""The chairmanship page in a real browser, in Russian: every recorded term is listed back to
Kyrgyzstan's of 2013, and the chair on a day is asked for through the page's date form."""

from __future__ import annotations

from typing import Any

import pytest

from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _clean(page: Any) -> None:
    found = english_on_page(page)
    assert found == [], found
    assert page.concord_errors == []


def _ask(page: Any, day: str) -> None:
    page.fill("input[name=day]", day)
    page.click("button:has-text('Показать')")
    page.wait_for_load_state()


def test_it_lists_the_2013_term_and_names_the_chair_on_a_day(browser_page, live_server):
    load(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}/registry/states/KG/")
    page.click("a.badge:has-text('2013')")
    oldest = page.locator("tbody tr").last.inner_text()
    assert oldest.startswith("2013") and "Кыргызстан" in oldest
    assert "Кто председательствует на дату" in page.inner_text("main")
    _clean(page)

    _ask(page, "2013-09-22")
    answer = page.inner_text("[data-chair-on-day]")
    assert "22 сентября 2013" in answer and "Кыргызстан" in answer
    _clean(page)

    _ask(page, "2013-09-24")
    answer = page.inner_text("[data-chair-on-day]")
    assert "24 сентября 2013" in answer and "Россия" in answer
    _clean(page)
