"""The council API: lists and details scoped to the caller, positions recorded, problems for
what the caller may not do."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from concord.core.labels import Classification
from concord.council import services
from concord.council.models import Document, Instruction, StatePosition
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session

API = "/api/v1"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def released(org, personas):
    """A public statement, one released to all states, and a CONFIDENTIAL decision released to
    Russia only."""
    public = draft(org, personas.officer, title_en="Public statement",
                   classification=Classification.PUBLIC)
    shared = draft(org, personas.officer, title_en="Shared decision")
    russia_only = draft(org, personas.officer, title_en="For Russia", release_to_all_members=False,
                        releasable_to=[personas.state_a],
                        classification=Classification.CONFIDENTIAL)
    return public, shared, russia_only


def _titles(response) -> list[str]:
    return sorted(item["title_en"] for item in response.json()["items"])


def test_it_lists_only_what_each_caller_may_read_and_counts_the_same(released, personas):
    anonymous = _client().get(f"{API}/documents")
    tajik = _client(personas.delegate_b).get(f"{API}/documents")
    russian = _client(personas.delegate_a).get(f"{API}/documents")

    assert _titles(anonymous) == ["Public statement"]
    assert anonymous.json()["count"] == 1
    assert _titles(tajik) == ["Public statement", "Shared decision"]
    assert tajik.json()["count"] == 2
    assert _titles(russian) == ["For Russia", "Public statement", "Shared decision"]
    assert russian.json()["count"] == 3


def test_it_answers_404_for_a_document_not_released_to_the_caller(released, personas):
    _public, _shared, russia_only = released

    hidden = _client(personas.delegate_b).get(f"{API}/documents/{russia_only.public_id}")
    missing = _client(personas.delegate_b).get(
        f"{API}/documents/00000000-0000-0000-0000-000000000000")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"] == missing.json()["detail"]


def test_it_hides_instructions_of_a_hidden_decision(released, personas):
    _public, _shared, russia_only = released
    services.instruction_add(actor=personas.officer, document=russia_only,
                             addressee_kind=Instruction.Addressee.ALL_STATES, text_ru="Сделать",
                             text_en="Do it")

    tajik = _client(personas.delegate_b).get(f"{API}/instructions")
    russian = _client(personas.delegate_a).get(f"{API}/instructions")

    assert tajik.json()["count"] == 0
    assert russian.json()["count"] == 1


def test_it_records_a_delegates_position_and_shows_the_board(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.delegate_a).post(
        f"{API}/documents/{document.public_id}/positions",
        {"state": "RU", "stance": "concurs"}, content_type="application/json")

    assert response.status_code == 200
    board = {row["state"]: row for row in response.json()}
    assert board["RU"]["stance"] == "concurs"
    assert board["AM"]["takes_part"] is False  # suspended
    assert board["TJ"]["stance"] is None


def test_it_refuses_a_delegate_stating_another_states_position(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.delegate_a).post(
        f"{API}/documents/{document.public_id}/positions",
        {"state": "TJ", "stance": "objects"}, content_type="application/json")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not StatePosition.objects.filter(document=document).exists()


def test_it_asks_the_public_to_sign_in_before_writing(org, personas):
    document = draft(org, personas.officer, classification=Classification.PUBLIC)

    response = _client().post(f"{API}/documents/{document.public_id}/positions",
                              {"state": "RU", "stance": "concurs"},
                              content_type="application/json")

    assert response.status_code == 401


def test_it_shows_the_session_with_its_agenda_and_signed_count(org, personas):
    previous = session(org, personas.officer, starts_on=date(2012, 12, 19),
                       title_en="December session")
    sochi = session(org, personas.officer, title_en="Sochi session", previous=previous,
                    reported_signed_count=8)
    document = draft(org, personas.officer, session=sochi,
                     classification=Classification.PUBLIC)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, session=sochi)

    response = _client().get(f"{API}/sessions/{sochi.public_id}")

    body = response.json()
    assert response.status_code == 200
    assert body["chair"] == "KG"  # the chairmanship of 2013, by default
    assert body["agenda"][0]["title_en"] == (
        "Report on the implementation of the decisions of the previous session")
    assert body["documents"] == [document.symbol]
    assert body["signed_documents_reported"] == 8
    assert body["signed_documents_held"] == 0


def test_it_reports_progress_on_an_instruction_through_the_api(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document)
    instruction = services.instruction_add(
        actor=personas.officer, document=document, addressee_kind=Instruction.Addressee.STATE,
        addressee_state=org.states["TJ"], text_ru="Доложить", text_en="Report")

    response = _client(personas.delegate_b).post(
        f"{API}/instructions/{instruction.public_id}/reports",
        {"text": "Border posts equipped.", "status": "in_progress"},
        content_type="application/json")

    assert response.status_code == 201
    assert response.json()["status"] == "in_progress"
    assert response.json()["reports"][0]["text"] == "Border posts equipped."


def test_it_neither_finds_nor_counts_a_hidden_document(org, personas):
    sochi = session(org, personas.officer)
    draft(org, personas.officer, session=sochi, title_en="Shared decision")
    draft(org, personas.officer, session=sochi, title_en="For Russia",
          release_to_all_members=False, releasable_to=[personas.state_a],
          classification=Classification.CONFIDENTIAL)
    tajik, russian = _client(personas.delegate_b), _client(personas.delegate_a)

    assert tajik.get(f"{API}/documents?q=Russia").json()["count"] == 0
    assert russian.get(f"{API}/documents?q=Russia").json()["count"] == 1
    assert tajik.get(f"{API}/sessions/{sochi.public_id}").json()["documents"] == ["CSC/2013/01"]
    tajik_page = tajik.get("/council/sessions/").content.decode()
    russian_page = russian.get("/council/sessions/").content.decode()
    assert "<td>1</td>" in tajik_page and "<td>2</td>" in russian_page


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_it_takes_a_draft_from_registration_to_adoption_and_a_report(org, personas):
    officer = _client(personas.officer)
    previous = session(org, personas.officer, starts_on=date(2013, 9, 23))
    created = _post(officer, f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О помощи", "title_en": "On assistance",
        "session": str(previous.public_id), "texts": {"ru": "Решили.", "en": "Decided."}})
    assert created.status_code == 201
    document = created.json()
    assert document["symbol"] == "CSC/2013/01"
    for code in ALL_CONCUR:
        _post(officer, f"{API}/documents/{document['id']}/positions",
              {"state": code, "stance": "concurs"})

    decided = _post(officer, f"{API}/documents/{document['id']}/decision",
                    {"session": str(previous.public_id)})
    instruction = _post(officer, f"{API}/instructions", {
        "document": document["id"], "text_ru": "Доложить", "text_en": "Report",
        "addressee_kind": "secretariat", "deadline_months": 3})
    following = _post(officer, f"{API}/sessions", {
        "body": "CSC", "title_ru": "Следующая", "title_en": "Next", "place_ru": "Москва",
        "place_en": "Moscow", "starts_on": "2014-12-23"})
    report = _post(officer, f"{API}/implementation-reports",
                   {"session": following.json()["id"]})
    edited = officer.put(
        f"{API}/implementation-reports/{report.json()['id']}/entries/{instruction.json()['id']}",
        {"text_ru": "Выполнено.", "text_en": "Done."}, content_type="application/json")

    assert decided.json()["status"] == "adopted"
    assert decided.json()["outcomes"][0]["outcome"] == "adopted"
    assert instruction.json()["due_on"] == "2013-12-23"
    assert following.json()["previous"] == str(previous.public_id)
    assert following.json()["chair"] == "RU"
    assert edited.json()["entries"][0]["text_en"] == "Done."


def test_it_takes_and_gives_a_classification_by_its_code(org, personas):
    officer = _client(personas.officer)

    created = _post(officer, f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О", "title_en": "On",
        "classification": "confidential"})
    defaulted = _post(officer, f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О", "title_en": "On"})
    listed = officer.get(f"{API}/documents").json()["items"]

    assert created.status_code == 201
    assert created.json()["classification"] == "confidential"
    assert defaulted.json()["classification"] == "official_use"
    assert sorted(item["classification"] for item in listed) == ["confidential", "official_use"]


def test_it_refuses_a_classification_given_as_a_number_naming_the_field(org, personas):
    response = _post(_client(personas.officer), f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О", "title_en": "On",
        "classification": 2})

    problem = response.json()
    assert response.status_code == 422
    assert [error["field"] for error in problem["errors"]] == ["body.classification"]
    assert "official_use" in problem["errors"][0]["message"]
    assert not Document.objects.visible_to(personas.officer).exists()


def test_it_refuses_a_delegate_registering_a_document(org, personas):
    response = _post(_client(personas.delegate_a), f"{API}/documents", {
        "body": "CSC", "type": "decision", "title_ru": "О", "title_en": "On"})

    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/sessions", "/documents", "/instructions",
                                  "/implementation-reports"])
def test_it_reads_only_the_page_asked_for(org, personas, path, django_assert_max_num_queries):
    sochi = session(org, personas.officer)
    for number in range(12):
        document = draft(org, personas.officer, session=sochi, title_en=f"Decision {number}")
        services.instruction_add(actor=personas.officer, document=document,
                                 addressee_kind=Instruction.Addressee.ALL_STATES,
                                 text_ru="Доложить", text_en="Report")
        session(org, personas.officer, starts_on=date(2014, 1, 1 + number))
    client = _client(personas.officer)

    with django_assert_max_num_queries(6) as queries:
        response = client.get(f"{API}{path}", {"limit": 2, "offset": 1})

    answer = response.json()
    assert response.status_code == 200
    assert len(answer["items"]) <= 2
    # Counted in the database and sliced there, not read whole and counted in Python.
    statements = [query["sql"].upper() for query in queries.captured_queries]
    assert any("COUNT(" in sql for sql in statements)
    assert any("LIMIT 2" in sql for sql in statements)


def test_it_previews_the_rule_and_answers_422_while_a_state_has_not_answered(org, personas):
    document = draft(org, personas.officer)
    officer = _client(personas.officer)
    _post(officer, f"{API}/documents/{document.public_id}/positions",
          {"state": "RU", "stance": "concurs"})

    preview = officer.get(f"{API}/documents/{document.public_id}/decision-preview")
    refused = officer.post(f"{API}/documents/{document.public_id}/decision", {},
                           content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")

    assert preview.json() == {"body": "CSC", "procedure": "session", "concludes": False,
                              "adopted": None, "ground": None, "answered": ["RU"],
                              "missing": ["BY", "KZ", "KG", "TJ"]}
    assert refused.status_code == 422
    assert refused.json()["detail"] == ("The consensus rule cannot conclude yet: no position "
                                        "from Belarus, Kazakhstan, Kyrgyzstan, Tajikistan.")
    assert not document.outcomes.exists()


def test_it_records_a_refusal_through_the_api_only_when_confirmed(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {**ALL_CONCUR, "TJ": "objects"})
    officer = _client(personas.officer)
    url = f"{API}/documents/{document.public_id}/decision"

    unconfirmed = _post(officer, url, {})
    confirmed = _post(officer, url, {"confirm_refusal": True})

    assert unconfirmed.status_code == 422
    assert "confirm_refusal" in str(unconfirmed.json())
    assert confirmed.status_code == 200
    assert confirmed.json()["outcomes"][0]["outcome"] == "not_adopted"


def test_it_shows_who_recorded_each_position_and_when(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.delegate_a).post(
        f"{API}/documents/{document.public_id}/positions",
        {"state": "RU", "stance": "concurs"}, content_type="application/json")

    board = {row["state"]: row for row in response.json()}
    assert board["RU"]["recorded_by"] == personas.delegate_a.username
    assert board["RU"]["recorded_at"] is not None
    assert board["TJ"]["recorded_by"] is None


def test_it_does_not_name_who_recorded_a_position_to_the_public(org, personas):
    document = draft(org, personas.officer, classification=Classification.PUBLIC)
    positions(org, personas.officer, document, {"RU": "concurs"})

    board = {row["state"]: row for row in
             _client().get(f"{API}/documents/{document.public_id}/positions").json()}

    assert board["RU"]["stance"] == "concurs"
    assert board["RU"]["recorded_by"] is None
