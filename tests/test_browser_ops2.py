"""Recording a joint operation and correcting a figure, walked in Russian: the secretariat's
officer records an operation and its first stage with the agency taking part; Tajikistan's
delegate reports a seizure for the stage, corrects it, reads the earlier value in the figure's
history and sees the operation's totals follow the correction."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.core.actors import SYSTEM
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.forces.services.operations import substances_seed
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _clean(page: Any) -> None:
    assert english_on_page(page) == []
    assert page.concord_errors == []


def _by_stage(page: Any) -> str:
    return str(page.locator("table.operation-totals").first.inner_text()).replace("\xa0", " ")


def test_it_records_an_operation_and_follows_a_corrected_figure_into_the_totals(
        live_server, browser_page):
    load(password=PASSWORD)
    load_council()
    substances_seed(actor=SYSTEM)
    page = browser_page
    operation_url = _record(page, live_server)
    result_url = _report(page, live_server, operation_url)
    _correct(page, operation_url, result_url)


def _record(page: Any, live_server: Any) -> str:
    """The officer records the operation and its first stage."""
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}/forces/operations/")
    page.get_by_role("link", name="Новая операция").click()
    page.wait_for_url(re.compile(r".*/forces/operations/new/$"))
    page.fill("#id_code", "zaslon")
    page.fill("#id_name_ru", "Заслон")
    page.fill("#id_name_en", "Barrier")
    page.select_option("#id_kind", "drugs")
    page.fill("#id_year", "2015")
    _clean(page)
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r".*/forces/operations/[0-9a-f-]{36}/$"))
    assert "Совместная операция зарегистрирована" in page.locator("main").inner_text()
    assert "2015" in page.locator("main dl").inner_text()
    operation_url = page.url
    _clean(page)

    # Its first stage, with a date the wrong way round first.
    page.get_by_role("link", name="Добавить этап").click()
    assert page.input_value("#id_number") == "1"
    page.fill("#id_name_ru", "Заслон — 2015")
    page.fill("#id_starts_on", "2015-06-07")
    page.fill("#id_ends_on", "2015-06-01")
    page.fill("#id_subregion_ru", "Таджикско-афганская граница")
    page.fill("#id_headquarters_ru", "Душанбе")
    page.fill("#id_agencies", "TJ; Агентство по контролю за наркотиками; Drug Control Agency")
    page.get_by_role("button", name="Сохранить").click()
    assert "Этап заканчивается раньше, чем начинается" in page.locator("main").inner_text()
    assert [e for e in page.concord_errors if "400" not in e] == []
    page.concord_errors.clear()
    assert english_on_page(page) == []
    page.fill("#id_starts_on", "2015-06-01")
    page.fill("#id_ends_on", "2015-06-07")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(operation_url)
    stages = page.locator("table.operation-stages").inner_text()
    assert "Заслон — 2015" in stages and "Агентство по контролю за наркотиками" in stages
    assert "2015-06-01" in stages and "Душанбе" in stages
    _clean(page)
    return operation_url


def _report(page: Any, live_server: Any, operation_url: str) -> str:
    """Tajikistan's delegate reports a seizure for the stage."""
    page.context.clear_cookies()
    sign_in(page, live_server, "delegate.tj")
    page.goto(operation_url)
    page.get_by_role("link", name="Сообщить показатель").click()
    page.select_option("#id_stage", "1")
    page.select_option("#id_measure", "seizure")
    page.select_option("#id_substance", "heroin")
    page.fill("#id_quantity", "100")
    page.select_option("#id_unit", "kg")
    _clean(page)
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r".*/forces/operations/results/[0-9a-f-]{36}/$"))
    result_url = page.url
    assert "Показатель учтён" in page.locator("main").inner_text()
    assert "100" in page.locator("#result-quantity").inner_text()
    assert "Показатель не исправлялся" in page.locator("table.result-history").inner_text()
    _clean(page)

    page.goto(operation_url)
    assert "100" in _by_stage(page) and "120" not in _by_stage(page)
    _clean(page)
    return result_url


def _correct(page: Any, operation_url: str, result_url: str) -> None:
    """The state corrects it: the earlier value stays in the figure's history, and the totals
    sum the corrected figure, not both."""
    page.goto(result_url)
    page.fill("#id_quantity", "120")
    page.fill("#id_reason", "Повторное взвешивание")
    page.get_by_role("button", name="Исправить").click()
    page.wait_for_url(result_url)
    assert "Показатель исправлен" in page.locator("main").inner_text()
    assert "120" in page.locator("#result-quantity").inner_text()
    history = page.locator("table.result-history").inner_text()
    assert "100" in history and "Повторное взвешивание" in history
    screenshot(page, "ops2-corrected")
    _clean(page)
    page.goto(operation_url)
    by_stage = _by_stage(page)
    assert "120" in by_stage and "100" not in by_stage and "220" not in by_stage
    _clean(page)
