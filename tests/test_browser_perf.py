"""An analyst narrows the situation picture to several categories and countries at once with the
filter form's multi-selects, and the picture, the map and the list follow."""

from __future__ import annotations

from datetime import timedelta

import pytest

from concord.core.clock import today
from concord.core.models import Party
from concord.demo.organization import load
from concord.monitoring.tests.factories import incident
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _total(page) -> str:
    return page.locator("p.text-muted.small", has_text="Инцидентов с").inner_text()


def test_it_filters_the_picture_by_several_categories_and_countries(live_server, browser_page):
    load(password=PASSWORD)
    secretariat = Party.objects.get(code="SEC")
    day = today() - timedelta(days=2)
    incident(secretariat, occurred_on=day, external_id="tj-drugs")
    incident(secretariat, occurred_on=day, external_id="tj-border", category="border",
             sub_category="border_clash")
    incident(secretariat, occurred_on=day, external_id="kg-border", category="border",
             sub_category="border_clash", country="KG", admin1="Batken", location="Batken",
             latitude=40.06, longitude=70.82)
    incident(secretariat, occurred_on=day, external_id="ru-terror", category="terrorism",
             sub_category="terrorist_attack", country="RU", admin1="Dagestan",
             location="Makhachkala", latitude=42.98, longitude=47.5)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)

    page.goto(f"{live_server.url}/monitoring/")
    page.select_option("#f-category", ["drug_trafficking", "border"])
    page.select_option("#f-country", ["TJ", "KG"])
    page.get_by_role("button", name="Применить").click()
    page.wait_for_url("**category=border**")

    # Only the demo's own incidents of those categories and countries are added to ours.
    assert sorted(page.locator("#f-category option:checked").all_inner_texts()) == sorted(
        page.locator("#f-category option[value=drug_trafficking], "
                     "#f-category option[value=border]").all_inner_texts())
    assert page.locator("#f-country option:checked").count() == 2
    assert page.locator(".alert-warning").count() == 0
    narrowed = _total(page)
    # The demo analyst's own name, the map data's attribution, and the shared incident table's
    # country names (COUNTRY_CHOICES are English, a matter of the incident pages) are left.
    assert [text for text in english_on_page(page, frozenset({"Natural", "Earth"}))
            if text != "Crisis centre Analyst" and not text.endswith(
                (", Tajikistan", ", Kyrgyzstan"))] == []
    page.goto(f"{live_server.url}/monitoring/?{page.url.split('?', 1)[1]}&country=RU")
    assert _total(page) == narrowed  # terrorism in Russia is not among the categories
    page.locator("a[href^=\"/monitoring/incidents/?\"]").first.click()
    page.wait_for_url("**/monitoring/incidents/**")
    assert page.locator("#f-country option:checked").count() == 3
    assert page.concord_errors == []


def test_it_says_which_value_of_a_filter_it_left_out(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)

    page.goto(f"{live_server.url}/monitoring/?category=border&category=picnic")

    warning = page.locator(".alert-warning").inner_text()
    assert "category" in warning and "picnic" in warning
    assert page.locator("#f-category option:checked").all_inner_texts() == [
        page.locator("#f-category option[value=border]").inner_text()]
    assert page.concord_errors == []
