"""Signed-out readers on the crisis pages: the PUBLIC cases, and of their logs the published
entries only; nothing of the crisis centre's own work, and nothing of other cases."""

from __future__ import annotations

import pytest

from concord.core.labels import Classification
from concord.crisis.models import LogEntry
from concord.crisis.services import cases as case_services
from concord.crisis.services import log as log_services
from concord.crisis.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def public_case(personas):
    case = factories.case(personas, title="Сель в Варзобе", classification=Classification.PUBLIC)
    case_services.duty_assign(actor=personas.officer, case=case, person=personas.analyst,
                              position="Старший смены", shift_start=case.opened_at)
    released = log_services.log_add(actor=personas.officer, case=case,
                                    text="Спасатели прибыли в Варзоб",
                                    classification=Classification.PUBLIC)
    log_services.log_add(actor=personas.officer, case=case, text="Черновик сводки",
                         classification=Classification.PUBLIC)
    secret = log_services.log_add(actor=personas.officer, case=case, text="Маршрут колонны",
                                  classification=Classification.SECRET)
    # The press stream publishes its entries; here two are marked as it would mark them.
    LogEntry.objects.unscoped(reason="test").filter(pk__in=[released.pk, secret.pk]).update(
        published=True)
    return case


def test_it_lists_the_public_cases_to_a_signed_out_reader_and_no_other(client, personas,
                                                                       public_case):
    hidden = factories.case(personas, title="Закрытый случай")

    page = client.get("/crisis/").content.decode()

    assert "Сель в Варзобе" in page
    assert hidden.title not in page


def test_it_shows_a_signed_out_reader_only_the_published_entries_and_a_bare_count(
        client, public_case):
    answer = client.get(public_case.get_absolute_url())
    page = answer.content.decode()

    assert answer.status_code == 200
    assert "Спасатели прибыли в Варзоб" in page
    assert "Черновик сводки" not in page
    assert "Маршрут колонны" not in page
    assert "1 entry withheld" in page
    assert "Старший смены" not in page
    assert "analyst" not in page


def test_it_answers_a_signed_out_reader_the_same_for_a_hidden_case_and_a_missing_one(
        client, personas):
    hidden = factories.case(personas, title="Закрытый случай")

    hidden_answer = client.get(hidden.get_absolute_url())
    missing = client.get("/crisis/00000000-0000-4000-8000-000000000000/")

    assert hidden_answer.status_code == missing.status_code == 404
    assert "Закрытый случай" not in hidden_answer.content.decode()


def test_it_keeps_the_timeline_of_a_public_case_to_its_published_entries(client, public_case):
    page = client.get(f"{public_case.get_absolute_url()}timeline/").content.decode()

    assert "Спасатели прибыли в Варзоб" in page
    assert "Черновик сводки" not in page


def test_it_sends_a_signed_out_reader_to_sign_in_for_the_work_pages(client, public_case):
    for part in ("tasks/", "review/", "log.csv"):
        answer = client.get(f"{public_case.get_absolute_url()}{part}")
        assert answer.status_code == 302
        assert "/login" in answer["Location"] or "sign" in answer["Location"]


def test_it_gives_a_signed_out_api_caller_the_published_entries_and_no_names_of_the_team(
        client, public_case):
    api = f"/api/v1/crisis/cases/{public_case.public_id}"

    texts = [entry["what"] for entry in client.get(f"{api}/log").json()["entries"]]
    assert texts == ["Спасатели прибыли в Варзоб"]
    assert client.get(f"{api}/tasks").status_code == 401
