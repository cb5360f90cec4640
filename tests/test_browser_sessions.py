"""A session prepared in Russian, in the browser: the officer convenes it, adds every member
state, reorders and edits the agenda, attaches a document to an item, takes it through the
positions and the consensus rule to adoption, and records an instruction;
the delegate of Tajikistan reports progress on it; the officer reads the implementation report
to the next session with its summary and the progress reported since it was drafted."""

from __future__ import annotations

import re

import pytest

from concord.demo.organization import load
from tests.browsing import (
    PASSWORD,
    PHONE,
    english_on_page,
    screenshot,
    sideways_scroll,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page) -> None:
    assert english_on_page(page) == []
    assert page.concord_errors == []


def _save(page) -> None:
    page.locator("main form button[type=submit]").last.click()


def _convene(page, live_server, *, title: str, place: str, day: str) -> str:
    page.goto(f"{live_server.url}/council/sessions/new/")
    page.select_option("select[name=body]", "CSC")
    page.fill("input[name=title_ru]", title)
    page.fill("input[name=title_en]", "Session of the Council")
    page.fill("input[name=place_ru]", place)
    page.fill("input[name=place_en]", "Minsk")
    page.fill("input[name=starts_on]", day)
    _checked(page)
    _save(page)
    page.wait_for_url(re.compile(r".*/council/sessions/[0-9a-f-]{36}/$"))
    return page.url


def _agenda_titles(page) -> list[str]:
    return [re.sub(r"\s+", " ", text).strip()
            for text in page.locator(".agenda-item > div:first-child > div:first-child")
            .all_inner_texts()]


def _concur(page, code: str) -> None:
    page.select_option(f"#position-{code}-stance", "concurs")
    with page.expect_response(lambda response: response.url.endswith("/positions/")):
        page.click(f"#position-{code}-submit")
    # htmx swaps the board once the answer has settled.
    page.wait_for_function(
        "code => document.querySelector(`#position-${code}-stance`)?.closest('tr')"
        "?.querySelector('.position-recorded') !== null", arg=code)


def _adopt(page, document_url: str) -> None:
    """Every participating delegation concurs on the board, the consensus rule is previewed and
    the adoption recorded, all through the document's page."""
    page.goto(document_url)
    stances = page.locator("#position-board select[name=stance]")
    codes = [re.sub(r"^position-([A-Z]{2})-stance$", r"\1", stances.nth(i).get_attribute("id"))
             for i in range(stances.count())]
    assert "TJ" in codes
    for code in codes:
        _concur(page, code)
    _checked(page)
    page.get_by_role("link", name="Применить правило консенсуса").click()
    page.wait_for_url(re.compile(r".*/decide/$"))
    assert "Принят консенсусом" in page.locator(".alert-success").inner_text()
    _checked(page)
    page.get_by_role("button", name="Записать принятие").click()
    page.wait_for_url(document_url)
    assert "Принят" in page.locator("dl").first.inner_text()
    _checked(page)


def _participants_and_agenda(page, session_url: str) -> None:
    page.get_by_role("button", name="Добавить все государства-члены").click()
    assert page.locator(".alert").filter(has_text="Добавлено").count() == 1
    participants = page.locator(".participant-list li strong").all_inner_texts()
    assert "Таджикистан" in participants and len(participants) >= 5

    for title in ("О военно-техническом сотрудничестве", "О положении в Афганистане"):
        page.goto(session_url)
        page.get_by_role("link", name="Добавить вопрос").click()
        page.fill("input[name=title_ru]", title)
        page.fill("input[name=title_en]", "An item")
        _checked(page)
        _save(page)
        page.wait_for_url(session_url)
    page.get_by_role("button", name="Переместить вопрос 2 выше").click()
    page.wait_for_url(re.compile(re.escape(session_url) + "#agenda$"))
    assert _agenda_titles(page) == ["1. О положении в Афганистане",
                                    "2. О военно-техническом сотрудничестве"]
    page.get_by_role("link", name="Изменить вопрос 2").click()
    page.fill("input[name=title_ru]", "О военном сотрудничестве")
    _checked(page)
    _save(page)
    page.wait_for_url(session_url)
    assert _agenda_titles(page)[1] == "2. О военном сотрудничестве"
    _checked(page)


