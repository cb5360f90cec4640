"""The Joint Staff officer's exercises in a real browser, in Russian: the seed's exercises of 2013
are found by search and opened with their timeline, map, ratings and lessons; a new exercise is
planned, given a phase and an objective, started, and an observation made in it is carried to a
remedial action with an addressee and a deadline, which the lessons list shows."""

from __future__ import annotations

from typing import Any

import pytest

from concord.demo.exercises import load_exercises
from concord.demo.forces import load_forces
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, non_iso_dates, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the data and formats themselves are called: file formats and the map's source.
DATA_WORDS = frozenset({"DOCX", "PDF", "CSV", "XLSX", "iCalendar", "Natural", "Earth"})


def _clean(page: Any) -> None:
    found = english_on_page(page, DATA_WORDS)
    assert found == [], found
    assert non_iso_dates(page) == []
    assert page.concord_errors == []


def test_the_joint_staff_plans_holds_and_learns_from_exercises(live_server, browser_page):
    load(password=PASSWORD)
    load_forces()
    load_exercises()
    page = browser_page
    sign_in(page, live_server, "staff", enrol=True)

    _the_seeds_exercises(page, live_server)
    _plan_and_start(page, live_server)
    _observation_to_remedial_action(page, live_server)


def _the_seeds_exercises(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/forces/exercises/")
    for name in ("Рубеж-2013", "Взаимодействие-2013", "Нерушимое братство-2013", "Кобальт-2013",
                 "Гром-2013"):
        assert page.get_by_role("link", name=name).is_visible()
    _clean(page)
    page.fill("input[name=q]", "Уралия")
    page.wait_for_function(
        "() => !document.querySelector('#exercise-table').textContent.includes('Гром-2013')")
    page.get_by_role("link", name="Нерушимое братство-2013").click()
    page.wait_for_selector("canvas.exercise-timeline")
    assert page.locator(".exercise-marking").inner_text() == "УЧЕНИЕ"
    assert page.locator("#exercise-status").inner_text() == "Оценено"
    assert page.get_by_text("Чебаркульский полигон").first.is_visible()
    assert page.get_by_text(
        "15-я отдельная гвардейская мотострелковая (миротворческая) бригада").is_visible()
    assert page.get_by_text("Полностью готов").first.is_visible()
    page.wait_for_selector(".exercise-map .exercise-area")
    screenshot(page, "exercise-indestructible-brotherhood")
    _clean(page)


def _plan_and_start(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/forces/exercises/")
    page.get_by_role("link", name="Запланировать учение").click()
    page.fill("input[name=series_ru]", "Поиск")
    page.fill("input[name=series_en]", "Search")
    page.fill("input[name=year]", "2014")
    page.select_option("select[name=kind]", "field")
    page.select_option("select[name=host_state]", "KG")
    page.fill("input[name=starts_on]", "2014-08-04")
    page.fill("input[name=ends_on]", "2014-08-08")
    page.fill("textarea[name=scenario_ru]", "Разведка в горах")
    _clean(page)
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Учение запланировано.")
    assert page.locator("h1").inner_text().startswith("Поиск-2014")

    page.get_by_role("link", name="Добавить этап").click()
    page.fill("input[name=name_ru]", "Практические действия")
    page.fill("input[name=starts_on]", "2014-08-10")
    page.fill("input[name=ends_on]", "2014-08-11")
    page.get_by_role("button", name="Сохранить").click()
    # A phase after the exercise's last day is refused, naming the days it must fall within.
    assert page.get_by_text("с 2014-08-04 по 2014-08-08").first.is_visible()
    # The refused form answers 400, which the browser logs; nothing else may have gone wrong.
    assert page.concord_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    page.concord_errors.clear()
    _clean(page)
    page.fill("input[name=starts_on]", "2014-08-06")
    page.fill("input[name=ends_on]", "2014-08-08")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Этап добавлен.")

    page.get_by_role("button", name="Перевести в статус «проводится»").click()
    page.wait_for_selector("text=Статус учения: «проводится».")
    assert page.locator("#exercise-status").inner_text() == "Проводится"
    _clean(page)


def _observation_to_remedial_action(page: Any, live_server: Any) -> None:
    page.get_by_role("link", name="Записать наблюдение").click()
    page.fill("textarea[name=observation_ru]", "Разведгруппы теряют связь в ущельях")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Наблюдение записано.")
    page.get_by_role("button", name="Подтвердить наблюдение").click()
    page.wait_for_selector("text=Наблюдение подтверждено.")
    page.fill("textarea[name=lesson_ru]", "Нужны ретрансляторы для горной местности")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Урок сформулирован.")
    page.fill("textarea[name=action_ru]", "Оснастить разведгруппы ретрансляторами")
    page.select_option("select[name=addressee_kind]", "state")
    page.select_option("select[name=addressee_state]", "KG")
    page.fill("input[name=due_on]", "2015-03-01")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Корректирующая мера назначена.")
    assert page.locator("#lesson-step").inner_text() == "Корректирующая мера"
    _clean(page)

    page.goto(f"{live_server.url}/forces/lessons/")
    row = page.locator("tr", has_text="Разведгруппы теряют связь")
    assert row.locator("td").nth(3).inner_text() == "2015-03-01"
    screenshot(page, "exercise-lessons")
    _clean(page)
