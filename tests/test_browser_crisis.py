"""The crisis centre in a real browser, in Russian: the analyst opens a case by hand, moves it to
consultations, writes in its log and marks the entry significant, reads the timeline and takes
the log away as PDF; Tajikistan's delegate finds the case among the crisis cases and reads its
log, on a phone too."""

from __future__ import annotations

from typing import Any

import pytest

from concord.accounts.models import User
from concord.core.models import Party
from concord.crisis.services.cases import case_open
from concord.crisis.services.log import log_add
from concord.demo.organization import load
from tests.browsing import PASSWORD, PHONE, english_on_page, sideways_scroll, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Сели в Раштской долине"
ENTRY = "Группа МЧС Таджикистана прибыла в Гарм"
# Names the data and formats hold: the exports' formats and standards.
DATA_WORDS = frozenset({"PDF", "DOCX", "CSV", "XLSX", "ICS-214", "EDXL-SitRep", "EDXL-DE"})


def _clean(page: Any) -> None:
    found = english_on_page(page, DATA_WORDS)
    assert found == [], found
    assert page.concord_errors == []


def test_the_analyst_opens_a_case_and_keeps_its_log(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)

    page.goto(f"{live_server.url}/crisis/")
    assert page.get_by_role("heading", name="Кризисные дела").is_visible()
    _clean(page)
    page.get_by_role("link", name="Открыть дело").click()
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=type]", label="Чрезвычайная ситуация природного характера")
    page.select_option("select[name=severity]", label="Тяжёлая")
    page.select_option("select[name=affected_states]", label="Таджикистан")
    page.fill("input[name=latitude]", "39.05")
    page.fill("input[name=longitude]", "70.5")
    page.fill("input[name=radius_km]", "40")
    _clean(page)
    page.get_by_role("button", name="Открыть дело").click()

    assert page.locator("h1", has_text=TITLE).is_visible()
    assert page.locator("#case-phase").inner_text() == "Мониторинг"
    assert page.get_by_text("Открыто дело: " + TITLE).is_visible()
    page.get_by_role("button", name="Перевести в этап «Консультации»").click()
    assert page.locator("#case-phase").inner_text() == "Консультации"
    page.fill("textarea[name=text]", ENTRY)
    page.get_by_role("button", name="Внести запись").click()
    assert page.get_by_text("Запись внесена в журнал.").is_visible()
    page.locator("tr", has_text=ENTRY).get_by_role("button", name="Отметить как значимое").click()
    assert page.locator("tr.table-warning", has_text=ENTRY).is_visible()
    _clean(page)

    page.get_by_role("link", name="Хронология").click()
    assert page.get_by_role("heading", name="Кризисный центр").is_visible()
    assert page.get_by_text(ENTRY).is_visible()
    _clean(page)

    page.go_back()
    page.get_by_role("button", name="Скачать журнал").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF (ICS-214)").click()
    assert download.value.suggested_filename == "crisis-log.pdf"


def test_a_delegate_reads_the_case_on_a_phone(live_server, browser_page):
    load(password=PASSWORD)
    analyst = User.objects.get(username="analyst")
    case = case_open(actor=analyst, title=TITLE, type="natural", severity="severe",
                     affected_states=[Party.objects.get(code="TJ")], latitude=39.05,
                     longitude=70.5, radius_km=40)
    log_add(actor=analyst, case=case, text=ENTRY, significant=True)
    log_add(actor=analyst, case=case, text="Оценка ущерба для служебного пользования Секретариата",
            classification=2)
    page = browser_page
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}/crisis/")
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_text(ENTRY).is_visible()
    assert page.locator("#log-withheld").inner_text() == "1 запись скрыта"
    assert not sideways_scroll(page)
    _clean(page)
