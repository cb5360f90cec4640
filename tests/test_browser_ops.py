"""Joint operations, walked in Russian: Tajikistan's delegate finds "Channel", reads its stages
and totals without another state's withheld figures, and imports the state's results (a file
with a mistake first, told by line and column, then a good one); the officer totals the
operations by year with the chart and publishes the public figures."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.demo.council import load_council
from concord.demo.forces_operations import load_operations
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "operation,stage,state,measure,substance,case_type,quantity,unit,note,classification"


def _demo() -> None:
    load(password=PASSWORD)
    load_council()
    load_operations()


def _clean(page: Any) -> None:
    assert english_on_page(page) == []
    assert page.concord_errors == []


def test_it_lets_tajikistans_delegate_read_and_import_its_results(live_server, browser_page,
                                                                   tmp_path):
    _demo()
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    # Joint operations are in the «Силы» menu.
    page.locator("#main-navigation .dropdown-toggle", has_text="Силы").click()
    page.get_by_role("link", name="Совместные операции").first.click()
    page.wait_for_url(re.compile(r".*/forces/operations/$"))
    table = page.locator("main table")
    for name in ("Канал", "Нелегал", "PROXY"):
        assert name in table.inner_text()
    _clean(page)

    page.get_by_role("link", name="Канал").first.click()
    page.wait_for_url(re.compile(r".*/forces/operations/[0-9a-f-]{36}/$"))
    stages = page.locator("table.operation-stages").inner_text()
    assert "Канал — 2013, этап 1" in stages and "Агентство по контролю за наркотиками" in stages
    screenshot(page, "ops-operation")
    by_state = page.locator("table.operation-totals").nth(1).inner_text()
    # Russia's published figures are there; Kyrgyzstan released nothing, so it is not.
    assert "Таджикистан" in by_state and "Россия" in by_state
    assert "Кыргызстан" not in by_state
    _clean(page)

    page.get_by_role("link", name="Результаты").first.click()
    page.select_option("#f-state", "RU")
    page.get_by_role("button", name="Применить").click()
    page.wait_for_url(re.compile(r".*state=RU.*"))
    rows = page.locator("main table tbody").inner_text()
    assert "Героин" in rows
    # Russia's ecstasy tablets were reported to the secretariat only.
    assert "МДМА" not in rows
    _clean(page)

    page.get_by_role("link", name="Импорт результатов").click()
    bad = tmp_path / "results.csv"
    bad.write_text("\n".join([HEADER, "channel,3,TJ,seizure,hashish,,120,kg,,",
                              "channel,3,RU,detained,,,4,count,,"]), encoding="utf-8")
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Импорт").click()
    problems = page.locator("[data-import-problems]").inner_text()
    assert "строка 3, state" in problems
    assert "только о результатах своего государства" in problems
    # The refused file is answered 400, as every refused form is; the browser notes the status.
    assert [e for e in page.concord_errors if "400" not in e] == []
    page.concord_errors.clear()
    assert english_on_page(page) == []

    good = tmp_path / "good.csv"
    good.write_text("\n".join([HEADER, "channel,3,TJ,seizure,hashish,,120,kg,,"]),
                    encoding="utf-8")
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="Импорт").click()
    page.wait_for_url(re.compile(r".*/forces/operations/results/$"))
    assert "Добавлено результатов: 1" in page.locator("main").inner_text()
    assert "120" in page.locator("main table").inner_text()
    _clean(page)


def test_it_lets_the_officer_total_by_year_and_publish_figures(live_server, browser_page):
    _demo()
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    page.goto(f"{live_server.url}/forces/operations/totals/")
    page.select_option("#f-by", "year")
    page.get_by_role("button", name="Применить").click()
    page.wait_for_url(re.compile(r".*by=year.*"))
    totals = page.locator("table.operation-totals").inner_text()
    assert "2013" in totals and "2014" in totals and "Итого" in totals
    assert page.locator("canvas[data-chart-id]").count() == 1
    screenshot(page, "ops-totals")
    _clean(page)

    page.goto(f"{live_server.url}/forces/operations/")
    page.get_by_role("link", name="Нелегал").click()
    page.fill("#p-year", "2014")
    page.get_by_role("button", name="Сформировать открытые показатели").click()
    page.wait_for_url(re.compile(r".*/forces/operations/published/[0-9a-f-]{36}/$"))
    assert "Открытые показатели сформированы" in page.locator("main").inner_text()
    figures = page.locator("table.publication-figures").inner_text()
    assert "Выявлено незаконных мигрантов" in figures
    # Russia's and Belarus's published counts, and not Tajikistan's withheld one.
    assert "53 510" in figures.replace("\xa0", " ")
    _clean(page)
