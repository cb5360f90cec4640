"""A record named in a request's body or query, rather than in its path, is a field's value: one
that does not exist, or that the caller may not see, is refused with 422 naming the field, and
nothing is written."""

from __future__ import annotations

import uuid

from django.test import Client

from concord.core.labelling import label_change
from concord.core.labels import Classification
from concord.council import services
from concord.council.models import Document, Instruction
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session

API = "/api/v1"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _fields(response) -> list[str]:
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    return [error["field"] for error in response.json()["errors"]]


def test_it_refuses_a_document_naming_a_missing_session_by_the_field(org, personas):
    before = Document.objects.unscoped(reason="counting every document").count()

    response = _client(personas.officer).post(f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О помощи", "title_en": "On assistance",
        "year": 2013, "session": str(uuid.uuid4())}, content_type="application/json")

    assert _fields(response) == ["body.session"]
    assert Document.objects.unscoped(reason="counting every document").count() == before


def test_it_refuses_an_instruction_to_an_unknown_state_by_the_field(org, personas):
    decision = draft(org, personas.officer)
    positions(org, personas.officer, decision, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=decision)

    response = _client(personas.officer).post(f"{API}/instructions", {
        "document": str(decision.public_id), "text_ru": "Доложить", "text_en": "Report",
        "addressee_kind": "state", "addressee_state": "UZ", "deadline_months": 3},
        content_type="application/json")

    assert _fields(response) == ["body.addressee_state"]
    assert not Instruction.objects.unscoped(reason="counting every instruction").exists()


def test_it_answers_a_hidden_session_in_the_query_as_a_missing_one(org, personas):
    hidden = session(org, personas.officer, title_en="Closed sitting",
                     classification=Classification.OFFICIAL_USE)
    # Narrowed to Russia, the session is at once hidden from Tajikistan.
    assert label_change(actor=personas.officer, record=hidden,
                        classification=hidden.classification, release_to_all_members=False,
                        releasable_to=[personas.state_a]) is None
    tajik = _client(personas.delegate_b)

    refused = tajik.get(f"{API}/agenda-items", {"session": str(hidden.public_id)})
    missing = tajik.get(f"{API}/agenda-items", {"session": str(uuid.uuid4())})

    assert _fields(refused) == _fields(missing) == ["query.session"]
    assert refused.json()["errors"] == missing.json()["errors"]
    assert refused.json()["detail"] == missing.json()["detail"]
    assert _client(personas.delegate_a).get(
        f"{API}/agenda-items", {"session": str(hidden.public_id)}).status_code == 200


def test_it_names_a_field_the_schema_refuses_by_its_place_in_the_body(org, personas):
    response = _client(personas.officer).post(f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О помощи"},
        content_type="application/json")

    assert _fields(response) == ["body.title_en"]


def test_it_still_answers_404_for_a_missing_document_in_the_path(org, personas):
    response = _client(personas.officer).get(f"{API}/documents/{uuid.uuid4()}/positions",
                                             {"body": "CSC"})

    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")
