"""The forces' corrections walked in Russian in a real browser: the Joint Staff officer corrects
an exercise's phase, removes an objective and corrects a participation, finds the evaluated
exercise closed with the reason given, and records a deployment step told that the strength is
the contributing state's to report; the Tajik delegate corrects its contribution's period and
gives the strength at a step; the public reads the forces' pages without signing in."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.accounts.models import User
from concord.demo.exercises import load_exercises
from concord.demo.forces import load_forces
from concord.demo.organization import load
from concord.forces.models import Contribution, ContributionStatus
from concord.forces.tests.exercise_factories import held
from concord.registry.models import MemberState
from tests.browsing import PASSWORD, english_on_page, non_iso_dates, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# File formats and the map's source keep their own names.
DATA_WORDS = frozenset({"DOCX", "PDF", "CSV", "XLSX", "iCalendar", "Natural", "Earth"})


def _clean(page: Any) -> None:
    assert english_on_page(page, DATA_WORDS) == []
    assert non_iso_dates(page) == []
    assert page.concord_errors == []


@pytest.fixture
def demo() -> dict[str, Any]:
    load(password=PASSWORD)
    load_forces()
    load_exercises()
    staff = User.objects.get(username="staff")
    states = {state.iso_alpha2: state for state in MemberState.objects.all()}
    search = held(staff, states, series_ru="Поиск", series_en="Search", year=2014)
    tajik = (Contribution.objects.visible_to(User.objects.get(username="delegate.tj"))
             .filter(state__iso_alpha2="TJ")
             .exclude(status=ContributionStatus.RELEASED).order_by("pk").first())
    return {"search": search, "tajik": tajik}


def test_the_joint_staff_corrects_an_exercise_until_it_is_evaluated(live_server, browser_page,
                                                                    demo):
    page = browser_page
    sign_in(page, live_server, "staff", enrol=True)
    exercise = demo["search"].exercise
    page.goto(f"{live_server.url}{exercise.get_absolute_url()}")
    page.locator("ol.exercise-phases li", has_text="Планирование").get_by_role(
        "link", name="Изменить").click()
    page.fill("input[name=name_ru]", "Планирование и развёртывание")
    page.fill("input[name=ends_on]", "2014-09-03")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Этап сохранён.")
    assert "Планирование и развёртывание: 2014-09-01 — 2014-09-03" in page.inner_text(
        "ol.exercise-phases")

    page.locator("ol.exercise-objectives li", has_text="Управлять группировкой").get_by_role(
        "button", name="Исключить").click()
    page.wait_for_selector("text=Цель удалена.")
    assert "Управлять группировкой" not in page.inner_text("ol.exercise-objectives")

    page.locator("tr", has_text="15-я бригада").get_by_role("link", name="Изменить").click()
    page.fill("input[name=personnel]", "1450")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Участник сохранён.")
    assert "1450" in page.locator("tr", has_text="15-я бригада").inner_text()
    screenshot(page, "exercise-corrected")
    _clean(page)

    page.goto(f"{live_server.url}/forces/exercises/")
    page.get_by_role("link", name="Взаимодействие-2013").click()
    page.wait_for_selector("#exercise-closed")
    assert "больше не изменяются" in page.inner_text("#exercise-closed")
    assert page.locator("ol.exercise-phases").get_by_role("link", name="Изменить").count() == 0
    _clean(page)


def test_the_staff_records_the_step_and_the_state_reports_its_strength(live_server,
                                                                       browser_page, demo):
    page = browser_page
    contribution = demo["tajik"]
    sign_in(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}{contribution.get_absolute_url()}")
    page.get_by_role("link", name="Изменить срок").click()
    page.fill("input[name=period_to]", "2030-12-31")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Вклад сохранён.")
    assert re.search(r"— 2030-12-31|31\.12\.2030", page.inner_text("main"))
    page.get_by_role("link", name="Внести следующий этап").click()
    assert page.locator("input[name=personnel_on_hand]").is_visible()
    assert "как государство" in page.inner_text("#form-lead")
    _clean(page)


def test_the_joint_staff_is_told_the_strength_is_the_states_to_report(live_server,
                                                                       browser_page, demo):
    page = browser_page
    sign_in(page, live_server, "staff", enrol=True)
    page.goto(f"{live_server.url}{demo['tajik'].get_absolute_url()}")
    page.get_by_role("link", name="Внести следующий этап").click()
    assert page.locator("input[name=personnel_on_hand]").count() == 0
    assert "сообщает делегация" in page.inner_text("#form-lead")
    _clean(page)


def test_the_public_reads_the_forces_without_signing_in(live_server, browser_page, demo):
    page = browser_page
    for address in ("/forces/exercises/", "/forces/", "/forces/units/", "/forces/readiness/"):
        page.goto(f"{live_server.url}{address}")
        assert "/accounts/" not in page.url, address
        _clean(page)
    page.wait_for_selector("canvas[data-readiness-chart]", state="attached")
