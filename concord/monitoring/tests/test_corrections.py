"""Correcting an incident from its page and through the API: only the fields changed move,
each change is audited with its old and new value, and only the originator relabels."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from concord.core.labelling import label_change_decide
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.monitoring import services
from concord.monitoring.models import Incident, Severity
from concord.monitoring.tests.factories import incident

API = "/api/v1"

FORM = {
    "occurred_on": "2024-06-06", "time_precision": "1", "country": "TJ", "admin1": "Khatlon",
    "admin2": "Panj", "location": "Panj", "latitude": "37.24", "longitude": "69.10",
    "geo_precision": "1", "sub_category": "drug_seizure", "actor1": "Border Troops",
    "fatalities": "0", "injured": "0", "narrative": "Heroin seized at the border",
    "sources": "Asia-Plus", "source_scale": "national", "reliability": "B", "credibility": "2",
    "classification": "1", "release_to_all_members": "on",
}


def _audited_changes(record: Incident) -> Any:
    entry = AuditEntry.objects.filter(action="monitoring.incident.update",
                                      target_id=str(record.public_id)).get()
    return json.loads(entry.detail)["changed"]


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_it_corrects_an_incident_from_its_page(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.analyst)

    response = client.post(reverse("monitoring:incident-edit", args=[record.public_id]),
                           {**FORM, "location": "Nizhny Panj", "fatalities": "3",
                            "sub_category": "armed_clash"}, follow=True)

    assert "The incident was corrected." in response.content.decode()
    record.refresh_from_db()
    assert (record.location, record.fatalities, record.category) == (
        "Nizhny Panj", 3, "battles")
    assert record.severity >= Severity.HIGH  # derived again from the new figures
    changes = _audited_changes(record)
    assert changes["location"] == ["Panj", "Nizhny Panj"]
    assert changes["fatalities"] == [0, 3]


def test_it_names_a_bad_field_and_keeps_the_record(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.analyst)

    response = client.post(reverse("monitoring:incident-edit", args=[record.public_id]),
                           {**FORM, "latitude": "123"})

    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 90." in response.content.decode()
    record.refresh_from_db()
    assert record.latitude == 37.24


def test_it_lets_only_the_originator_relabel(client, personas):
    record = incident(personas.state_a, releasable_to=[personas.secretariat])
    client.force_login(personas.analyst)  # the secretariat's analyst

    response = client.post(reverse("monitoring:incident-edit", args=[record.public_id]),
                           {**FORM, "classification": "2"})

    assert response.status_code == 400
    assert "Only the originating party relabels its records." in response.content.decode()
    record.refresh_from_db()
    assert record.classification == Classification.OFFICIAL_USE


def test_the_api_records_an_incident_in_the_names_it_returns(client, personas):
    client.force_login(personas.analyst)

    response = client.post(f"{API}/incidents", {
        "date": "2024-07-01", "country": "KG", "admin1": "Osh", "sub_category": "drug_seizure",
        "geo_precision": "region", "time_precision": "week", "classification": "confidential",
        "release_to_all_members": False, "external_id": "KG-OSH-1"},
        content_type="application/json")

    assert response.status_code == 201
    body = response.json()
    assert (body["country"], body["category"], body["geo_precision"], body["time_precision"],
            body["classification"]) == ("KG", "drug_trafficking", "region", "week",
                                        "confidential")
    stored = Incident.objects.visible_to(personas.analyst).get(public_id=body["id"])
    assert (stored.external_id, stored.originator) == ("KG-OSH-1", personas.secretariat)


def test_the_api_corrects_only_the_fields_sent(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.analyst)

    response = client.patch(f"{API}/incidents/{record.public_id}",
                            {"fatalities": 2, "narrative": "Two smugglers killed"},
                            content_type="application/json")

    assert response.status_code == 200
    assert (response.json()["fatalities"], response.json()["location"]) == (2, "Panj")
    record.refresh_from_db()
    assert record.narrative == "Two smugglers killed"
    assert set(_audited_changes(record)) == {"fatalities", "narrative"}


def test_the_api_names_each_bad_value(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.analyst)

    response = client.patch(f"{API}/incidents/{record.public_id}",
                            {"geo_precision": "street", "sub_category": "picnic"},
                            content_type="application/json")

    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert set(errors) == {"geo_precision", "sub_category"}
    assert "exact, near, region, country" in errors["geo_precision"]


def test_the_api_refuses_a_null_release_list_and_changes_nothing(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.analyst)

    response = client.patch(f"{API}/incidents/{record.public_id}",
                            {"fatalities": 3, "releasable_to": None},
                            content_type="application/json")

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["releasable_to"]
    record.refresh_from_db()
    assert record.fatalities == 0


def test_the_api_answers_a_delegate_who_cannot_correct_with_403(client, personas):
    record = incident(personas.secretariat)
    client.force_login(personas.delegate_a)

    response = client.patch(f"{API}/incidents/{record.public_id}", {"fatalities": 9},
                            content_type="application/json")

    assert response.status_code == 403
    record.refresh_from_db()
    assert record.fatalities == 0


def test_it_refuses_to_correct_a_merged_record(client, personas):
    survivor, duplicate = incident(personas.secretariat), incident(personas.secretariat)
    services.incident_merge(actor=personas.analyst, survivor=survivor, duplicate=duplicate)
    client.force_login(personas.analyst)

    response = client.patch(f"{API}/incidents/{duplicate.public_id}", {"fatalities": 1},
                            content_type="application/json")

    assert response.status_code == 409
    assert date(2024, 6, 6) == Incident.objects.visible_to(personas.analyst).get(
        pk=duplicate.pk).occurred_on


def test_a_wider_release_waits_for_a_second_person_of_the_originating_party(client, personas):
    record = incident(personas.secretariat, classification=Classification.OFFICIAL_USE,
                      release_to_all_members=False)
    form = {**FORM, "releasable_to": ["TJ"]}
    del form["release_to_all_members"]
    client.force_login(personas.analyst)

    asked = client.post(reverse("monitoring:incident-edit", args=[record.public_id]), form,
                        follow=True)
    own = client.get(reverse("portal:label-changes"))
    waiting = Incident.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
    [(change, _)] = own.context["pending"]
    client.force_login(personas.officer)  # a second person of the secretariat
    approved = client.post(reverse("portal:label-change-decide", args=[change.public_id]),
                           {"decision": "approve"}, follow=True)

    assert "waits for a second person of your party" in asked.content.decode()
    assert "Another person decides" in own.content.decode()
    assert not waiting
    assert "The lower label was applied." in approved.content.decode()
    assert Incident.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
    assert not Incident.objects.visible_to(personas.delegate_a).filter(pk=record.pk).exists()
    entry = AuditEntry.objects.get(action="core.label.lower_approved")
    assert json.loads(entry.detail)["to"]["releasable_to"] == ["TJ"]


def test_the_api_releases_to_parties_by_code_and_names_an_unknown_one(client, personas):
    client.force_login(personas.analyst)
    payload = {"date": "2024-07-01", "country": "TJ", "sub_category": "drug_seizure",
               "release_to_all_members": False}

    created = client.post(f"{API}/incidents", {**payload, "releasable_to": ["RU"]},
                          content_type="application/json")
    refused = client.post(f"{API}/incidents", {**payload, "releasable_to": ["XX"]},
                          content_type="application/json")

    assert created.status_code == 201
    assert created.json()["releasable_to"] == ["RU"]
    assert refused.status_code == 422
    assert refused.json()["errors"] == [{"field": "releasable_to", "message": "No party XX."}]


def test_the_api_says_a_lower_label_waits_for_approval(client, personas):
    record = incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
                      release_to_all_members=False)
    client.force_login(personas.analyst)

    response = client.patch(f"{API}/incidents/{record.public_id}",
                            {"classification": "official_use"},
                            content_type="application/json")

    assert response.status_code == 202
    assert response.json()["classification"] == "confidential"
    assert response.json()["pending_label_change"] is not None


def test_the_api_shows_the_waiting_label_change_until_it_is_decided(client, personas):
    record = incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
                      release_to_all_members=False)
    client.force_login(personas.analyst)
    asked = client.patch(f"{API}/incidents/{record.public_id}", {"classification": "official_use"},
                         content_type="application/json").json()["pending_label_change"]

    waiting = client.get(f"{API}/incidents/{record.public_id}").json()
    label_change_decide(actor=personas.officer, public_id=asked, approve=True)
    decided = client.get(f"{API}/incidents/{record.public_id}").json()

    assert waiting["pending_label_change"] == asked
    assert (waiting["classification"], decided["classification"]) == ("confidential",
                                                                       "official_use")
    assert decided["pending_label_change"] is None


def test_the_api_names_only_the_unknown_codes_of_a_release_list(client, personas):
    client.force_login(personas.analyst)

    refused = client.post(f"{API}/incidents", {
        "date": "2024-07-01", "country": "TJ", "sub_category": "drug_seizure",
        "release_to_all_members": False, "releasable_to": ["RU", "ZZ", "TJ", "XX"]},
        content_type="application/json")

    assert refused.status_code == 422
    assert refused.json()["errors"] == [{"field": "releasable_to",
                                         "message": "No party XX, ZZ."}]
