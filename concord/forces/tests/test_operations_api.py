"""The joint operations' API: operations with stages, results, totals, and a state's report."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from concord.forces.tests.operations_factories import two_states, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(personas):
    w = world(personas)
    two_states(personas, w)
    return w


def test_it_lists_operations_with_their_stages(personas, reported):
    client = Client()
    client.force_login(personas.delegate_b)
    body = client.get("/api/v1/forces/operations").json()
    assert body["count"] == 1
    operation = body["items"][0]
    assert operation["code"] == "channel" and operation["classification"] == "public"
    assert [stage["number"] for stage in operation["stages"]] == [1, 2]
    assert operation["stages"][0]["agencies"] == [
        {"state": "RU", "name_ru": "ФСКН России", "name_en": "FDCS of Russia"}]
    stages = client.get(f"/api/v1/forces/operations/{reported.operation.public_id}/stages")
    assert stages.json()[1]["starts_on"] == "2014-06-02"


def test_it_records_a_result_a_delegate_reports(personas, reported):
    client = Client()
    client.force_login(personas.delegate_a)
    response = client.post(
        f"/api/v1/forces/operations/{reported.operation.public_id}/results",
        json.dumps({"stage": 2, "measure": "seizure", "substance": "mdma", "quantity": "5000",
                    "unit": "tablet", "releasable_to": ["SEC"]}),
        content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["kg_equivalent"] == "0.500"
    assert response.json()["state"] == "RU"


def test_it_names_the_field_of_a_refused_report(personas, reported):
    client = Client()
    client.force_login(personas.delegate_a)
    response = client.post(
        f"/api/v1/forces/operations/{reported.operation.public_id}/results",
        json.dumps({"stage": 7, "measure": "seizure", "quantity": "1", "unit": "kg"}),
        content_type="application/json")
    assert response.status_code == 422
    assert "body.stage" in json.dumps(response.json())


def test_it_answers_404_for_an_operation_the_caller_may_not_read(personas):
    w = world(personas, classification=2)
    client = Client()
    client.force_login(personas.delegate_b)
    assert client.get(f"/api/v1/forces/operations/{w.operation.public_id}").status_code == 404
    assert client.get("/api/v1/forces/operations/not-an-id").status_code == 404


def test_it_refuses_an_unknown_grouping_of_totals(personas, reported):
    client = Client()
    client.force_login(personas.officer)
    response = client.get("/api/v1/forces/operations/totals?by=planet")
    assert response.status_code == 422
    assert "by" in json.dumps(response.json())
