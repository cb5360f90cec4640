"""A session's page: who took part, the numbered agenda with the documents each item considers,
the session's documents with their signature counts, in Russian and in English, and nothing the
visitor may not read."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from concord.core.audit import audit_verify
from concord.core.errors import NotFound
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.council import selectors, services
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session
from concord.registry.tests.factories import official

EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _sochi(org, personas):
    """The Sochi session: a delegation, an official, a two-level agenda, a signed decision
    released to all members and a confidential one released to Russia alone."""
    officer = personas.officer
    previous = session(org, officer, starts_on=date(2012, 12, 19), title_en="Moscow session",
                       title_ru="Московская сессия")
    sochi = session(org, officer, previous=previous)
    services.participant_add(actor=officer, session=sochi, state=org.states["KZ"])
    services.participant_add(actor=officer, session=sochi, official=org.bordyuzha,
                             position=org.secretary_general)
    shared = draft(org, officer, session=sochi, title_ru="О помощи Таджикистану",
                   title_en="On assistance to Tajikistan")
    positions(org, officer, shared, ALL_CONCUR)
    services.document_decide(actor=officer, document=shared, session=sochi)
    shared.refresh_from_db()
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=officer, official=putin)
    services.document_sign(actor=officer, document=shared, key=key, signed_on=date(2013, 9, 23))
    russian = draft(org, officer, session=sochi, classification=Classification.CONFIDENTIAL,
                    release_to_all_members=False, releasable_to=[personas.state_a],
                    title_ru="Для России", title_en="For Russia")
    border = services.agenda_item_add(actor=officer, session=sochi, title_ru="Граница",
                                      title_en="The border", rapporteur=org.studenikin,
                                      documents=[shared, russian])
    services.agenda_item_add(actor=officer, session=sochi, parent=border,
                             title_ru="Таджикско-афганский участок",
                             title_en="The Tajik-Afghan section")
    return sochi, shared, russian


def test_it_shows_who_took_part_the_numbered_agenda_and_the_signed_documents(org, personas):
    sochi, shared, russian = _sochi(org, personas)
    client = _client(personas.delegate_a)

    page = client.get(sochi.get_absolute_url()).content.decode()

    assert "<strong>Казахстан</strong>" in page
    assert f'<a href="{org.bordyuzha.get_absolute_url()}">Николай Бордюжа</a>' in page
    assert "Генеральный секретарь ОДКБ" in page
    assert "1.</span> О ходе выполнения решений предыдущей сессии" in page
    assert "2.</span> Граница" in page and "2.1.</span> Таджикско-афганский участок" in page
    assert "Докладчик: Александр Студеникин" in page
    assert f'<a class="me-2" href="{shared.get_absolute_url()}">{shared.symbol}</a>' in page
    assert f'<a class="me-2" href="{russian.get_absolute_url()}">{russian.symbol}</a>' in page
    assert (f'<a href="{shared.get_absolute_url()}">{shared.symbol}</a></td><td>'
            "О помощи Таджикистану<div") in page
    assert "<td>Принят</td><td>1</td>" in page  # adopted, signed once
    assert "Для России" in page
    assert "Московская сессия" in page
    assert "Совет коллективной безопасности" in page and "Кыргызстан" in page


def test_it_shows_the_same_page_in_english(org, personas):
    sochi, _shared, _russian = _sochi(org, personas)

    page = _client(personas.delegate_a).get(sochi.get_absolute_url(), **EN).content.decode()

    assert "<strong>Kazakhstan</strong>" in page and "Nikolai Bordyuzha" in page
    assert "CSTO Secretary General" in page
    assert "2.</span> The border" in page and "2.1.</span> The Tajik-Afghan section" in page
    assert "Rapporteur: Alexander Studenikin" in page
    assert "On assistance to Tajikistan<div" in page and ">Decision</div>" in page
    assert "<td>Adopted</td><td>1</td>" in page
    assert "1 signed document is held in Concord" in page
    assert "Moscow session" in page and "Collective Security Council" in page


def test_it_hides_a_document_not_released_to_the_delegates_state(org, personas):
    sochi, shared, russian = _sochi(org, personas)

    page = _client(personas.delegate_b).get(sochi.get_absolute_url()).content.decode()

    assert shared.symbol in page
    assert russian.symbol not in page and "Для России" not in page
    assert str(russian.public_id) not in page


def test_it_answers_an_invisible_session_as_a_missing_one_and_audits_the_denial(org, personas):
    hidden = session(org, personas.officer, classification=Classification.SECRET,
                     release_to_all_members=False)

    hidden_page = _client(personas.delegate_a).get(hidden.get_absolute_url())
    missing_page = _client(personas.delegate_a).get(
        reverse("council:session-detail", args=["00000000-0000-4000-8000-000000000000"]))

    assert hidden_page.status_code == missing_page.status_code == 404
    # Both refusals are audited alike; only the auditors learn which session existed.
    denials = AuditEntry.objects.filter(action="council.session.read", outcome="denied")
    assert sorted(json.loads(d.detail)["exists"] for d in denials) == [False, True]
    [found] = [d for d in denials if json.loads(d.detail)["exists"]]
    assert json.loads(found.detail)["record"] == str(hidden.public_id)
    assert audit_verify().ok


def test_it_audits_the_read_of_a_confidential_session(org, personas):
    confidential = session(org, personas.officer, classification=Classification.CONFIDENTIAL)

    response = _client(personas.delegate_a).get(confidential.get_absolute_url())

    assert response.status_code == 200
    read = AuditEntry.objects.get(action="council.session.read")
    assert (read.outcome, read.target_id) == ("success", str(confidential.public_id))


def test_it_names_the_previous_session_only_to_who_may_read_it(org, personas):
    previous = session(org, personas.officer, starts_on=date(2012, 12, 19),
                       classification=Classification.SECRET, release_to_all_members=False,
                       title_ru="Закрытая сессия")
    sochi = session(org, personas.officer, previous=previous)

    delegate = _client(personas.delegate_a).get(sochi.get_absolute_url()).content.decode()
    officer = _client(personas.officer).get(sochi.get_absolute_url()).content.decode()

    assert "Закрытая сессия" not in delegate and str(previous.public_id) not in delegate
    assert "Закрытая сессия" in officer


def test_it_reads_the_page_in_a_fixed_number_of_queries(org, personas,
                                                       django_assert_max_num_queries):
    sochi, shared, _russian = _sochi(org, personas)
    for number in range(20):
        document = draft(org, personas.officer, session=sochi, title_en=f"Decision {number}")
        services.agenda_item_add(actor=personas.officer, session=sochi,
                                 title_ru=f"Вопрос {number}", title_en=f"Item {number}",
                                 rapporteur=org.studenikin, documents=[document, shared])
        services.participant_add(actor=personas.officer, session=sochi, official=org.bordyuzha)
    client = _client(personas.delegate_a)

    with django_assert_max_num_queries(11):
        response = client.get(sochi.get_absolute_url())

    assert response.status_code == 200
    assert "22.</span> Вопрос 19" in response.content.decode()


def test_its_selector_raises_not_found_for_a_malformed_identifier(org, personas):
    with pytest.raises(NotFound):
        selectors.session_page(viewer=personas.officer, public_id="not-a-uuid")


def test_its_api_answer_shows_what_the_page_shows_and_no_more(org, personas):
    sochi, shared, russian = _sochi(org, personas)
    [report, border, section] = sochi.agenda_items.order_by("pk")
    [kazakhstan, secretary_general] = sochi.participants.order_by("order")

    answer = _client(personas.delegate_b).get(f"/api/v1/sessions/{sochi.public_id}").json()

    previous = sochi.previous
    assert answer == {
        "id": str(sochi.public_id), "body": "CSC", "kind": "regular", "status": "planned",
        "title_ru": "Сессия СКБ", "title_en": "Session of the CSC", "place_ru": "Сочи",
        "place_en": "Sochi", "starts_on": "2013-09-23", "ends_on": "2013-09-23",
        "dates_tentative": False, "time_zone": "Europe/Moscow", "chair": "KG",
        "previous": str(previous.public_id), "classification": "public",
        "url": sochi.get_absolute_url(),
        "participants": [
            {"id": kazakhstan.pk, "state": "KZ", "office_ru": None, "office_en": None,
             "official_ru": None, "official_en": None, "head_of_delegation": False},
            {"id": secretary_general.pk, "state": None,
             "office_ru": org.secretary_general.title_ru,
             "office_en": org.secretary_general.title_en, "official_ru": org.bordyuzha.name_ru,
             "official_en": org.bordyuzha.name_en, "head_of_delegation": False}],
        "agenda": [
            {"id": report.pk, "session": str(sochi.public_id), "number": "1", "depth": 0,
             "parent": None, "title_ru": "О ходе выполнения решений предыдущей сессии",
             "title_en": "Report on the implementation of the decisions of the previous session",
             "rapporteur_ru": org.secretary_general.title_ru,
             "rapporteur_en": org.secretary_general.title_en, "documents": [],
             "outcome_ru": "", "outcome_en": "", "implementation_report": True},
            {"id": border.pk, "session": str(sochi.public_id), "number": "2", "depth": 0,
             "parent": None, "title_ru": "Граница", "title_en": "The border",
             "rapporteur_ru": org.studenikin.name_ru, "rapporteur_en": org.studenikin.name_en,
             "documents": [shared.symbol], "outcome_ru": "", "outcome_en": "",
             "implementation_report": False},
            {"id": section.pk, "session": str(sochi.public_id), "number": "2.1", "depth": 1,
             "parent": border.pk, "title_ru": "Таджикско-афганский участок",
             "title_en": "The Tajik-Afghan section", "rapporteur_ru": None,
             "rapporteur_en": None, "documents": [], "outcome_ru": "", "outcome_en": "",
             "implementation_report": False}],
        "documents": [shared.symbol], "signed_documents_held": 1,
        "signed_documents_reported": None}
    assert russian.symbol not in json.dumps(answer, ensure_ascii=False)


def test_its_api_answer_reads_in_a_fixed_number_of_queries(org, personas,
                                                           django_assert_max_num_queries):
    sochi, shared, _russian = _sochi(org, personas)
    for number in range(20):
        document = draft(org, personas.officer, session=sochi, title_en=f"Decision {number}")
        services.agenda_item_add(actor=personas.officer, session=sochi,
                                 title_ru=f"Вопрос {number}", title_en=f"Item {number}",
                                 rapporteur=org.studenikin, documents=[document, shared])
    client = _client(personas.delegate_a)

    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/sessions/{sochi.public_id}")

    assert response.status_code == 200
    assert response.json()["agenda"][-1]["number"] == "22"
