"""The press service in the browser, in Russian: the press officer drafts an item in both
languages and submits it; the secretariat officer approves it; a member of the public finds it
on the home page, reads it in Russian and in English, searches for it, and reads the spokesman's
contacts."""

from __future__ import annotations

import re

import pytest

from concord.demo.steps import load_all
from tests.browsing import PASSWORD, PHONE, english_on_page, sideways_scroll, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE_RU = "Брифинг пресс-секретаря по итогам заседания в Ереване"
TITLE_EN = "The spokesman's briefing after the meeting in Yerevan"


# What the data itself holds: the home page's map credits its source (Natural Earth).
DATA = frozenset({"Natural", "Earth"})


def _checked(page) -> None:
    assert english_on_page(page, DATA) == []
    assert page.concord_errors == []


def _draft(page, live_server) -> str:
    page.goto(f"{live_server.url}/press/desk/")
    page.get_by_role("link", name="Новая публикация").click()
    page.select_option("select[name=pub_type]", "news")
    page.fill("input[name=title_ru]", TITLE_RU)
    page.fill("textarea[name=lead_ru]", "Пресс-секретарь ответил на вопросы журналистов.")
    page.fill("textarea[name=body_ru]", "Брифинг прошёл в пресс-центре Секретариата.")
    page.fill("input[name=title_en]", TITLE_EN)
    page.fill("textarea[name=body_en]", "The briefing was held in the Secretariat's press centre.")
    _checked(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/press/desk/[0-9a-f-]{36}/$"))
    assert "Публикация подготовлена." in page.inner_text("body")
    assert "Черновик" in page.inner_text("main")
    return page.url


def test_it_takes_an_item_from_the_press_officer_to_the_public(browser_page, live_server):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "press")
    desk = _draft(page, live_server)
    page.get_by_role("button", name="Отправить на утверждение").click()
    page.wait_for_url(desk)
    assert "Ожидает утверждения" in page.inner_text("main")
    _checked(page)

    page.context.clear_cookies()
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(desk)
    page.get_by_role("button", name="Утвердить публикацию").click()
    page.wait_for_url(desk)
    assert "Публикация утверждена." in page.inner_text("body")
    assert "Опубликована" in page.inner_text("main")
    _checked(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/")
    news = page.locator("section.press-home")
    assert "Новости Организации" in news.inner_text()
    assert "Ближайшие сессии" in news.inner_text()
    assert "Последние открытые решения" in news.inner_text()
    _checked(page)
    news.get_by_role("link", name=TITLE_RU).click()
    page.wait_for_url(re.compile(r".*/press/\d{4}-\d{4}/ru/brifing-press-sekretaria-.*"))
    assert page.locator("h1").inner_text() == TITLE_RU
    assert page.locator("meta[property='og:title']").get_attribute("content") == TITLE_RU
    _checked(page)
    page.get_by_role("link", name="Read in English").click()
    assert page.locator("h1").inner_text() == TITLE_EN

    page.goto(f"{live_server.url}/press/search/")
    page.fill("input[name=q]", "брифинг пресс-центре")
    page.get_by_role("button", name="Поиск", exact=True).click()
    # SQLite's index finds the briefing alone; PostgreSQL's Russian dictionary also matches the
    # items that speak of the press centre. Both must find it, once.
    assert re.search(r"Найден[аоы]? \d+ публикаци", page.inner_text("main"))
    assert page.locator("main").get_by_role("link", name=TITLE_RU).count() == 1
    _checked(page)


def test_it_shows_the_public_the_sochi_release_and_the_spokesman_on_a_phone(browser_page,
                                                                            live_server):
    load_all(password=PASSWORD)
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/press/")
    page.get_by_role("link", name="Пресс-релиз").click()
    page.get_by_role("link", name=re.compile("Сессия Совета коллективной безопасности ОДКБ")).click()
    assert "Всего в ходе сессии СКБ было подписано 8 документов." in page.inner_text("main")
    assert sideways_scroll(page) == 0
    _checked(page)
    page.goto(f"{live_server.url}/press/")
    page.get_by_role("link", name="Коммюнике", exact=True).click()
    page.locator("main a[lang=ru]").first.click()
    adopted = page.locator("#source-heading").locator("xpath=..").inner_text()
    assert "CSC/COM/2013/01" in adopted
    assert "Текст выше слово в слово совпадает с принятым текстом." in adopted
    assert sideways_scroll(page) == 0
    _checked(page)
    page.goto(f"{live_server.url}/press/spokesman/")
    assert "Владимир Зайнетдинов" in page.inner_text("main")
    assert page.get_by_role("link", name="odkb-pressa@gov.ru").count() == 1
    _checked(page)
