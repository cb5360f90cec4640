"""Assistance from pledge to handover, in Russian: Armenia's delegate pledges radio sets to
Tajikistan's border troops; the secretariat records the commitment and is refused shipping them
before an end-use certificate; Tajikistan's delegate issues and signs the certificate; Armenia's
delegate ships them; Tajikistan records the arrival, draws up the handover act and signs it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from concord.accounts.models import User
from concord.assistance.models import HandoverSignature, Pledge
from concord.assistance.services import requests
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.demo.assistance import load_assistance
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import MemberState
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def radios(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    load_council()
    load_assistance()
    record = requests.request_create(
        actor=SYSTEM, requesting_state=MemberState.objects.get(iso_alpha2="TJ"),
        title_ru="Радиостанции для пограничных застав",
        beneficiary_ru="Пограничные войска ГКНБ Республики Таджикистан",
        kind="military_technical",
        lines=[dict(category="communications", description_ru="Радиостанции УКВ",
                    quantity=120, unit="pieces")])
    requests.request_submit(actor=SYSTEM, request=record)
    return requests.request_open(actor=SYSTEM, request=record,
                                 closes_on=clock.today() + timedelta(days=30))


def _names() -> frozenset[str]:
    return frozenset(word for user in User.objects.all() for word in user.get_full_name().split())


def _as(page, live_server, username, *, enrol=False):
    page.context.clear_cookies()
    sign_in(page, live_server, username, enrol=enrol)


def _clean(page):
    assert english_on_page(page, _names()) == []
    assert page.concord_errors == []


def _ship(page):
    ship = page.locator("form[action$='/ship']")
    ship.locator("input[name=reference]").fill("AM-1")
    ship.locator("input[name^=ship_]").fill("40")
    ship.get_by_role("button", name="Записать партию").click()


def _certify(page, live_server, pledge_url):
    _as(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}{pledge_url}")
    page.get_by_role("link", name="Выдать сертификат конечного пользователя").click()
    page.fill("#id_number", "СКП-АМ-1")
    page.fill("#id_end_user_ru", "Пограничные войска ГКНБ Республики Таджикистан")
    page.fill("#id_restriction_ru", "Исключительно для охраны таджикско-афганской границы")
    _clean(page)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector(".alert-success")
    assert "Ещё не подписан" in page.inner_text("body")
    page.select_option("#id_key", label=page.locator("#id_key option").nth(1).inner_text())
    page.get_by_role("button", name="Подписать сертификат").click()
    assert "подпись верна" in page.locator(".certificate-check").inner_text()
    _clean(page)


def _hand_over(page, live_server, pledge_url):
    _as(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}{pledge_url}")
    page.get_by_role("button", name="Записать прибытие").click()
    page.wait_for_selector(".alert-success")
    page.get_by_role("link", name="Акт приёма-передачи").click()
    page.get_by_role("button", name="Составить акт").click()
    page.wait_for_selector(".act-signatures")
    page.select_option("#id_side", "recipient")
    tajik = [text for text in page.locator("#id_key option").all_inner_texts() if "Рахмон" in text]
    page.select_option("#id_key", label=tajik[0])
    page.get_by_role("button", name="Подписать", exact=True).click()
    signatures = page.locator(".act-signatures").inner_text()
    assert "Принимающая сторона: Эмомали Рахмон" in signatures and "подпись верна" in signatures
    _clean(page)


def test_it_walks_a_pledge_through_certificate_shipment_and_signed_handover(
        live_server, browser_page, radios):
    page = browser_page
    _as(page, live_server, "delegate.am")
    page.goto(f"{live_server.url}{radios.get_absolute_url()}")
    page.get_by_role("link", name="Обязательство").click()
    page.fill("#id_quantity_1", "40")
    page.get_by_role("button", name="Записать обязательство").click()
    page.wait_for_selector(".alert-success")
    _clean(page)
    pledge_url = Pledge.objects.unscoped(reason="test").get(
        state__iso_alpha2="AM").get_absolute_url()

    _as(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}{pledge_url}")
    page.locator("summary", has_text="Записать соглашение").click()
    commit = page.locator("form[action$='/commit']")
    commit.locator("input[name=quantity]").fill("40")
    commit.locator("input[name=agreement_reference]").fill("AM-TJ/2026-1")
    commit.get_by_role("button", name="Записать соглашение").click()
    page.wait_for_selector(".alert-success")
    _ship(page)
    refused = page.locator(".alert-danger").inner_text()
    assert "подпишет сертификат конечного пользователя" in refused
    _clean(page)

    _certify(page, live_server, pledge_url)

    _as(page, live_server, "delegate.am")
    page.goto(f"{live_server.url}{pledge_url}")
    _ship(page)
    page.wait_for_selector(".alert-success")
    _clean(page)

    _hand_over(page, live_server, pledge_url)
    assert HandoverSignature.objects.filter(side="recipient").exclude(
        act__number__startswith="АКТ-RU").count() == 1
    _clean(page)
