"""The crisis centre analyst's day in a real browser, in Russian: a file of incidents with one bad
row is imported, run again without it, and its incidents opened; the map is filtered to a
country and zooms to it; an indicator is defined and raises an alert, whose counted incidents
are listed and which is acknowledged and assigned; a situation report is generated."""

from __future__ import annotations

from typing import Any

import pytest

from concord.core.clock import today
from concord.demo.organization import load
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# What the data itself holds: the file's name, places and actors of the imported rows, and the
# map's source (Natural Earth).
DATA_WORDS = frozenset({"border", "csv", "Panj", "Farkhor",
                        "Shuroobod", "Natural", "Earth"})


def _clean(page: Any) -> None:
    found = english_on_page(page, DATA_WORDS)
    assert found == [], found
    assert page.concord_errors == []


NOTES = "Столкновение на границе"


def _file() -> bytes:
    day = today().isoformat()
    rows = [ACLED_HEADER,
            acled_row("TJK-B1", day=day, location="Panj", notes=NOTES),
            acled_row("TJK-B2", day="вчера"),
            acled_row("TJK-B3", day=day, location="Farkhor", notes=NOTES),
            acled_row("TJK-B4", day=day, location="Shuroobod", notes=NOTES)]
    return "\n".join(rows).encode()


def test_the_analyst_imports_watches_and_reports(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)

    _import_skipping_the_bad_row(page, live_server)
    _map_of_tajikistan(page, live_server)
    _indicator_and_its_alert(page, live_server)
    _situation_report(page, live_server)


def _import_skipping_the_bad_row(page: Any, live_server: Any) -> None:
    """A file with one bad row: refused whole, then run again without it."""
    page.goto(f"{live_server.url}/monitoring/imports/new/")
    page.set_input_files("input[name=file]", files=[
        {"name": "border.csv", "mimeType": "text/csv", "buffer": _file()}])
    page.click("form button[type=submit]")
    page.wait_for_selector(".import-failed")
    assert "вчера" in page.inner_text("#import-status")
    _clean(page)
    page.click("text=Повторить, пропустив ошибочные строки")
    page.wait_for_selector("[data-created-incidents]")
    assert "Файл импортируется повторно, без ошибочных строк." in page.inner_text("#messages")
    _clean(page)

    page.click("[data-created-incidents]")
    page.wait_for_selector("[data-import-filter]")
    assert "3 инцидента добавлены импортом файла border.csv." in page.inner_text(
        "[data-import-filter]")
    table = page.inner_text("#incident-table")
    assert all(f"{place}, Таджикистан" in table for place in ("Panj", "Farkhor", "Shuroobod"))
    _clean(page)


def _map_of_tajikistan(page: Any, live_server: Any) -> None:
    """The map, filtered to Tajikistan from the table beside it, opens on Tajikistan."""
    page.goto(f"{live_server.url}/monitoring/")
    page.wait_for_selector(".situation-map[data-zoom]")
    overview = float(page.get_attribute(".situation-map", "data-zoom") or 0)
    page.click("table >> text=Таджикистан")
    page.wait_for_selector(".situation-map[data-focused='762']")
    zoomed = float(page.get_attribute(".situation-map", "data-zoom") or 0)
    assert zoomed > overview
    page.wait_for_selector(".situation-cluster-label")
    screenshot(page, "analyst-map-tajikistan")
    _clean(page)


def _indicator_and_its_alert(page: Any, live_server: Any) -> None:
    """An indicator over Central Asia, named in both languages, evaluated; its alert lists the
    incidents it counted, and is acknowledged and assigned."""
    page.goto(f"{live_server.url}/monitoring/indicators/")
    page.fill("input[name=name_ru]", "Вооружённые столкновения в Центральной Азии")
    page.fill("input[name=name_en]", "Armed clashes in Central Asia")
    page.select_option("select[name=region]", "central-asia")
    page.fill("input[name=orange]", "1")
    page.fill("input[name=red]", "2")
    page.click("button:has-text('Задать')")
    page.wait_for_selector("text=Индикатор задан.")
    row = page.locator("tr", has_text="Вооружённые столкновения в Центральной Азии")
    assert "более 2 инцидентов за 7 дней" in row.inner_text()
    _clean(page)
    page.click("button:has-text('Рассчитать сейчас')")
    page.wait_for_url(f"{live_server.url}/monitoring/alerts/")
    assert "Новое" in page.inner_text("main")
    _clean(page)
    page.click("a:has-text('Вооружённые столкновения в Центральной Азии')")
    page.wait_for_selector("text=Принять к сведению")
    body = page.inner_text("main")
    assert "Учтённые инциденты" in body
    assert all(place in body for place in ("Panj", "Farkhor", "Shuroobod"))
    _clean(page)
    page.click("button:has-text('Принять к сведению')")
    page.wait_for_selector("text=Оповещение принято к сведению.")
    assert "Принято к сведению" in page.inner_text("[data-alert-state]")
    page.select_option("select[name=assignee]", "analyst")
    page.click("button:has-text('Назначить')")
    page.wait_for_selector("text=Ответственный за оповещение:")
    assert page.inner_text("[data-alert-assignee]").strip() != "Не назначен"
    screenshot(page, "analyst-alert")
    _clean(page)


def _situation_report(page: Any, live_server: Any) -> None:
    """The situation report of the month so far names the alert."""
    page.goto(f"{live_server.url}/monitoring/reports/")
    page.fill("input[name=start]", today().replace(day=1).isoformat())
    page.fill("input[name=end]", today().isoformat())
    page.click("button:has-text('Сформировать')")
    page.wait_for_url(f"{live_server.url}/monitoring/reports/*/")
    assert "Вооружённые столкновения в Центральной Азии" in page.inner_text("main")
    _clean(page)
