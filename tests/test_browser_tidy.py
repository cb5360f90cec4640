"""A Russian user meets no English and no codes: the secretariat's officer sees their own
name and role in Russian, the lists' filters read «Любой …» and their search boxes call a title
«Наименование», and the dashboard tells what the officer did in sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from concord.accounts.models import User
from concord.council import services
from concord.council.models import Session
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import Body
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# The officer's login name, which the profile shows as typed at sign-in, and the map's source.
LOGIN = frozenset({"officer", "Natural", "Earth"})


def _checked(page) -> None:
    assert english_on_page(page, LOGIN) == []
    assert page.concord_errors == []


def test_it_shows_the_officer_names_roles_filters_and_actions_in_russian(live_server,
                                                                         browser_page):
    load(password=PASSWORD)
    load_council()
    # The officer's own work of the day before: a session convened, its participants not named.
    services.session_create(actor=User.objects.get(username="officer"),
                            body=Body.objects.get(code="CSC"), kind=Session.Kind.EXTRAORDINARY,
                            title_ru="Сессия СКБ в Душанбе", title_en="CSC session in Dushanbe",
                            place_ru="Душанбе", place_en="Dushanbe", starts_on=date(2026, 12, 20))
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    expect(page.locator(".user-name")).to_have_text("Ирина Соколова")
    page.locator("button:has(.user-name)").click()
    page.locator(".user-menu").get_by_role("link", name="Профиль").click()
    expect(page.locator("main h2").first).to_have_text("Ирина Соколова")
    expect(page.locator("main .badge").first).to_have_text("Сотрудник Секретариата")
    assert "secretariat_officer" not in page.locator("main").inner_text()
    _checked(page)

    page.goto(f"{live_server.url}{reverse('registry:official-list')}")
    expect(page.locator("#filter-summary-position")).to_have_text("Любая должность")
    expect(page.locator("#filter-summary-state")).to_have_text("Любое государство")
    _checked(page)

    page.goto(f"{live_server.url}{reverse('council:session-list')}")
    expect(page.locator("input[name=q]")).to_have_attribute("placeholder",
                                                            "Наименование или место")
    page.fill("input[name=q]", "Душанбе")
    page.locator("input[name=q]").press("Enter")
    page.locator("main table a", has_text="Сессия СКБ в Душанбе").click()
    page.get_by_role("button", name="Добавить все государства-члены").click()
    _checked(page)

    page.goto(f"{live_server.url}{reverse('portal:dashboard')}")
    actions = page.locator(".activity").inner_text()
    screenshot(page, "tidy-dashboard")
    assert ("Вы добавили все государства-члены в число участников сессии "
            "«Сессия СКБ в Душанбе».") in actions
    assert "Вы вошли в систему." in actions
    assert "Вы выполнили действие в системе." not in actions
    assert not re.search(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b", actions), actions
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", actions), actions
    _checked(page)
