"""The case's work through the API: duty positions, tasks, facilities under protection, and the
Council's decision sought from the case, with the pages' services, permissions and label rule."""

from __future__ import annotations

import json
from typing import Any

import pytest

from concord.council.models import Document, Session, SilenceProcedure
from concord.crisis.models import Case, DutyPosition, Facility, LogEntry, Task
from concord.crisis.tests import factories
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["django_language"] = "en"


def _api(case: Case, part: str) -> str:
    return f"/api/v1/crisis/cases/{case.public_id}/{part}"


def _post(client, url: str, body: dict[str, Any]):
    return client.post(url, json.dumps(body), content_type="application/json")


def _fields(answer) -> set[str]:
    return {error["field"] for error in answer.json()["errors"]}


def _log(case: Case) -> list[str]:
    return [e.what for e in LogEntry.objects.unscoped(reason="test").filter(case=case)]


def test_it_assigns_a_shift_and_lists_the_duty_team(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    made = _post(client, _api(case, "duty"), {
        "position": "Дежурный по центру", "person": personas.analyst.username,
        "shift_start": "2024-06-06T08:00:00Z", "shift_end": "2024-06-06T20:00:00Z"})
    listed = client.get(_api(case, "duty")).json()

    assert made.status_code == 201
    assert [(d["position"], d["person"]) for d in listed] == [
        ("Дежурный по центру", personas.analyst.username)]
    assert any("Дежурный по центру" in what for what in _log(case))


def test_it_names_an_unknown_person_and_a_shift_ending_before_it_starts(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    unknown = _post(client, _api(case, "duty"), {
        "position": "Связь", "person": "nobody", "shift_start": "2024-06-06T08:00:00Z"})
    backwards = _post(client, _api(case, "duty"), {
        "position": "Связь", "person": personas.analyst.username,
        "shift_start": "2024-06-06T20:00:00Z", "shift_end": "2024-06-06T08:00:00Z"})

    assert unknown.status_code == 422 and _fields(unknown) == {"body.person"}
    assert backwards.status_code == 422 and _fields(backwards) == {"shift_end"}
    assert not DutyPosition.objects.filter(case=case).exists()


def test_it_sets_a_task_and_marks_it_done(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    made = _post(client, _api(case, "tasks"), {
        "title": "Охранять аэропорт", "contingent": "TJ", "deadline": "2024-06-07T12:00:00Z"})
    done = _post(client, _api(case, f"tasks/{made.json()['id']}/status"), {"status": "done"})

    assert made.status_code == 201 and made.json()["contingent"] == "TJ"
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert Task.objects.get(case=case).done_at is not None
    assert any(what.endswith("Охранять аэропорт: Done") for what in _log(case))


def test_it_names_an_unknown_contingent_an_empty_title_and_a_bad_status(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    unknown = _post(client, _api(case, "tasks"), {"title": "Охрана", "contingent": "ZZ"})
    untitled = _post(client, _api(case, "tasks"), {"title": " "})
    task = _post(client, _api(case, "tasks"), {"title": "Связь"}).json()
    bad = _post(client, _api(case, f"tasks/{task['id']}/status"), {"status": "finished"})

    assert unknown.status_code == 422 and _fields(unknown) == {"body.contingent"}
    assert untitled.status_code == 422 and _fields(untitled) == {"title"}
    assert bad.status_code == 422 and _fields(bad) == {"status"}
    assert list(Task.objects.filter(case=case).values_list("title", "status")) == [
        ("Связь", Task.Status.OPEN)]


def test_it_takes_a_facility_under_protection_and_hands_it_back(client, personas):
    case = factories.case(personas)
    client.force_login(personas.officer)

    made = _post(client, _api(case, "facilities"), {
        "name": "ТЭЦ-2", "contingent": "RU", "latitude": 43.2, "longitude": 76.9})
    status = _api(case, f"facilities/{made.json()['id']}/status")
    taken = _post(client, status, {"status": "guarded"})
    back = _post(client, status, {"status": "handed_back"})
    listed = client.get(_api(case, "facilities")).json()

    assert made.status_code == 201 and made.json()["status"] == "assigned"
    assert taken.json()["status"] == "guarded" and back.json()["status"] == "handed_back"
    assert [(f["name"], f["contingent"], f["status"]) for f in listed] == [
        ("ТЭЦ-2", "RU", "handed_back")]
    whats = " | ".join(_log(case))
    assert "ТЭЦ-2: Under protection" in whats and "ТЭЦ-2: Handed back" in whats


def test_it_refuses_the_work_to_a_delegate_and_to_the_signed_out(client, personas):
    case = factories.case(personas)

    signed_out = _post(client, _api(case, "tasks"), {"title": "Охрана"})
    client.force_login(personas.delegate_b)
    refused = _post(client, _api(case, "facilities"), {"name": "ТЭЦ", "contingent": "TJ"})

    assert signed_out.status_code == 401
    assert refused.status_code == 403
    assert not Task.objects.exists() and not Facility.objects.exists()


def test_it_answers_a_withheld_case_and_its_work_as_missing_to_another_state(client, personas):
    hidden = factories.case(personas, release_to_all_members=False)
    client.force_login(personas.officer)
    task = _post(client, _api(hidden, "tasks"), {"title": "Секретная задача"}).json()
    facility = _post(client, _api(hidden, "facilities"),
                     {"name": "Секретный объект", "contingent": "TJ"}).json()
    _post(client, _api(hidden, "duty"), {"position": "Связь",
                                         "person": personas.analyst.username,
                                         "shift_start": "2024-06-06T08:00:00Z"})
    missing = factories.case(personas)
    client.force_login(personas.delegate_a)

    answers = [client.get(_api(hidden, part)) for part in ("duty", "tasks", "facilities")]
    answers.append(_post(client, _api(hidden, f"tasks/{task['id']}/status"), {"status": "done"}))
    answers.append(_post(client, _api(hidden, f"facilities/{facility['id']}/status"),
                         {"status": "guarded"}))
    # Another case's task is missing from this one.
    answers.append(_post(client, _api(missing, f"tasks/{task['id']}/status"),
                         {"status": "done"}))

    assert {answer.status_code for answer in answers} == {404}
    assert all("Секретн" not in answer.content.decode() for answer in answers)
    assert Task.objects.get(pk=task["id"]).status == Task.Status.OPEN


def test_it_convenes_an_extraordinary_session_and_names_an_unknown_body(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.officer)

    unknown = _post(client, _api(case, "sessions"), {"body": "ZZZ", "starts_on": "2024-06-07"})
    made = _post(client, _api(case, "sessions"), {"body": org.csc.code,
                                                  "starts_on": "2024-06-07"})

    assert unknown.status_code == 422 and _fields(unknown) == {"body.body"}
    assert made.status_code == 201
    assert made.json()["kind"] == Session.Kind.EXTRAORDINARY
    case.refresh_from_db()
    assert case.phase == Case.Phase.CONSULTATION


def test_it_circulates_a_draft_under_silence_for_hours_and_names_too_many(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.officer)

    too_long = _post(client, _api(case, "silence"), {
        "body": org.csc.code, "title_ru": "О мерах", "text_ru": "Текст", "hours": 100})
    assert too_long.status_code == 422 and _fields(too_long) == {"hours"}
    assert not Document.objects.unscoped(reason="test").exists()

    made = _post(client, _api(case, "silence"), {
        "body": org.csc.code, "title_ru": "О направлении контингентов",
        "text_ru": "Направить коллективные силы.", "hours": 6})

    assert made.status_code == 201
    silence = SilenceProcedure.objects.get()
    assert made.json()["symbol"] == silence.document.symbol
    assert round((silence.deadline - silence.started_at).total_seconds() / 3600) == 6
    assert any(silence.document.symbol in what or "О направлении" in what for what in _log(case))


def test_it_refuses_the_councils_decision_to_a_delegate(client, personas):
    org = organization()
    case = factories.case(personas)
    client.force_login(personas.delegate_b)

    answer = _post(client, _api(case, "silence"), {
        "body": org.csc.code, "title_ru": "О мерах", "text_ru": "Текст", "hours": 6})

    assert answer.status_code == 403
    assert not SilenceProcedure.objects.exists()
