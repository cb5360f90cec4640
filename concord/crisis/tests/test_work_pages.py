"""The case's work from its page: the duty team, tasks and facilities, and the Council's
decision sought from the case."""

from __future__ import annotations

import pytest

from concord.council.models import Document, SilenceProcedure
from concord.crisis.models import Case, DutyPosition, Facility, LogEntry, Task
from concord.crisis.tests import factories
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    # These tests read the English wording; the Russian pages are walked in the browser.
    client.cookies["django_language"] = "en"


def _log(case: Case) -> list[str]:
    return [e.what for e in LogEntry.objects.unscoped(reason="test").filter(case=case)]


def _url(case: Case, part: str) -> str:
    return f"{case.get_absolute_url()}{part}/"


def test_it_assigns_a_duty_position_from_the_form_and_logs_it(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "duty"), {
        "position": "Дежурный по центру", "person": personas.analyst.username,
        "shift_start": "2024-06-06 08:00", "shift_end": "2024-06-06 20:00"})

    assert answer.status_code == 302
    duty = DutyPosition.objects.get(case=case)
    assert (duty.position, duty.person) == ("Дежурный по центру", personas.analyst)
    assert any("Дежурный по центру" in what for what in _log(case))
    assert "Дежурный по центру" in client.get(case.get_absolute_url()).content.decode()


def test_it_names_the_shift_end_before_its_start_and_assigns_nobody(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "duty"), {
        "position": "Дежурный", "person": personas.analyst.username,
        "shift_start": "2024-06-06 20:00", "shift_end": "2024-06-06 08:00"})

    assert answer.status_code == 400
    assert answer.context["form"].errors["shift_end"] == ["The shift must end after it starts."]
    assert not DutyPosition.objects.filter(case=case).exists()


def test_it_refuses_a_duty_officer_who_may_not_read_the_case_naming_the_person(
        client, personas):
    case = factories.case(personas, release_to_all_members=False)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "duty"), {
        "position": "Связь", "person": personas.delegate_a.username,
        "shift_start": "2024-06-06 08:00"})

    assert answer.status_code == 400
    assert "may not read this case" in answer.context["form"].errors["person"][0]


def test_it_sets_a_task_and_marks_it_done_from_the_case_page(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    client.post(_url(case, "tasks"), {"title": "Охранять аэропорт", "contingent": "TJ",
                                      "deadline": "2024-06-07 12:00"})
    task = Task.objects.get(case=case)
    client.post(f"{case.get_absolute_url()}tasks/{task.pk}/status/", {"status": "done"})

    task.refresh_from_db()
    assert (task.title, task.contingent, task.status) == ("Охранять аэропорт", personas.state_b,
                                                         Task.Status.DONE)
    assert any(what.endswith("Охранять аэропорт: Done") for what in _log(case))


def test_it_names_an_unknown_contingent_and_sets_no_task(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "tasks"), {"title": "Охрана", "contingent": "ZZ"})

    assert answer.status_code == 400
    assert "contingent" in answer.context["form"].errors
    assert not Task.objects.filter(case=case).exists()


def test_it_takes_a_facility_under_protection_and_hands_it_back(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    client.post(_url(case, "facilities"), {"name": "ТЭЦ-2", "contingent": "RU",
                                           "status": "assigned", "latitude": "43.2",
                                           "longitude": "76.9"})
    facility = Facility.objects.get(case=case)
    status_url = f"{case.get_absolute_url()}facilities/{facility.pk}/status/"
    client.post(status_url, {"status": "guarded"})
    client.post(status_url, {"status": "handed_back"})

    facility.refresh_from_db()
    assert facility.status == Facility.Status.HANDED_BACK
    whats = " | ".join(_log(case))
    for told in ("ТЭЦ-2 (RU)", "ТЭЦ-2: Under protection", "ТЭЦ-2: Handed back"):
        assert told in whats


def test_it_names_a_facility_without_a_name_and_adds_nothing(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "facilities"), {"name": "", "contingent": "RU",
                                                    "status": "assigned"})

    assert answer.status_code == 400
    assert "name" in answer.context["form"].errors
    assert not Facility.objects.filter(case=case).exists()


def test_it_refuses_the_work_forms_to_a_delegate(client, personas):
    case = factories.case(personas)
    client.force_login(personas.delegate_b)

    assert client.get(_url(case, "tasks")).status_code == 403
    assert client.post(_url(case, "facilities"), {"name": "x"}).status_code == 403


def test_it_convenes_an_extraordinary_session_from_the_case_page(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "convene"), {"body": org.csc.code,
                                                 "starts_on": "2024-06-07"})

    assert answer.status_code == 302
    case.refresh_from_db()
    assert case.phase == Case.Phase.CONSULTATION
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Extraordinary" in page or "extraordinary" in page.lower()


def test_it_circulates_a_draft_decision_under_silence_for_hours_and_links_it(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "silence"), {
        "body": org.csc.code, "title_ru": "О направлении контингентов",
        "text_ru": "Направить коллективные силы.", "hours": "6"})

    assert answer.status_code == 302
    silence = SilenceProcedure.objects.get()
    hours = (silence.deadline - silence.started_at).total_seconds() / 3600
    assert round(hours) == 6
    assert silence.document.status == Document.Status.CIRCULATING
    page = client.get(case.get_absolute_url()).content.decode()
    assert silence.document.get_absolute_url() in page
    assert any("О направлении контингентов" in what or silence.document.symbol in what
               for what in _log(case))


def test_it_names_a_silence_too_long_and_circulates_nothing(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.officer)

    answer = client.post(_url(case, "silence"), {
        "body": org.csc.code, "title_ru": "О мерах", "text_ru": "Текст", "hours": "100"})

    assert answer.status_code == 400
    assert "hours" in answer.context["form"].errors
    assert not Document.objects.unscoped(reason="test").exists()
