"""A person's path through Concord in a real browser: sign in, switch language, open the
registry. Uses Debian's chromium through Playwright; nothing downloads a browser."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from concord.core.clock import today
from concord.core.models import Party
from concord.demo.organization import load
from concord.monitoring.tests.factories import incident
from tests.browsing import ARTIFACTS, PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")


def test_it_signs_in_switches_language_and_opens_the_registry(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    _sign_in(page, live_server, "delegate.tj")
    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Таджикистан" in page.content()

    page.click("button[name=language][value=en]")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"

    page.goto(f"{live_server.url}/registry/states/")
    page.wait_for_selector(".state-map path.leaflet-interactive")
    table = page.locator("table").first.inner_text()
    for name in ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"):
        assert name in table
    assert page.locator("h1").first.inner_text().strip() == "Member states"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "registry-states.png"), full_page=True)
    assert page.concord_errors == []  # no CSP violation or script error on the way


def test_it_asks_a_confidential_user_for_a_second_factor(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    _sign_in(page, live_server, "analyst")
    page.wait_for_url(f"{live_server.url}/accounts/login/enrol/")
    secret = page.locator("#totp-secret").inner_text().strip()
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert page.concord_errors == []


def test_it_draws_the_situation_map_with_the_count_on_each_cluster(live_server, browser_page):
    load(password=PASSWORD)
    secretariat = Party.objects.get(code="SEC")
    for number in range(3):
        incident(secretariat, occurred_on=today() - timedelta(days=number + 1),
                 external_id=f"panj-{number}", latitude=37.24 + number / 100)
    page = browser_page
    _sign_in(page, live_server, "delegate.tj")
    page.wait_for_url(f"{live_server.url}/dashboard/")

    page.goto(f"{live_server.url}/monitoring/")
    label = page.wait_for_selector(".situation-cluster-label")

    assert label.inner_text().strip() == "3"
    assert page.locator("path.situation-cluster").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "situation.png"), full_page=True)
    assert page.concord_errors == []


def _enrolled_sign_in(page, live_server, username: str) -> None:
    _sign_in(page, live_server, username)
    page.wait_for_url(f"{live_server.url}/accounts/login/enrol/")
    secret = page.locator("#totp-secret").inner_text().strip()
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/dashboard/")


MENUS = {
    "ru": {"Реестр": ["Государства-члены", "Органы", "Должностные лица", "Председательство",
                      "Полученные копии", "Узлы федерации"],
           "Совет": ["Сессии", "Календарь", "Документы", "Поручения",
                     "Доклады о ходе выполнения решений", "Ключи подписантов"],
           "Мониторинг": ["Картина обстановки", "Инциденты", "Индикаторы", "Оповещения",
                          "Доклады об обстановке"],
           "Помощь": ["Запросы", "Наши обязательства"],
           "Кризисы": ["Кризисные дела", "Сроки реагирования"],
           "Силы": ["Формирования", "Воинские части", "Готовность", "Карта пунктов дислокации",
                    "Учения", "Совместные операции"],
           "Пресс-служба": ["Новости", "Поиск", "Пресс-секретарь", "Редакция"]},
    "en": {"Registry": ["Member states", "Bodies", "Officials", "Chairmanship",
                        "Received copies", "Federation nodes"],
           "Council": ["Sessions", "Calendar", "Documents", "Instructions",
                       "Reports on implementation", "Signer keys"],
           "Monitoring": ["Situation picture", "Incidents", "Indicators", "Alerts",
                          "Situation reports"],
           "Assistance": ["Requests", "Our pledges"],
           "Crises": ["Crisis cases", "Response times"],
           "Forces": ["Formations", "Units", "Readiness", "Map of home stations", "Exercises",
                      "Joint operations"],
           "Press": ["News", "Search", "Spokesman", "Press desk"]},
}
# What only some see: the press desk is the secretariat's; the public has no pledges of its own,
# and sees neither monitoring, nor crisis cases, nor the forces' registry.
_OFFICER_ONLY = {"Редакция", "Press desk", "Узлы федерации", "Federation nodes"}
_SIGNED_IN_ONLY = {"Мониторинг", "Кризисы", "Силы", "Monitoring", "Полученные копии",
                   "Received copies",
                   "Crises", "Forces", "Наши обязательства", "Our pledges"}


def _menus(persona: str, language: str) -> dict[str, list[str]]:
    hidden = (set() if persona == "officer" else _OFFICER_ONLY) | (
        _SIGNED_IN_ONLY if persona == "public" else set())
    return {menu: [item for item in items if item not in hidden]
            for menu, items in MENUS[language].items() if menu not in hidden}


@pytest.mark.parametrize("persona", ["officer", "delegate.tj", "public"])
def test_it_shows_each_persona_the_menus_of_the_apps_in_both_languages(
        live_server, browser_page, persona):
    load(password=PASSWORD)
    page = browser_page
    if persona == "officer":
        _enrolled_sign_in(page, live_server, persona)
    elif persona != "public":
        _sign_in(page, live_server, persona)
        page.wait_for_url(f"{live_server.url}/dashboard/")
    for language in ("ru", "en"):
        page.goto(f"{live_server.url}/council/documents/")
        page.click(f"button[name=language][value={language}]")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
        menus = _menus(persona, language)
        toggles = page.locator("#main-navigation .navbar-nav > .dropdown > .dropdown-toggle")
        expected = list(menus)
        assert [t.strip() for t in toggles.all_inner_texts()] == expected
        for index, menu in enumerate(expected):
            toggles.nth(index).click()
            items = page.locator("#main-navigation .dropdown-menu.show .dropdown-item")
            assert [t.strip() for t in items.all_inner_texts()] == menus[menu]
            assert (menu in ("Совет", "Council")) == ("active" in (
                toggles.nth(index).get_attribute("class") or ""))
            page.keyboard.press("Escape")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"navigation-{persona}-{language}.png"))
    assert page.concord_errors == []
