"""A request's page in Russian, as its figures are read in one pass over the pledges: a request
addressed by name to two states, in two phases, answered by Russia (released to all, one line
committed) and by Belarus (withheld from the other states). Russia's delegate reads the
addressees, the phases and their deadlines, each line's figures without Belarus, its own
pledge's counts and its commitment on the timeline; Tajikistan's delegate, the requester, also
reads Belarus's pledge and is told what is withheld from the others."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from concord.accounts.models import User
from concord.assistance.models import PledgeLine
from concord.assistance.services import pledges, requests
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.demo.organization import load
from concord.registry.models import MemberState
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMITTED_ON = date(2026, 3, 2)


@pytest.fixture
def answered(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    states = {state.iso_alpha2: state for state in MemberState.objects.all()}
    record = requests.request_create(
        actor=SYSTEM, requesting_state=states["TJ"],
        title_ru="Оснащение пограничных застав на Памире",
        beneficiary_ru="Пограничные войска ГКНБ Республики Таджикистан",
        kind="military_technical", addressed_states=[states["RU"], states["BY"]],
        phases=[dict(title_ru="Связь и наблюдение", due_on=date(2026, 6, 30)),
                dict(title_ru="Инженерное оборудование застав", due_on=date(2026, 12, 31))],
        lines=[dict(category="communications", description_ru="Радиостанции УКВ",
                    quantity=100, unit="pieces", phase=1),
               dict(category="engineering", description_ru="Модульные казармы",
                    quantity=6, unit="objects", phase=2)])
    requests.request_submit(actor=SYSTEM, request=record)
    record = requests.request_open(actor=SYSTEM, request=record,
                                   closes_on=clock.today() + timedelta(days=30))
    lines = {line.number: line for line in record.lines.all()}
    russia = pledges.pledge_make(actor=User.objects.get(username="delegate.ru"), request=record,
                                 lines=[{"line": lines[1], "quantity": 60},
                                        {"line": lines[2], "quantity": 6}])
    pledges.pledge_make(actor=SYSTEM, state=states["BY"], request=record,
                        lines=[{"line": lines[1], "quantity": 25}],
                        release_to_all_members=False)
    pledges.pledge_line_commit(
        actor=User.objects.get(username="delegate.ru"),
        pledge_line=PledgeLine.objects.get(pledge=russia, line=lines[1]), quantity=60,
        agreement_reference="RU-TJ-2026/7", agreement_signed_on=COMMITTED_ON)
    return record


def _row(page, description):
    return page.locator(".assistance-lines tr", has_text=description).inner_text()


def test_it_shows_another_state_the_request_without_the_withheld_pledge(
        live_server, browser_page, answered):
    page = browser_page
    sign_in(page, live_server, "delegate.ru", enrol=True)

    page.goto(f"{live_server.url}/assistance/")
    page.get_by_role("link", name=answered.reference).click()
    page.wait_for_selector(".assistance-lines")

    facts = page.locator(".request-facts").inner_text()
    assert "Беларусь" in facts and "Россия" in facts
    phases = page.locator("h2:has-text('Этапы') + ul").inner_text()
    assert "Этап 1: Связь и наблюдение — до 30.06.2026" in phases
    assert "Этап 2: Инженерное оборудование застав" in phases
    radios = _row(page, "Радиостанции УКВ")
    assert "Обещано\n60" in radios and "не обещано: 40" in radios and "85" not in radios
    assert "скрыто от других" not in radios
    # The line names no day of its own: it is due by its phase's deadline.
    assert "30.06.2026" in radios
    pledged = page.locator("h2:has-text('Обязательства') + ul").inner_text()
    assert "Россия" in pledged and "Беларусь" not in pledged
    assert "2 позиции" in pledged
    timeline = page.locator(".assistance-timeline").inner_text()
    assert "Россия: соглашение по строке 1 (RU-TJ-2026/7)" in timeline
    assert "Срок этапа 2: Инженерное оборудование застав" in timeline
    screenshot(page, "assistance-request-addressed")
    assert english_on_page(page) == []
    assert page.concord_errors == []


def test_it_counts_the_withheld_pledge_for_the_requester_and_says_so(
        live_server, browser_page, answered):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}{answered.get_absolute_url()}")
    page.wait_for_selector(".assistance-lines")

    radios = _row(page, "Радиостанции УКВ")
    assert "Обещано\n85" in radios and "скрыто от других: 25" in radios
    pledged = page.locator("h2:has-text('Обязательства') + ul").inner_text()
    assert "Беларусь" in pledged and "скрыто от других государств" in pledged
    assert "часть видимого вам скрыта от других государств-членов" in page.inner_text("body")
    assert english_on_page(page) == []
    assert page.concord_errors == []
