"""/api/v1/forces/exercises with its participants, evaluations and lessons: the Joint Staff plans
and evaluates through it, and a bad value is refused naming its field."""

from __future__ import annotations

import pytest
from django.test import Client

from concord.forces.models import ReadinessReport, SourceKind
from concord.forces.tests.exercise_factories import held, joint_staff
from concord.registry.tests.factories import csto_states

pytestmark = pytest.mark.django_db
BASE = "/api/v1/forces/exercises"


@pytest.fixture
def states(personas):
    return csto_states()


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_plans_an_exercise_and_lists_it_marked_as_an_exercise(staff, states):
    client = _client(staff)
    answer = client.post(BASE, {
        "series_ru": "Взаимодействие", "series_en": "Interaction", "year": 2013,
        "kind": "joint", "host_state": "BY", "starts_on": "2013-09-19",
        "ends_on": "2013-09-25"}, content_type="application/json")
    assert answer.status_code == 201, answer.content
    created = answer.json()
    assert created["name"] == "Interaction-2013" and created["marking"] == "EXERCISE"
    listed = client.get(BASE, {"host": "BY", "year": 2013}).json()
    assert [item["id"] for item in listed["items"]] == [created["id"]]
    assert client.get(BASE, {"host": "KZ"}).json()["count"] == 0


def test_it_refuses_an_unknown_host_state_naming_the_field(staff, states):
    answer = _client(staff).post(BASE, {
        "series_ru": "Рубеж", "series_en": "Rubezh", "year": 2013, "kind": "joint",
        "host_state": "XX", "starts_on": "2013-04-15", "ends_on": "2013-04-19"},
        content_type="application/json")
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["body.host_state"]


def test_it_refuses_an_unknown_sort_naming_it(staff, states):
    answer = _client(staff).get(BASE, {"sort": "colour"})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "sort"


def test_it_rates_a_unit_and_evaluates_the_exercise_through_the_api(staff, states):
    setup = held(staff, states)
    client = _client(staff)
    url = f"{BASE}/{setup.exercise.public_id}"
    for status in ("running", "completed"):
        assert client.post(f"{url}/status", {"status": status},
                           content_type="application/json").status_code == 200
    rated = client.post(f"{url}/evaluations", {
        "participant": str(setup.participant.public_id), "objective": 2,
        "rating": "marginally", "evaluated_on": "2013-09-05"}, content_type="application/json")
    assert rated.status_code == 201, rated.content
    assert client.get(f"{url}/evaluations").json() == [{
        "participant": str(setup.participant.public_id), "objective": 2,
        "rating": "marginally", "remarks": "", "evaluated_on": "2013-09-05"}]
    evaluated = client.post(f"{url}/evaluate").json()
    assert evaluated["readiness_reports"] == 1
    assert evaluated["exercise"]["status"] == "evaluated"
    report = ReadinessReport.objects.unscoped(reason="test").get(unit=setup.unit)
    assert report.source_kind == SourceKind.EXERCISE_EVALUATION


def test_it_refuses_a_rating_off_the_scale_naming_it(staff, states):
    setup = held(staff, states)
    answer = _client(staff).post(f"{BASE}/{setup.exercise.public_id}/evaluations", {
        "participant": str(setup.participant.public_id), "objective": 1, "rating": "superb"},
        content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "body.rating"


def test_it_records_and_lists_an_observation(staff, states):
    setup = held(staff, states)
    client = _client(staff)
    url = f"{BASE}/{setup.exercise.public_id}"
    client.post(f"{url}/status", {"status": "running"}, content_type="application/json")
    observed = client.post(f"{url}/lessons", {"observation_ru": "Потеря связи"},
                           content_type="application/json")
    assert observed.status_code == 201
    [lesson] = client.get(f"{url}/lessons").json()
    assert (lesson["number"], lesson["status"]) == (1, "observation")
