"""The assistance API: filing, opening, pledging, committing, shipping and accepting, and a
request's lines with requested, pledged, committed, delivered and the gap."""

from __future__ import annotations

import pytest

from concord.assistance.models import Pledge
from concord.assistance.tests.factories import certified, opened, pledge

pytestmark = pytest.mark.django_db

BASE = "/api/v1/assistance"


def test_it_files_and_submits_a_request_and_the_secretariat_opens_it(org, personas, client):
    client.force_login(personas.delegate_b)
    filed = client.post(f"{BASE}/requests", {
        "requesting_state": "TJ", "title_ru": "Помощь", "beneficiary_ru": "Погранвойска",
        "kind": "military_technical", "addressed_states": ["RU", "KZ"],
        "phases": [{"title_ru": "Первый этап", "due_on": "2030-03-31"}],
        "lines": [{"category": "optics", "description_ru": "Бинокли", "quantity": 20,
                   "phase": 1}]}, content_type="application/json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["request"]["id"]
    assert client.post(f"{BASE}/requests/{request_id}/submit").status_code == 200

    client.force_login(personas.officer)
    answer = client.post(f"{BASE}/requests/{request_id}/open",
                         {"opens_on": "2020-01-01", "closes_on": "2030-01-01"},
                         content_type="application/json")

    body = answer.json()
    assert body["request"]["status"] == "open"
    assert body["addressed_to"] == ["KZ", "RU"]
    assert body["lines"][0]["requested"] == 20 and body["lines"][0]["phase"] == 1


def test_it_names_the_bad_field_of_a_line_filed(org, personas, client):
    client.force_login(personas.delegate_b)
    refused = client.post(f"{BASE}/requests", {
        "requesting_state": "TJ", "title_ru": "Помощь", "beneficiary_ru": "Погранвойска",
        "kind": "military_technical",
        "lines": [{"category": "optics", "description_ru": "Бинокли", "quantity": 0}]},
        content_type="application/json")

    assert refused.status_code == 422
    assert any(e["field"].startswith("lines[1].quantity") for e in refused.json()["errors"])


def test_it_takes_a_pledge_through_commitment_shipment_and_acceptance(org, personas, client):
    record = opened(org, personas)
    client.force_login(personas.delegate_a)
    made = client.post(f"{BASE}/requests/{record.public_id}/pledges",
                       {"lines": [{"line": 1, "quantity": 60, "value": "1200.50",
                                   "currency": "rub"}]}, content_type="application/json")
    assert made.status_code == 201, made.content
    pledge_line = made.json()["lines"][0]["id"]
    committed = client.post(f"{BASE}/pledge-lines/{pledge_line}/commit",
                            {"quantity": 40, "agreement_reference": "RU-TJ/7"},
                            content_type="application/json")
    assert committed.json()["stage"] == "committed"
    refused = client.post(f"{BASE}/pledges/{made.json()['id']}/deliveries",
                          {"reference": "C-7", "items": [{"pledge_line": pledge_line,
                                                          "quantity": 30}]},
                          content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "items[1].pledge_line"
    certified(record, Pledge.objects.unscoped(reason="test").get(public_id=made.json()["id"]),
              personas.delegate_b)
    shipped = client.post(f"{BASE}/pledges/{made.json()['id']}/deliveries",
                          {"reference": "C-7", "items": [{"pledge_line": pledge_line,
                                                          "quantity": 30}]},
                          content_type="application/json")
    assert shipped.status_code == 201, shipped.content
    client.force_login(personas.delegate_b)
    delivery = shipped.json()["id"]
    client.post(f"{BASE}/deliveries/{delivery}/receive", {}, content_type="application/json")
    accepted = client.post(f"{BASE}/deliveries/{delivery}/accept", {"accepted": {"1": 25}},
                           content_type="application/json")

    assert accepted.json()["items"][0]["accepted"] == 25
    line = client.get(f"{BASE}/requests/{record.public_id}").json()["lines"][0]
    assert (line["requested"], line["pledged"], line["committed"], line["delivered"]) == (
        100, 60, 40, 30)
    assert line["gap"] == {"unpledged": 40, "uncommitted": 20, "undelivered": 10}
    listed = client.get(f"{BASE}/requests/{record.public_id}/deliveries").json()
    assert [d["reference"] for d in listed] == ["C-7"]
    assert made.json()["lines"][0]["currency"] == "RUB"


def test_it_refuses_a_pledge_line_the_request_does_not_have(org, personas, client):
    record = opened(org, personas)
    client.force_login(personas.delegate_a)

    refused = client.post(f"{BASE}/requests/{record.public_id}/pledges",
                          {"lines": [{"line": 9, "quantity": 1}]},
                          content_type="application/json")

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.lines[1].line"


def test_it_lists_requests_with_their_totals_and_filters_overdue(org, personas, client):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 10})
    client.force_login(personas.delegate_b)

    listed = client.get(f"{BASE}/requests").json()["items"]
    overdue = client.get(f"{BASE}/requests?overdue=true").json()["items"]

    assert [(r["reference"], r["lines"], r["lines_pledged"], r["lines_partly_pledged"])
            for r in listed] == [(record.reference, 3, 0, 1)]
    assert "requested" not in listed[0] and "pledged" not in listed[0]
    assert overdue == []


def test_it_answers_an_unknown_status_filter_naming_it(org, personas, client):
    answer = client.get(f"{BASE}/requests?status=lost")

    assert answer.status_code == 422


def test_it_lets_the_secretariat_record_a_states_pledge_naming_the_state(org, personas,
                                                                         client):
    record = opened(org, personas)
    client.force_login(personas.officer)

    unnamed = client.post(f"{BASE}/requests/{record.public_id}/pledges",
                          {"lines": [{"line": 1, "quantity": 5}]},
                          content_type="application/json")
    named = client.post(f"{BASE}/requests/{record.public_id}/pledges",
                        {"state": "KZ", "lines": [{"line": 1, "quantity": 5}]},
                        content_type="application/json")

    assert unnamed.status_code == 422 and unnamed.json()["errors"][0]["field"] == "state"
    assert named.status_code == 201 and named.json()["state"] == "KZ"
