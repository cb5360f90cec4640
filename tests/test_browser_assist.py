"""Assistance in Russian: Armenia's delegate finds on the dashboard a request open for the
state's offers, reads its lines' bars, pledges a line withholding the details from the other
states, and sees the pledge on the request; Tajikistan's delegate opens the Sochi request and
sees what is still owed years after the deadline, the withheld pledge counted for it, and the
timeline."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from concord.accounts.models import User
from concord.assistance.models import PledgeLine
from concord.assistance.services import requests
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.demo.assistance import load_assistance
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import MemberState
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


@pytest.fixture
def demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    load_council()
    load_assistance()
    record = requests.request_create(
        actor=SYSTEM, requesting_state=MemberState.objects.get(iso_alpha2="TJ"),
        title_ru="Средства связи для пограничных застав",
        beneficiary_ru="Пограничные войска ГКНБ Республики Таджикистан",
        kind="military_technical",
        lines=[dict(category="communications", description_ru="Радиостанции УКВ",
                    quantity=120, unit="pieces"),
               dict(category="training", description_ru="Курсы связистов", quantity=4,
                    unit="courses")])
    requests.request_submit(actor=SYSTEM, request=record)
    return requests.request_open(actor=SYSTEM, request=record,
                                 closes_on=clock.today() + timedelta(days=30))


def _names() -> frozenset[str]:
    return frozenset(word for user in User.objects.all() for word in user.get_full_name().split())


def test_it_lets_a_delegate_pledge_a_line_withheld_from_the_other_states(
        live_server, browser_page, demo):
    page = browser_page
    sign_in(page, live_server, "delegate.am")

    panel = page.locator("#assistance-heading").locator("xpath=..")
    assert "Запросы, открытые для предложений вашего государства" in panel.inner_text()
    panel.get_by_role("link", name=demo.reference).click()
    page.wait_for_selector(".assistance-lines")
    assert "Радиостанции УКВ" in page.locator(".assistance-lines").inner_text()
    assert english_on_page(page, _names()) == []

    page.get_by_role("link", name="Обязательство").click()
    page.fill("#id_quantity_1", "40")
    page.fill("#id_due_on_1", (clock.today() + timedelta(days=60)).isoformat())
    page.check("#id_withhold")
    assert english_on_page(page, _names()) == []
    page.get_by_role("button", name="Записать обязательство").click()

    page.wait_for_selector(".alert-success")
    assert "Ваше обязательство записано." in page.locator(".alert-success").inner_text()
    pledges = page.locator("h2:has-text('Обязательства') + ul").inner_text()
    assert "Армения" in pledges and "скрыто от других государств" in pledges
    assert "1 позиция: принято обязательств 0" in pledges
    assert "часть видимого вам скрыта от других государств-членов" in page.inner_text("body")
    line = PledgeLine.objects.get(pledge__state__iso_alpha2="AM")
    assert (line.quantity, line.line.number) == (40, 1)
    screenshot(page, "assistance-pledge")
    assert english_on_page(page, _names()) == []
    assert page.concord_errors == []


def test_it_shows_the_requester_what_the_sochi_promises_still_owe(live_server, browser_page,
                                                                  demo):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}/assistance/?overdue=1")
    page.get_by_role("link", name="TJ-2013-01").click()
    page.wait_for_selector(".assistance-lines")

    facts = page.locator(".request-facts").inner_text()
    assert "Пограничные войска Государственного комитета национальной безопасности" in facts
    assert "23.09.2013 — 23.12.2013" in facts
    lines = page.locator(".assistance-lines").inner_text()
    assert "Автомобили повышенной проходимости" in lines and "условно" in lines
    late = page.locator(".assistance-lines .badge.text-bg-danger").first.inner_text()
    assert re.fullmatch(r"просрочено на \d+ (день|дня|дней)", late)
    # Belarus withheld its pledge from the other states; Tajikistan, the requester, reads it.
    assert "Беларусь" in page.locator("h2:has-text('Обязательства') + ul").inner_text()
    timeline = page.locator(".assistance-timeline").inner_text()
    assert "Окончание приёма предложений" in timeline and "Партия RU-2013-01" in timeline
    screenshot(page, "assistance-sochi-request")
    assert english_on_page(page, _names()) == []
    assert page.concord_errors == []


def test_it_keeps_a_withheld_pledge_from_another_state(live_server, browser_page, demo):
    page = browser_page
    sign_in(page, live_server, "delegate.am")

    page.goto(f"{live_server.url}/assistance/")
    page.get_by_role("link", name="TJ-2013-01").click()
    page.wait_for_selector(".assistance-lines")

    pledged = page.locator("h2:has-text('Обязательства') + ul").inner_text()
    assert "Россия" in pledged and "Беларусь" not in pledged
    assert "В цифрах учтены только доступные вам обязательства." in page.inner_text("body")
    assert english_on_page(page, _names()) == []
    assert page.concord_errors == []


def test_it_fits_a_request_and_the_pledge_form_on_a_phone(live_server, browser_page, demo):
    page = browser_page
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "delegate.am")

    for path in ("/assistance/", demo.get_absolute_url(),
                 f"{demo.get_absolute_url()}pledge/new", "/assistance/states/RU/"):
        page.goto(f"{live_server.url}{path}")
        assert sideways_scroll(page) == 0, path
        assert low_contrast(page) == [], path
        assert non_iso_dates(page) == [], path
        assert english_on_page(page, _names()) == [], path
    screenshot(page, "assistance-phone-pledge")
    assert page.concord_errors == []
