"""The crisis case's work in a real browser, in Russian: the analyst assigns the duty officer,
sets a task and marks it done, takes a facility under protection; the Secretariat's officer
circulates a draft decision under the silence procedure from the case; after the case closes,
the analyst writes its after-action review and carries a lesson to learned; a signed-out reader
sees a public case's published log only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from concord.accounts.models import User
from concord.core import clock
from concord.core.labels import Classification
from concord.core.models import Party
from concord.crisis.models import Case, LogEntry
from concord.crisis.services.cases import case_advance, case_open
from concord.crisis.services.log import log_add
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Паводок в долине Вахша"
DATA_WORDS = frozenset({"PDF", "DOCX", "CSV", "XLSX", "ICS-214", "EDXL-SitRep", "EDXL-DE"})


def _clean(page: Any) -> None:
    found = english_on_page(page, DATA_WORDS)
    assert found == [], found
    assert page.concord_errors == []


def _case(**fields: Any) -> Case:
    analyst = User.objects.get(username="analyst")
    values: dict[str, Any] = dict(
        title=TITLE, type="natural", severity="severe",
        affected_states=[Party.objects.get(code="TJ")], latitude=38.0, longitude=69.0,
        radius_km=30)
    values.update(fields)
    return case_open(actor=analyst, **values)


def _submit(page: Any, name: str) -> None:
    page.locator(".card form").get_by_role("button", name=name).click()


def _task_and_facility(page: Any) -> None:
    page.get_by_role("link", name="Поставить задачу").click()
    page.fill("input[name=title]", "Эвакуировать жителей Вахдата")
    page.select_option("select[name=contingent]", value="TJ")
    _clean(page)
    _submit(page, "Поставить задачу")
    tasks = page.locator("#case-tasks")
    tasks.get_by_role("button", name="Выполнено").click()
    assert page.locator("#case-tasks li", has_text="Эвакуировать жителей Вахдата").locator(
        ".badge").inner_text() == "Выполнено"

    page.get_by_role("link", name="Добавить объект").click()
    page.fill("input[name=name]", "Нурекская ГЭС")
    page.select_option("select[name=contingent]", value="RU")
    page.fill("input[name=latitude]", "38.37")
    page.fill("input[name=longitude]", "69.34")
    _clean(page)
    _submit(page, "Добавить объект")
    page.locator("#case-facilities").get_by_role("button", name="Взять под охрану").click()
    assert page.locator("#case-facilities li", has_text="Нурекская ГЭС").locator(
        ".badge").inner_text() == "Под охраной"


def test_the_analyst_keeps_the_cases_work_and_seeks_a_decision(live_server, browser_page):
    load(password=PASSWORD)
    case = _case()
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)
    page.goto(f"{live_server.url}{case.get_absolute_url()}")

    page.get_by_role("link", name="Назначить дежурного").click()
    page.fill("input[name=position]", "Старший оперативный дежурный")
    page.select_option("select[name=person]", value="analyst")
    page.fill("input[name=shift_start]", "2024-06-06T20:00")
    page.fill("input[name=shift_end]", "2024-06-06T08:00")
    _clean(page)
    _submit(page, "Назначить")
    assert page.get_by_text("Смена должна заканчиваться после начала.", exact=True).is_visible()
    # A refused form answers 400 on purpose; the browser reports that status, and only it.
    assert page.concord_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    page.concord_errors.clear()
    page.fill("input[name=shift_end]", "2024-06-07T08:00")
    _submit(page, "Назначить")
    assert page.get_by_text("Дежурный назначен.").is_visible()
    assert page.get_by_text("Старший оперативный дежурный").first.is_visible()

    _task_and_facility(page)

    # The Council's procedures are the Secretariat's: the crisis analyst is offered none.
    assert page.get_by_role("link", name="Открыть процедуру молчания").count() == 0
    _clean(page)
    page.context.clear_cookies()
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    page.get_by_role("link", name="Открыть процедуру молчания").click()
    page.select_option("select[name=body]", index=1)
    page.fill("input[name=title_ru]", "О направлении сил в Таджикистан")
    page.fill("textarea[name=text_ru]", "Направить Коллективные силы оперативного реагирования.")
    page.fill("input[name=hours]", "100")
    _clean(page)
    _submit(page, "Разослать проект")
    assert page.get_by_text("От 1 до 72 часов", exact=False).first.is_visible() or \
        page.locator("input[name=hours]:invalid").count() == 1
    page.concord_errors.clear()
    page.fill("input[name=hours]", "6")
    _submit(page, "Разослать проект")
    assert page.get_by_text("Проект решения разослан по процедуре молчания.").is_visible()
    assert page.locator("#case-council-records", has_text="О направлении сил").is_visible()
    assert page.locator("#case-phase").inner_text() == "Консультации"
    assert page.get_by_text("Эвакуировать жителей Вахдата").first.is_visible()
    _clean(page)


def test_the_analyst_reviews_a_closed_case_and_carries_a_lesson(live_server, browser_page):
    load(password=PASSWORD)
    case = _case()
    case_advance(actor=User.objects.get(username="analyst"), case=case,
                 to_phase=Case.Phase.CLOSED)
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)
    page.goto(f"{live_server.url}{case.get_absolute_url()}")

    page.get_by_role("link", name="Разбор действий").click()
    _clean(page)
    page.get_by_role("link", name="Составить разбор").click()
    page.fill("textarea[name=went_as_planned]", "Эвакуация завершена за сутки")
    page.fill("textarea[name=went_otherwise]", "Связь с Нуреком терялась")
    _submit(page, "Сохранить разбор")
    assert page.get_by_text("Эвакуация завершена за сутки").is_visible()

    page.get_by_role("link", name="Записать наблюдение").click()
    page.fill("textarea[name=observation]", "Радиостанции не работали в ущелье")
    _submit(page, "Записать наблюдение")
    page.get_by_role("link", name="Сформулировать урок").click()
    page.fill("textarea[name=text]", "Нужна спутниковая связь")
    _submit(page, "Сформулировать урок")
    page.get_by_role("link", name="Назначить меру").click()
    page.fill("textarea[name=action]", "Закупить спутниковые терминалы")
    page.select_option("select[name=addressee]", value="TJ")
    page.fill("input[name=due_on]", (clock.today() + timedelta(days=60)).isoformat())
    _clean(page)
    _submit(page, "Назначить меру")
    row = page.locator("#lessons tr", has_text="Радиостанции не работали")
    assert row.get_by_text("Корректирующая мера").is_visible()
    row.get_by_role("button", name="Урок усвоен").click()
    assert page.locator("#lessons tr", has_text="Радиостанции не работали").get_by_text(
        "Урок усвоен").first.is_visible()
    _clean(page)

    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    assert page.get_by_text("Урок усвоен: № 1: Нужна спутниковая связь").is_visible()


def test_a_signed_out_reader_sees_a_public_cases_published_log_only(live_server, browser_page):
    load(password=PASSWORD)
    case = _case(classification=Classification.PUBLIC)
    analyst = User.objects.get(username="analyst")
    told = log_add(actor=analyst, case=case, text="Спасатели прибыли в Вахдат",
                   classification=Classification.PUBLIC)
    log_add(actor=analyst, case=case, text="Черновик сводки для Совета",
            classification=Classification.PUBLIC)
    # The press stream publishes its entries; here one is marked as it would mark it.
    LogEntry.objects.unscoped(reason="test").filter(pk=told.pk).update(published=True)
    page = browser_page

    page.goto(f"{live_server.url}/crisis/")
    page.get_by_role("link", name=TITLE).click()

    assert page.get_by_text("Спасатели прибыли в Вахдат").is_visible()
    assert page.get_by_text("Черновик сводки для Совета").count() == 0
    assert page.get_by_text("Дежурная смена").count() == 0
    _clean(page)
