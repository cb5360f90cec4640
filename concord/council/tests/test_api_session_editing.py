"""Every write the session, document and chairmanship pages offer, through the API: participants
and agenda items added, edited, reordered and removed, a document's agenda item, a state's treaty
actions, and a chairmanship recorded over the rotation."""

from __future__ import annotations

from datetime import date

from django.test import Client

from concord.council import services
from concord.council.models import AgendaItem, Document, Participant, StatePosition, TreatyAction
from concord.council.tests.factories import draft, session
from concord.registry.models import Chairmanship

API = "/api/v1"


def _client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def _fields(response) -> list[str]:
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    return [error["field"] for error in response.json()["errors"]]


def test_it_adds_all_member_states_reorders_edits_and_removes_participants(org, personas):
    meeting = session(org, personas.officer)
    client = _client(personas.officer)
    base = f"{API}/sessions/{meeting.public_id}/participants"

    added = client.post(f"{base}/member-states")
    ids = [row["id"] for row in added.json()]
    reordered = client.put(f"{base}/order", {"order": list(reversed(ids))},
                           content_type="application/json")
    edited = client.put(f"{base}/{ids[0]}", {"state": "AM", "official": None,
                                             "position": "secretary-general",
                                             "head_of_delegation": True},
                        content_type="application/json")
    removed = client.delete(f"{base}/{ids[1]}")
    listed = client.get(base)

    assert added.status_code == 201
    assert [row["state"] for row in added.json()] == ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    assert [row["state"] for row in reordered.json()] == ["TJ", "RU", "KG", "KZ", "BY", "AM"]
    assert edited.json()[-1]["office_en"] == "CSTO Secretary General"
    assert removed.status_code == 204
    assert [row["state"] for row in listed.json()] == ["TJ", "RU", "KG", "KZ", "AM"]


def test_it_names_the_field_of_an_unknown_state_or_office_and_adds_nobody(org, personas):
    meeting = session(org, personas.officer)

    response = _client(personas.officer).post(
        f"{API}/sessions/{meeting.public_id}/participants",
        {"state": "UZ", "position": "no-such-office"}, content_type="application/json")

    assert _fields(response) == ["body.state"]
    assert not Participant.objects.filter(session=meeting).exists()


def test_it_answers_409_when_a_state_that_has_spoken_is_removed(org, personas):
    meeting = session(org, personas.officer)
    services.participants_add_member_states(actor=personas.officer, session=meeting)
    document = draft(org, personas.officer, session=meeting)
    services.position_record(actor=personas.officer, document=document, body=org.csc,
                             state=org.states["RU"], stance=StatePosition.Stance.CONCURS)
    russia = Participant.objects.get(session=meeting, state=org.states["RU"])

    response = _client(personas.officer).delete(
        f"{API}/sessions/{meeting.public_id}/participants/{russia.pk}")

    assert response.status_code == 409
    assert "Russia has recorded positions" in response.json()["detail"]
    assert Participant.objects.filter(pk=russia.pk).exists()


def test_it_refuses_a_participant_of_another_session_as_missing(org, personas):
    meeting = session(org, personas.officer)
    other = session(org, personas.officer, starts_on=date(2014, 12, 23))
    services.participants_add_member_states(actor=personas.officer, session=other)
    elsewhere = Participant.objects.filter(session=other).first()
    assert elsewhere is not None

    response = _client(personas.officer).delete(
        f"{API}/sessions/{meeting.public_id}/participants/{elsewhere.pk}")

    assert response.status_code == 404
    assert Participant.objects.filter(pk=elsewhere.pk).exists()


def test_it_edits_reorders_and_removes_agenda_items(org, personas):
    meeting = session(org, personas.officer)
    client = _client(personas.officer)
    for title in ("First", "Second"):
        client.post(f"{API}/agenda-items", {"session": str(meeting.public_id), "title_ru": title,
                                            "title_en": title}, content_type="application/json")
    first, second = AgendaItem.objects.filter(session=meeting).order_by("order")

    reordered = client.put(f"{API}/sessions/{meeting.public_id}/agenda-order",
                           {"order": [second.pk, first.pk]}, content_type="application/json")
    edited = client.put(f"{API}/sessions/{meeting.public_id}/agenda-items/{first.pk}",
                        {"title_ru": "Первый", "title_en": "First, under the second",
                         "parent": second.pk}, content_type="application/json")
    removed = client.delete(f"{API}/sessions/{meeting.public_id}/agenda-items/{second.pk}")

    assert [(e["number"], e["title_en"]) for e in reordered.json()] == [("1", "Second"),
                                                                      ("2", "First")]
    assert [(e["number"], e["title_en"]) for e in edited.json()] == [
        ("1", "Second"), ("1.1", "First, under the second")]
    assert removed.status_code == 409
    assert "1 item is under it" in removed.json()["detail"]


