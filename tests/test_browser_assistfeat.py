"""The edit page of a submitted request, in Russian: Tajikistan's delegate renames the request,
adds a phase, moves a line to it with a larger quantity, is told a phase with lines cannot go,
removes a line and then the emptied phase, and narrows the request's label to the parties
named in it; on a phone the page does not scroll sideways."""

from __future__ import annotations

from datetime import date

import pytest

from concord.assistance.models import AssistanceRequest, RequestLine, RequestPhase
from concord.assistance.services import requests
from concord.core.actors import SYSTEM
from concord.demo.organization import load
from concord.registry.models import MemberState
from tests.browsing import PASSWORD, PHONE, english_on_page, sideways_scroll, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def submitted(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    record = requests.request_create(
        actor=SYSTEM, requesting_state=MemberState.objects.get(iso_alpha2="TJ"),
        title_ru="Средства связи для застав", beneficiary_ru="Пограничные войска ГКНБ",
        kind="military_technical",
        phases=[dict(title_ru="Первая очередь", due_on=date(2031, 3, 31))],
        lines=[dict(category="communications", description_ru="Радиостанции УКВ",
                    quantity=120, unit="pieces", phase=1),
               dict(category="optics", description_ru="Бинокли", quantity=40, unit="pieces",
                    phase=1)])
    return requests.request_submit(actor=SYSTEM, request=record)


def _clean(page):
    assert english_on_page(page) == []
    assert page.concord_errors == []


def test_it_edits_the_phases_lines_and_label_of_a_submitted_request(browser_page, live_server,
                                                                    submitted):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}{submitted.get_absolute_url()}")
    page.locator("a[href$='/edit']").first.click()
    page.wait_for_selector("#id_title_ru")
    _clean(page)

    page.fill("#id_title_ru", "Радиосвязь для пограничных застав")
    page.get_by_role("button", name="Сохранить").first.click()
    page.wait_for_selector(".alert-success")
    assert "Радиосвязь для пограничных застав" in page.inner_text("h1")

    edit = f"{live_server.url}/assistance/requests/{submitted.public_id}/edit"
    page.goto(edit)
    page.get_by_role("link", name="Добавить этап").click()
    page.fill("#id_title_ru", "Вторая очередь")
    page.fill("#id_due_on", "2032-06-30")
    _clean(page)
    page.get_by_role("button", name="Сохранить").click()
    assert "Этап добавлен." in page.inner_text("body")
    assert "Вторая очередь" in page.inner_text("body") and "2032-06-30" in page.inner_text("body")

    page.get_by_role("link", name="Изменить строку 1").click()
    page.fill("#id_quantity", "0")
    page.get_by_role("button", name="Сохранить").click()
    assert page.locator("#id_quantity.is-invalid, #id_quantity[aria-invalid=true]").count() == 1
    # The refused form is answered 400, which the browser logs; nothing else went wrong.
    assert page.concord_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"]
    page.concord_errors.clear()
    page.fill("#id_quantity", "150")
    page.select_option("#id_phase", "2")
    _clean(page)
    page.get_by_role("button", name="Сохранить").click()
    assert "Строка сохранена." in page.inner_text("body")

    page.get_by_role("button", name="Удалить этап 1").click()
    assert "Строка 2 относится к этому этапу" in page.inner_text("body")
    page.get_by_role("button", name="Удалить строку 2").click()
    assert "Строка удалена." in page.inner_text("body")
    page.get_by_role("button", name="Удалить этап 1").click()
    assert "Этап удалён." in page.inner_text("body")
    _clean(page)

    page.uncheck("#id_release_to_all_members")
    page.get_by_role("button", name="Сохранить").first.click()
    page.wait_for_selector(".alert-success")
    _clean(page)

    record = AssistanceRequest.objects.unscoped(reason="test").get(pk=submitted.pk)
    assert record.release_to_all_members is False
    line = RequestLine.objects.get(request=record, number=1)
    assert (line.quantity, line.phase.number) == (150, 2)
    assert list(RequestPhase.objects.filter(request=record).values_list("number", flat=True)
                ) == [2]

    page.set_viewport_size(PHONE)
    page.goto(edit)
    assert sideways_scroll(page) == 0
    _clean(page)