def _document_under_the_first_item(page, session_url: str) -> str:
    page.goto(session_url)
    page.locator(".agenda-item").first.get_by_role("link",
                                                   name="Новый документ по этому вопросу").click()
    assert page.locator("select[name=agenda_item] option:checked").inner_text() == \
        "1. О положении в Афганистане"
    assert page.locator("select[name=agenda_item] option").all_inner_texts()[1:] == [
        "1. О положении в Афганистане", "2. О военном сотрудничестве"]
    page.select_option("select[name=doc_type]", "decision")
    page.fill("input[name=title_ru]", "О помощи Афганистану")
    page.fill("input[name=title_en]", "On assistance to Afghanistan")
    page.fill("textarea[name=text_ru]", "Совет коллективной безопасности решил оказать помощь.")
    _checked(page)
    _save(page)
    page.wait_for_url(re.compile(r".*/council/documents/[0-9a-f-]{36}/$"))
    document_url = page.url
    assert "О положении в Афганистане" in page.locator("#agenda-item").inner_text()
    page.goto(session_url)
    first_item = page.locator(".agenda-item").first
    assert first_item.locator("a", has_text="CSC/2027/").count() == 1
    _checked(page)
    page.set_viewport_size(PHONE)
    assert sideways_scroll(page) == 0
    page.set_viewport_size({"width": 1366, "height": 900})
    return document_url


def _instruction_to_tajikistan(page, document_url: str) -> None:
    _adopt(page, document_url)
    page.get_by_role("link", name="Новое поручение").click()
    page.fill("textarea[name=text_ru]", "Доложить о мерах по укреплению границы")
    page.fill("textarea[name=text_en]", "Report on the measures at the border")
    page.select_option("select[name=addressee_kind]", "state")
    page.select_option("select[name=addressee_state]", "TJ")
    page.fill("input[name=deadline_on]", "2027-10-01")
    _checked(page)
    _save(page)
    page.wait_for_url(document_url)


def _progress_from_tajikistan(page, live_server) -> None:
    # The delegate works in a browser of their own while the officer's stays signed in.
    delegate = page.context.browser.new_page(viewport={"width": 1366, "height": 900},
                                             locale="ru-RU")
    delegate.concord_errors = []
    delegate.on("pageerror", lambda e: delegate.concord_errors.append(str(e)))
    sign_in(delegate, live_server, "delegate.tj")
    delegate.goto(f"{live_server.url}/council/instructions/")
    delegate.locator("main a", has_text=re.compile(r"^\s*CSC/2027/\d+/1\s*$")).first.click()
    delegate.select_option("select[name=status]", "in_progress")
    delegate.fill("textarea[name=text]", "Погранотряды усилены, работа продолжается.")
    _checked(delegate)
    _save(delegate)
    assert delegate.locator(".alert").filter(has_text="Доклад зарегистрирован").count() == 1
    delegate.close()


def test_it_prepares_a_session_and_reports_on_it_to_the_next(live_server, browser_page):
    load(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    session_url = _convene(page, live_server, title="Сессия Совета в Минске", place="Минск",
                           day="2027-05-20")
    _participants_and_agenda(page, session_url)
    document_url = _document_under_the_first_item(page, session_url)
    _instruction_to_tajikistan(page, document_url)

    next_url = _convene(page, live_server, title="Сессия Совета в Москве", place="Москва",
                        day="2027-11-25")
    page.get_by_role("button", name="Подготовить проект доклада о ходе выполнения решений").click()
    page.wait_for_url(re.compile(r".*/council/reports/[0-9a-f-]{36}/$"))
    report_url = page.url
    assert "Доклад к сессии органа «Совет коллективной безопасности»" in \
        page.locator("main").inner_text()
    assert "Таджикистан" in page.locator("main table").last.inner_text()
    next_path = next_url.removeprefix(live_server.url)
    assert page.locator(f"main p.lead a[href='{next_path}']").inner_text() == \
        "Сессия Совета в Москве"

    _progress_from_tajikistan(page, live_server)
    page.goto(report_url)
    summary = page.locator("#report-summary").inner_text()
    assert re.search(r"Сегодня.*\t1\t0\t1\t0", summary)
    assert "Погранотряды усилены, работа продолжается." in page.locator("#later-reports").inner_text()
    screenshot(page, "sessions-implementation-report")
    _checked(page)
