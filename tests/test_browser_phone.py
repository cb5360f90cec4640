"""Concord on a phone, in Russian: every page each kind of user can reach fits a 390 px screen,
its badges and buttons are readable, its date fields hold dates the browser accepts and it speaks
Russian; the calendar opens on this month; a refused form says at its top what is wrong."""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import models
from django.utils import formats, translation

from concord.core.clock import today
from concord.demo.steps import load_all
from concord.monitoring.geography import COUNTRIES
from tests.browsing import (
    PASSWORD,
    PHONE,
    english_on_page,
    low_contrast,
    non_iso_dates,
    screenshot,
    sideways_scroll,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Files (by extension, or a signed statement's `/download`), feeds (Atom, under /feed/) and the
# machine interfaces are not pages; signing out would end the walk.
_NOT_A_PAGE = re.compile(r"\.(docx|pdf|xml|ics|csv|xlsx|json|geojson)$|^/(api|i18n|admin|static)/"
                         r"|/logout/$|/feed/|/download$")
_RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A second incident or state shows the same template as the first: two of each kind are enough.
_PAGES_PER_KIND = 2
# The map's data source, named as its licence asks.
_NAMES = frozenset({"Natural", "Earth"})


def _data_words() -> frozenset[str]:
    """The Latin words the demo's records hold themselves (places, sources, symbols, names): the
    data is shown as it was recorded; only the page around it must be Russian."""
    words: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith(("concord.", "django.contrib.auth")):
            continue
        fields = [f.name for f in model._meta.concrete_fields
                  if isinstance(f, models.CharField | models.TextField)]
        if fields:
            for row in model._base_manager.values_list(*fields):
                for value in row:
                    words.update(re.findall(r"[A-Za-z][A-Za-z'-]+", value or ""))
    # The English names of the countries the crisis centre watches, as its lists still show them.
    words.update(word for country in COUNTRIES for word in country.name_en.split())
    return frozenset(words)


def _kind(path: str) -> str:
    return re.sub(r"/[A-Z]{2,3}/", "/{code}/", _RECORD_ID.sub("{id}", path))


def _links(page: Any, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" == origin and not _NOT_A_PAGE.search(parts.path):
            paths.append(parts.path)
    return paths


def _walk(page: Any, origin: str, start: str, *, russian: bool) -> tuple[int, dict[str, Any]]:
    """Opens every kind of page reachable by links from `start`, and notes what a user would see
    wrong on each: how far it scrolls sideways, unreadable text, rejected dates, English."""
    allowed = _data_words() | _NAMES
    seen: set[str] = set()
    kinds: dict[str, int] = {}
    queue = deque([start])
    problems: dict[str, Any] = {}
    while queue:
        path = queue.popleft()
        if path in seen or kinds.get(_kind(path), 0) >= _PAGES_PER_KIND:
            continue
        seen.add(path)
        kinds[_kind(path)] = kinds.get(_kind(path), 0) + 1
        response = page.goto(origin + path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        found = {"sideways": sideways_scroll(page), "contrast": low_contrast(page),
                 "dates": non_iso_dates(page),
                 "english": english_on_page(page, allowed) if russian else []}
        if any(found.values()):
            problems[path] = found
        queue.extend(_links(page, origin))
    return len(seen), problems


@pytest.mark.parametrize(("username", "enrol", "language"), [
    ("officer", True, "ru"), ("delegate.tj", False, "ru"), ("analyst", True, "ru"), ("", False, "ru"),
    ("officer", True, "en"), ("analyst", True, "en")])
def test_it_fits_every_page_of_each_person_on_a_phone(live_server, browser_page, username, enrol,
                                                      language):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    start = "/"
    if username:
        sign_in(page, live_server, username, enrol=enrol)
        start = "/dashboard/"
    if language == "en":
        page.goto(live_server.url + start)
        page.click("button.navbar-toggler")
        page.click("button[name=language][value=en]")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "en"

    pages, problems = _walk(page, live_server.url, start, russian=language == "ru")

    assert pages > (5 if not username else 20)
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    assert page.concord_errors == []


def test_it_offers_a_documents_files_in_one_menu_that_stays_on_the_screen(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}/council/documents/")
    page.locator("table a[href*='/council/documents/']").first.click()

    page.get_by_role("button", name="Скачать").click()
    menu = page.locator(".export-menu .dropdown-menu")
    menu.wait_for(state="visible")
    box = menu.bounding_box()

    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert menu.get_by_role("link", name="PDF").count() == 2  # Russian and English
    assert sideways_scroll(page) == 0
    screenshot(page, "phone-document-menu")
    assert english_on_page(page, _data_words()) == []
    assert page.concord_errors == []


def test_it_opens_the_calendar_on_this_month_in_russian(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/council/sessions/")
    page.get_by_role("link", name="Календарь").first.click()

    with translation.override("ru"):
        month = formats.date_format(today(), "F Y")
    assert page.locator("h1").inner_text().strip() == month
    assert page.locator(".session-calendar thead th").all_text_contents() == [
        "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
    assert sideways_scroll(page) == 0
    assert english_on_page(page) == []
    assert page.concord_errors == []


def test_it_sums_up_a_refused_form_at_its_top_and_leads_to_each_field(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}/council/sessions/new/")
    zones = page.locator("select[name=time_zone]")
    assert zones.input_value() == "Europe/Moscow"
    assert "Европа" in [group.get_attribute("label") for group in zones.locator("optgroup").all()]
    page.fill("input[name=title_ru]", "Заседание Совета")

    page.get_by_role("button", name="Сохранить").click()

    summary = page.locator("[data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    assert summary.inner_text().startswith("В форме есть ошибки")
    assert page.evaluate("() => document.activeElement.matches('[data-error-summary]')")
    named = summary.get_by_role("link").all_inner_texts()
    assert "Наименование (на английском языке)" in named
    assert "Место проведения (на русском языке)" in named
    assert "Наименование (на русском языке)" not in named  # filled in, so not in error
    summary.get_by_role("link", name="Место проведения (на русском языке)").click()
    assert page.evaluate("() => document.activeElement.name") == "place_ru"
    assert sideways_scroll(page) == 0
    assert english_on_page(page) == []
    # A refused form answers 400, which the browser reports; nothing else may go wrong.
    assert [e for e in page.concord_errors if "status of 400" not in e] == []


def test_it_keeps_an_incidents_date_when_it_is_corrected(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "analyst", enrol=True)
    page.goto(f"{live_server.url}/monitoring/incidents/")
    page.locator("table a[href*='/monitoring/incidents/']").first.click()
    detail = page.url
    page.get_by_role("link", name="Исправить").click()
    shown = page.locator("input[name=occurred_on]").input_value()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown)
    assert non_iso_dates(page) == []

    page.get_by_role("button", name="Сохранить").click()

    page.wait_for_url(detail)
    assert page.get_by_role("alert").filter(has_text="Инцидент исправлен").is_visible()
    assert page.concord_errors == []


def test_it_shows_a_wide_list_as_cards_that_name_each_value_also_after_a_search(
        live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/council/documents/")
    first_card = page.locator("#document-table tbody tr").first
    assert first_card.locator("td").nth(3).get_attribute("data-label") == "Статус"

    page.fill("input[name=q]", "Коммюнике")
    page.wait_for_function("() => document.querySelectorAll('#document-table tbody tr').length === 1")

    card = page.locator("#document-table tbody tr")
    assert card.locator("td").nth(3).get_attribute("data-label") == "Статус"
    named = card.locator("td").nth(3).evaluate(
        "cell => getComputedStyle(cell, '::before').content")
    assert named == '"Статус"'
    box = card.bounding_box()
    assert box is not None and box["width"] > PHONE["width"] - 60  # a card across the screen
    assert sideways_scroll(page) == 0
    assert english_on_page(page, _data_words()) == []
    assert page.concord_errors == []


SORTED_LISTS = ("/council/signer-keys/?sort=-status", "/council/reports/?sort=drafted",
                "/registry/states/?sort=status", "/council/instructions/?sort=-status",
                "/monitoring/incidents/?sort=-verification", "/monitoring/indicators/",
                "/accounts/profile/")


def test_it_fits_a_list_sorted_by_its_last_column_on_a_phone(live_server, browser_page):
    # A sorted header carries hidden words for screen readers; they must stay in the table's box.
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)
    page.set_viewport_size(PHONE)
    overflow = {}
    for path in SORTED_LISTS:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        overflow[path] = sideways_scroll(page)

    assert overflow == dict.fromkeys(SORTED_LISTS, 0)


def test_it_tells_a_touch_screen_to_tap_where_a_keyboard_is_told_to_hold_ctrl(live_server,
                                                                             browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)
    page.goto(live_server.url + "/monitoring/incidents/")
    touch = page.context.browser.new_context(
        storage_state=page.context.storage_state(), has_touch=True, is_mobile=True,
        viewport=PHONE, locale="ru-RU")
    phone = touch.new_page()
    phone.goto(live_server.url + "/monitoring/incidents/")

    assert page.locator("#f-several").is_visible()
    assert "Ctrl" in page.locator("#f-several").inner_text()
    assert not page.locator("#f-several-touch").is_visible()
    assert not phone.locator("#f-several").is_visible()
    assert phone.locator("#f-several-touch").inner_text().startswith(
        "Несколько категорий или стран: коснитесь каждой нужной")
    touch.close()
