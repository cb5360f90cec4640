"""The collective forces walked in Russian in a real browser: the Tajik delegate reads the CRRF's
readiness at a glance (Kyrgyzstan's withheld strength counted nowhere), finds its own brigade in
the units list with its symbol, reports its readiness with a commander's level (refused without a
reason, then accepted), and sees the home stations on the map; the Joint Staff officer reads the
readiness of every formation with its chart."""

from __future__ import annotations

import re

import pytest

from concord.demo.forces import load_forces
from concord.demo.organization import load
from tests.browsing import (
    PASSWORD,
    english_on_page,
    low_contrast,
    non_iso_dates,
    screenshot,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The map's attribution, the same in every language.
NAMES = frozenset({"Natural", "Earth"})


@pytest.fixture
def forces():
    load(password=PASSWORD)
    load_forces()


def test_the_tajik_delegate_reads_the_crrf_and_reports_the_brigades_readiness(
        live_server, browser_page, forces):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.click("nav >> text=Силы")
    page.click("nav >> text=Формирования")
    page.wait_for_url(f"{live_server.url}/forces/")
    assert "Коллективные силы оперативного реагирования ОДКБ" in page.inner_text("main")
    assert english_on_page(page, NAMES) == []

    page.click("text=Коллективные силы оперативного реагирования ОДКБ")
    page.wait_for_url(re.compile(r"/forces/formations/"))
    glance = page.locator("table.readiness-glance").inner_text()
    assert "Кыргызстан" in glance and "Таджикистан" in glance
    kyrgyz = page.locator("table.readiness-glance tbody tr", has_text="Кыргызстан")
    # Kyrgyzstan shows its earmark but keeps its figures: "at least 0", and no number of its.
    assert kyrgyz.locator("td").last.inner_text().strip() == "≥ 0"
    page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector("
                           "'canvas[data-readiness-chart]'))")
    assert "устарели" in page.inner_text("main").lower()
    assert english_on_page(page, NAMES) == []
    assert low_contrast(page, ".readiness-level") == []
    screenshot(page, "forces-crrf-at-a-glance")

    page.goto(f"{live_server.url}/forces/units/")
    page.click("details[data-filter=state] summary")
    page.check("input[name=state][value=TJ]")
    page.wait_for_url(re.compile(r"state=TJ"))
    page.wait_for_load_state("networkidle")
    rows = page.locator("#unit-table tbody tr")
    assert rows.count() == 2
    page.wait_for_function("() => document.querySelectorAll('#unit-table .unit-symbol svg')"
                           ".length === 2")
    assert english_on_page(page, NAMES) == []

    page.click("text=7-я отдельная десантно-штурмовая бригада")
    page.wait_for_url(re.compile(r"/forces/units/"))
    page.click("text=Донести о готовности")
    assert non_iso_dates(page) == []
    page.select_option("select[name=personnel]", "4")
    page.select_option("select[name=training]", "2")
    page.select_option("select[name=override]", "3")
    page.click("form button[type=submit]")
    assert "Объясните, почему общий уровень отличается от наименьшего показателя." in \
        page.inner_text("main")
    assert english_on_page(page, NAMES) == []
    page.fill("textarea[name=override_reason]", "Недостающие занятия проведены досрочно")
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/forces/units/[0-9a-f-]+/$"))
    assert "Донесение о готовности принято: В основном готово." in page.inner_text("body")
    latest = page.locator("table").nth(0).locator("tbody tr").first.inner_text()
    assert "установлено командиром" in latest and "Недостающие занятия" in latest
    assert english_on_page(page, NAMES) == []
    screenshot(page, "forces-brigade-readiness-reported")

    _home_stations_on_the_map(page, live_server)
    # The refused report answered 400, which the browser reports; nothing else may go wrong.
    assert [e for e in page.concord_errors if "status of 400" not in e] == []


def _home_stations_on_the_map(page, live_server):
    page.goto(f"{live_server.url}/forces/map/")
    page.wait_for_function("() => Number(document.querySelector('.unit-map')"
                           ".getAttribute('data-units')) > 10")
    assert page.locator(".unit-marker svg").count() > 10
    assert "Воинских частей на карте:" in page.inner_text("main")
    assert english_on_page(page, NAMES) == []


def test_the_joint_staff_officer_reads_the_readiness_of_every_formation(
        live_server, browser_page, forces):
    page = browser_page
    sign_in(page, live_server, "staff", enrol=True)
    page.goto(f"{live_server.url}/forces/readiness/")
    overview = page.locator("table").first.inner_text()
    assert "КСОР" in overview and "КМС" in overview
    page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector("
                           "'canvas[data-readiness-chart]'))")
    assert re.search(r"\d+ воинск\w+ част\w+ не представил\w* донесение", page.inner_text("main"))
    page.click("details[data-filter=overall] summary")
    page.check("input[name=overall][value='2']")
    page.wait_for_url(re.compile(r"overall=2"))
    page.wait_for_load_state("networkidle")
    levels = page.locator("#readiness-table tbody tr td:nth-child(4)").all_inner_texts()
    assert levels and all("Ограниченно готово" in level for level in levels)
    assert english_on_page(page, NAMES) == []
    screenshot(page, "forces-readiness-overview")
    assert page.concord_errors == []