def test_it_refuses_an_agenda_order_naming_an_item_twice(org, personas):
    meeting = session(org, personas.officer)
    item = services.agenda_item_add(actor=personas.officer, session=meeting, title_ru="Один",
                                    title_en="One")

    response = _client(personas.officer).put(
        f"{API}/sessions/{meeting.public_id}/agenda-order", {"order": [item.pk, item.pk]},
        content_type="application/json")

    assert _fields(response) == ["order"]


def test_it_attaches_a_document_to_an_agenda_item_and_registers_one_under_an_item(org, personas):
    meeting = session(org, personas.officer)
    item = services.agenda_item_add(actor=personas.officer, session=meeting, title_ru="Один",
                                    title_en="One")
    document = draft(org, personas.officer, session=meeting)
    client = _client(personas.officer)

    attached = client.put(f"{API}/documents/{document.public_id}/agenda-item",
                          {"agenda_item": item.pk}, content_type="application/json")
    registered = client.post(f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О мерах", "title_en": "On measures",
        "session": str(meeting.public_id), "agenda_item": item.pk},
        content_type="application/json")
    wrong = client.put(f"{API}/documents/{document.public_id}/agenda-item",
                       {"agenda_item": 999999}, content_type="application/json")
    agenda = client.get(f"{API}/agenda-items", {"session": str(meeting.public_id)}).json()

    assert attached.status_code == 200 and registered.status_code == 201
    assert _fields(wrong) == ["body.agenda_item"]
    assert sorted(agenda[0]["documents"]) == sorted([document.symbol, registered.json()["symbol"]])


def test_it_records_a_states_treaty_actions(org, personas):
    agreement = draft(org, personas.officer, doc_type=Document.Type.AGREEMENT,
                      ratifications_required=2)

    recorded = _client(personas.officer).post(
        f"{API}/documents/{agreement.public_id}/treaty-status",
        {"state": "KG", "signed_on": "2013-09-23", "ratified_on": "2014-03-01",
         "deposited_on": "2014-04-01"}, content_type="application/json")
    backwards = _client(personas.officer).post(
        f"{API}/documents/{agreement.public_id}/treaty-status",
        {"state": "KZ", "signed_on": "2014-09-23", "ratified_on": "2014-03-01"},
        content_type="application/json")
    refused = _client(personas.delegate_b).post(
        f"{API}/documents/{agreement.public_id}/treaty-status", {"state": "TJ"},
        content_type="application/json")

    assert recorded.status_code == 200
    assert recorded.json()["deposits"] == 1
    assert recorded.json()["states"][0]["state"] == "KG"
    assert _fields(backwards) == ["ratified_on"]
    assert refused.status_code == 403
    assert list(TreatyAction.objects.values_list("state__iso_alpha2", flat=True)) == ["KG"]


def test_it_records_a_chairmanship_over_the_rotation(org, personas):
    client = _client(personas.officer)

    recorded = client.post(f"{API}/chairmanship", {"year": 2016, "state": "AM"},
                           content_type="application/json")
    unknown = client.post(f"{API}/chairmanship", {"year": 2017, "state": "UZ"},
                          content_type="application/json")
    refused = _client(personas.delegate_a).post(f"{API}/chairmanship",
                                                {"year": 2018, "state": "RU"},
                                                content_type="application/json")

    assert recorded.status_code == 201
    assert recorded.json() == {"year": 2016, "state": "AM", "state_name_ru": "Армения",
                               "state_name_en": "Armenia", "recorded": True,
                               "handed_over_on": None, "starts_on": "2016-01-01"}
    assert _fields(unknown) == ["body.state"]
    assert refused.status_code == 403
    assert list(Chairmanship.objects.order_by("year").values_list("year", flat=True)) == [
        2013, 2014, 2016]


def test_it_records_the_day_a_chairmanship_was_handed_over(org, personas):
    client = _client(personas.officer)

    recorded = client.post(f"{API}/chairmanship",
                           {"year": 2016, "state": "AM", "handed_over_on": "2015-09-15"},
                           content_type="application/json")
    before = client.get(f"{API}/chairmanship/on", {"day": "2015-09-14"})
    after = client.get(f"{API}/chairmanship/on", {"day": "2015-09-15"})

    assert recorded.status_code == 201
    assert after.json()["state"] == "AM"
    assert before.json()["state"] != "AM"
