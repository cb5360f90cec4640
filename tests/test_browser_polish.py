"""The council's lists and forms in Russian, in the browser: ticking a filter updates its closed
summary with the table, the reports on implementation and the signer keys sort by column and
find by text, and the words read as Russian says them there («Сводка», «Запись»)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from concord.council.models import ImplementationReport
from concord.demo.council import load_council
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page) -> None:
    assert english_on_page(page) == []
    assert page.concord_errors == []


def _tick_a_deadline(page, live_server) -> None:
    page.goto(f"{live_server.url}/council/instructions/")
    due = page.locator("details[data-filter=due]")
    expect(due.locator("summary")).to_have_text("Любой срок")
    due.locator("summary").click()
    with page.expect_response(lambda response: "/council/instructions/?" in response.url):
        due.get_by_label("Просрочено").check()
    expect(due.locator("summary")).to_have_text("Срок (1)")
    status = page.locator("details[data-filter=status]")
    expect(status.locator("summary")).to_have_text("Любой статус")
    with page.expect_response(lambda response: "/council/instructions/?" in response.url):
        due.get_by_label("Просрочено").uncheck()
    expect(due.locator("summary")).to_have_text("Любой срок")
    _checked(page)


def _find_and_sort_the_reports(page, live_server, report: ImplementationReport) -> None:
    page.goto(f"{live_server.url}/council/reports/")
    rows = page.locator("#report-table tbody tr")
    search = page.get_by_placeholder("Слова из наименования")
    with page.expect_response(lambda response: "q=" in response.url):
        search.fill("нет такого доклада")
    expect(rows).to_have_text(["Доклады не найдены."])
    with page.expect_response(lambda response: "q=" in response.url):
        search.fill(report.title_ru.split()[-1])
    expect(rows.first).to_contain_text(report.title_ru)
    page.locator("#report-table th", has_text="Доклад").get_by_role("link").click()
    expect(page.locator("#report-table th[aria-sort=ascending]")).to_have_text(
        re.compile(r"^\s*Доклад"))
    page.click(f"a[href='{report.get_absolute_url()}']")
    expect(page.locator("main h2").first).to_have_text("Сводка")
    _checked(page)


def _find_and_sort_the_keys(page, live_server) -> None:
    page.goto(f"{live_server.url}/council/signer-keys/")
    officials = page.locator("main tbody tr td:first-child")
    everyone = officials.count()
    assert everyone > 1
    page.locator("th", has_text="Должностное лицо").get_by_role("link").click()
    page.wait_for_url(re.compile(r".*sort=official$"))
    names = officials.all_inner_texts()
    assert names == sorted(names)
    page.get_by_placeholder("Должностное лицо, государство или отпечаток").fill("Путин")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=.*"))
    assert set(officials.all_inner_texts()) == {"Владимир Путин"}
    _checked(page)


def test_it_filters_sorts_and_finds_on_the_council_lists_in_russian(live_server, browser_page):
    load(password=PASSWORD)
    load_council()
    report = ImplementationReport.objects.unscoped(reason="the walk's report").get()
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    _tick_a_deadline(page, live_server)
    _find_and_sort_the_reports(page, live_server, report)
    _find_and_sort_the_keys(page, live_server)
    page.goto(f"{live_server.url}{reverse('portal:label-changes')}")
    expect(page.locator("main thead th").first).to_have_text("Запись")
    _checked(page)
