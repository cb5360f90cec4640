"""Each role's place to start, walked in Russian in a real browser: the officer's, the Tajik
delegate's and the analyst's dashboards show their own work queues and their recent actions as
sentences; the documents list sorted by a column and searched; the instructions list narrowed to
those overdue."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.clock import today
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.policy import system_viewer
from concord.council import services as council
from concord.council.models import Document, Instruction, StatePosition
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.monitoring import services as monitoring
from concord.monitoring.tests.factories import incident
from concord.registry.models import Body, MemberState
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The map's attribution, the same in every language.
NAMES = frozenset({"Natural", "Earth"})


@pytest.fixture
def organization():
    """The demo organization and its Sochi session, with the officer's own work of the last
    days: a session convened for next month, a draft on which only Russia has stated its
    position yet, and two instructions of a Sochi decision, one to every state past its date,
    one to Tajikistan due next week."""
    load(password=PASSWORD)
    load_council()
    officer = User.objects.get(username="officer")
    csc = Body.objects.get(code="CSC")
    ahead = today() + timedelta(days=30)
    session = council.session_create(
        actor=officer, body=csc, kind="regular", title_ru="Сессия СКБ в Минске",
        title_en="CSC session in Minsk", place_ru="Минск", place_en="Minsk",
        starts_on=ahead, ends_on=ahead + timedelta(days=1))
    draft = council.document_register(
        actor=officer, body=csc, doc_type=Document.Type.DECISION, session=session,
        title_ru="О плане действий на афганском направлении",
        title_en="On the action plan for Afghanistan", texts={"ru": "Решили.", "en": "Decided."},
        year=today().year, classification=Classification.OFFICIAL_USE)
    council.position_record(actor=officer, document=draft, body=csc,
                            state=MemberState.objects.get(iso_alpha2="RU"),
                            stance=StatePosition.Stance.CONCURS, reason="")
    sochi = (Document.objects.visible_to(system_viewer(officer.party, reason="a test's data"))
             .filter(status=Document.Status.ADOPTED, doc_type=Document.Type.DECISION)
             .order_by("symbol").first())
    assert sochi is not None
    late = council.instruction_add(
        actor=officer, document=sochi, addressee_kind=Instruction.Addressee.ALL_STATES,
        text_ru="Представить сведения о подготовке к учениям",
        text_en="Report on the preparation of the exercise",
        deadline_on=today() - timedelta(days=10))
    soon = council.instruction_add(
        actor=officer, document=sochi, addressee_kind=Instruction.Addressee.STATE,
        addressee_state=MemberState.objects.get(iso_alpha2="TJ"),
        text_ru="Направить список подразделений", text_en="Send the list of units",
        deadline_on=today() + timedelta(days=7))
    return {"session": session, "draft": draft, "late": late, "soon": soon}


def _queue(page) -> str:
    return page.locator("section.work-queue").inner_text()


def test_the_officer_starts_from_the_secretariats_queue_and_works_the_lists(
        live_server, browser_page, organization):
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    queue = _queue(page)
    assert "Ваши текущие задачи" in queue
    assert organization["draft"].symbol in queue
    assert re.search(r"Позиции: 1 из \d+ государств", queue)
    assert "Сессия СКБ в Минске" in queue
    assert "Представить сведения о подготовке к учениям" in queue and "просрочено с" in queue
    assert "Направить список подразделений" in queue
    actions = page.locator(".activity").inner_text()
    assert "Вы созвали сессию «Сессия СКБ в Минске»." in actions
    assert "Вы вошли в систему." in actions
    assert "council.session.create" not in page.content()
    assert english_on_page(page, NAMES) == []
    screenshot(page, "queues-officer-dashboard")

    page.click(f"section.work-queue >> text={organization['draft'].symbol}")
    page.wait_for_url(f"**{organization['draft'].get_absolute_url()}")

    page.goto(f"{live_server.url}/council/documents/")
    page.click("th >> text=Наименование")
    page.wait_for_url(re.compile(r"sort=title"))
    assert "Наименование" in page.locator("th[aria-sort=ascending]").text_content()
    titles = page.locator("#document-table tbody tr td:nth-child(2)").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    page.click("th >> text=Наименование")
    page.wait_for_url(re.compile(r"sort=-title"))
    assert page.locator("th[aria-sort=descending]").count() == 1
    assert page.locator("#document-table tbody tr td:nth-child(2)").all_inner_texts() == \
        sorted(titles, key=str.casefold, reverse=True)

    page.fill("input[name=q]", "афганском")
    page.wait_for_function(
        "() => document.querySelectorAll('#document-table tbody tr').length === 1")
    assert organization["draft"].symbol in page.locator("#document-table").inner_text()
    assert "q=" in page.url and "sort=-title" in page.url
    assert english_on_page(page, NAMES) == []
    screenshot(page, "queues-documents-sorted-and-searched")

    page.goto(f"{live_server.url}/council/instructions/")
    every = page.locator("#instruction-table tbody tr").count()
    page.click("details[data-filter=due] summary")
    page.check("input[name=due][value=overdue]")
    page.wait_for_url(re.compile(r"due=overdue"))
    page.wait_for_load_state("networkidle")
    rows = page.locator("#instruction-table tbody tr")
    assert 0 < rows.count() <= every
    for due in page.locator("#instruction-table tbody tr td:nth-child(4)").all_inner_texts():
        day, month, year = (int(part) for part in due.strip().split("."))
        assert (year, month, day) < (today().year, today().month, today().day)
    assert english_on_page(page, NAMES) == []
    assert page.concord_errors == []


def test_the_tajik_delegate_starts_from_what_awaits_their_state(live_server, browser_page,
                                                                 organization):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    queue = _queue(page)
    assert "Проекты, ожидающие позиции вашего государства" in queue
    assert organization["draft"].symbol in queue
    assert "Поручения вашему государству" in queue
    assert "Представить сведения о подготовке к учениям" in queue
    assert "Направить список подразделений" in queue
    assert "Проекты, ожидающие позиций" not in queue  # the secretariat's queue is not theirs
    assert "Вы вошли в систему." in page.locator(".activity").inner_text()
    assert english_on_page(page, NAMES) == []
    screenshot(page, "queues-delegate-dashboard")

    page.click("section.work-queue >> text=Все поручения вашему государству")
    page.wait_for_url(re.compile(r"mine=1"))
    assert page.locator("input[name=mine]").is_checked()
    assert page.locator("#instruction-table tbody tr").count() > 0
    assert english_on_page(page, NAMES) == []
    assert page.concord_errors == []


def test_the_analyst_starts_from_the_active_alerts(live_server, browser_page, organization):
    secretariat = Party.objects.get(code="SEC")
    for n in range(4):
        incident(secretariat, occurred_on=today() - timedelta(days=n),
                 external_id=f"queue-walk-{n}")
    indicator = monitoring.indicator_define(
        actor=SYSTEM, originator=secretariat,
        name_ru="Наркотики на таджикско-афганской границе",
        name_en="Drugs on the Tajik-Afghan border", category="drug_trafficking", window_days=7,
        orange=2, red=10)
    alert = monitoring.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=today())
    assert alert is not None
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)

    queue = _queue(page)
    assert "Действующие оповещения" in queue
    assert "Наркотики на таджикско-афганской границе" in queue
    assert "Ваши последние импорты" in queue
    assert "Вы подключили второй фактор входа." in page.locator(".activity").inner_text()
    assert english_on_page(page, NAMES) == []
    screenshot(page, "queues-analyst-dashboard")

    page.click("section.work-queue >> text=Наркотики на таджикско-афганской границе")
    page.wait_for_url(f"**{alert.get_absolute_url()}")
    assert page.concord_errors == []
