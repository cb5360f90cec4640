"""The fair-share proposal walked in Russian: the officer opens Tajikistan's 2013 request, reads
who is asked for what and why, and proposes again; Russia's delegate amends its part."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.demo.steps import load_all
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Военно-техническая помощь Пограничным войскам ГКНБ Республики Таджикистан"
# What the data itself holds: the request's reference and the exchange formats' names.
DATA_WORDS = frozenset({"EDXL-RM", "HXL", "CSV", "XLSX", "TJ"})


def _clean(page: Any) -> None:
    assert english_on_page(page, DATA_WORDS) == []
    assert page.concord_errors == []


def _open_proposal(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/assistance/")
    page.locator("tr").filter(has_text=TITLE).get_by_role("link").first.click()
    page.wait_for_url(re.compile(r".*/assistance/requests/[0-9a-f-]{36}/$"))
    page.get_by_role("link", name="Предложение о справедливом распределении").click()
    page.wait_for_url(re.compile(r".*/assistance/requests/[0-9a-f-]{36}/allocation/$"))


def test_it_shows_the_officer_who_is_asked_for_what_and_proposes_again(live_server,
                                                                      browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    _open_proposal(page, live_server)

    main = page.locator("main")
    assert "Кого о чём просят" in main.inner_text()
    armenia = page.locator(".allocation-state[data-state=AM]")
    assert "не заявило возможностей" in armenia.inner_text()
    belarus = page.locator(".allocation-state[data-state=BY]")
    assert "передаёт всё заявленное" in belarus.inner_text()
    assert re.search(r"Позиция 6: не покрыто \d+ из \d+\.", main.inner_text())
    _clean(page)

    page.get_by_label("Ключ распределения бремени").select_option(label="Доли в бюджете ОДКБ (условные)")
    page.get_by_role("button", name="Рассчитать заново").click()

    assert "Предложение составлено по ключу" in page.locator(".alert").first.inner_text()
    assert page.locator(".allocation-table tbody tr").count() == 6
    _clean(page)


def test_it_lets_russias_delegate_amend_its_part(live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "delegate.ru", enrol=True)
    _open_proposal(page, live_server)
    answer = page.locator(".allocation-answer").filter(has_text="Позиция 1 ")
    assert "предложено 300" in answer.inner_text()
    _clean(page)

    answer.get_by_label("Ответ").select_option(label="Изменить")
    answer.get_by_label("Изменено на").fill("250")
    answer.get_by_role("button", name="Отправить ответ").click()

    assert "Ваш ответ по позиции 1 записан: Изменено." in page.locator(".alert").first.inner_text()
    row = page.locator(".allocation-table tbody tr").first
    assert "Изменено: 250" in row.inner_text()
    _clean(page)
