"""What a record leads to is what the reader may read: a document does not name a session hidden
from its reader, a session does not name a hidden previous session, and no document is labelled
wider than its session."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from concord.core.errors import ValidationError
from concord.core.labelling import label_change
from concord.core.labels import Classification
from concord.council import services
from concord.council.tests.factories import draft, session

SECRET_TITLE = "Закрытое заседание"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _narrowed_to_russia(record, personas) -> None:
    # Narrowing applies at once: the session is then hidden from Tajikistan.
    assert label_change(actor=personas.officer, record=record,
                        classification=record.classification, release_to_all_members=False,
                        releasable_to=[personas.state_a]) is None


def test_it_keeps_a_hidden_session_out_of_its_documents_page_and_api(org, personas):
    hidden = session(org, personas.officer, title_ru=SECRET_TITLE, title_en="Closed sitting",
                     classification=Classification.OFFICIAL_USE)
    document = draft(org, personas.officer, session=hidden)
    _narrowed_to_russia(hidden, personas)
    tj = _client(personas.delegate_b)

    page = tj.get(document.get_absolute_url())
    detail = tj.get(f"/api/v1/documents/{document.public_id}")
    listed = tj.get("/api/v1/documents")

    assert page.status_code == detail.status_code == listed.status_code == 200
    for body in (page.content.decode(), detail.content.decode(), listed.content.decode()):
        assert SECRET_TITLE not in body and "Closed sitting" not in body
        assert str(hidden.public_id) not in body
    assert detail.json()["session"] is None
    # Russia still sees where the document belongs.
    assert _client(personas.delegate_a).get(
        f"/api/v1/documents/{document.public_id}").json()["session"] == str(hidden.public_id)


def test_it_names_the_previous_session_in_the_api_only_to_who_may_read_it(org, personas):
    previous = session(org, personas.officer, starts_on=date(2012, 12, 19),
                       title_en="Moscow session", classification=Classification.OFFICIAL_USE)
    later = session(org, personas.officer, previous=previous)
    _narrowed_to_russia(previous, personas)

    seen_by_tj = _client(personas.delegate_b).get(f"/api/v1/sessions/{later.public_id}")
    listed_for_tj = _client(personas.delegate_b).get("/api/v1/sessions")
    seen_by_ru = _client(personas.delegate_a).get(f"/api/v1/sessions/{later.public_id}")

    assert seen_by_tj.json()["previous"] is None
    assert str(previous.public_id) not in seen_by_tj.content.decode()
    assert str(previous.public_id) not in listed_for_tj.content.decode()
    assert seen_by_ru.json()["previous"] == str(previous.public_id)


def test_it_refuses_a_document_released_wider_than_its_session(org, personas):
    closed = session(org, personas.officer, classification=Classification.CONFIDENTIAL,
                     release_to_all_members=False)

    with pytest.raises(ValidationError) as refused:
        draft(org, personas.officer, session=closed, classification=Classification.OFFICIAL_USE)

    assert set(refused.value.errors) == {"classification", "release_to_all_members"}


def test_it_refuses_to_relabel_an_instruction_wider_than_its_decision(org, personas):
    decision = draft(org, personas.officer, classification=Classification.CONFIDENTIAL)
    instruction = services.instruction_add(actor=personas.officer, document=decision,
                                           text_ru="Выполнить.", text_en="Do it.",
                                           addressee_kind="secretariat")

    with pytest.raises(ValidationError) as refused:
        label_change(actor=personas.officer, record=instruction,
                     classification=Classification.OFFICIAL_USE,
                     release_to_all_members=instruction.release_to_all_members,
                     releasable_to=[])

    assert "classification" in refused.value.errors
