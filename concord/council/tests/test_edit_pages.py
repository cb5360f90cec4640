"""The pages that record a session's participants and agenda, circulate a draft under silence,
record signatures and states' treaty actions, and list and edit the reports on implementation."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import Client
from django.urls import reverse

from concord.core import clock
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.council import selectors, services, signing
from concord.council.models import (
    AgendaItem,
    Document,
    Participant,
    Signature,
    SignerKey,
    SilenceProcedure,
    TreatyAction,
)
from concord.council.tests.factories import (
    ALL_CONCUR,
    draft,
    implementation_report,
    positions,
    session,
)
from concord.registry.tests.factories import official


def _client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def _adopted(org, personas, **fields):
    document = draft(org, personas.officer, **fields)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=date(2013, 9, 23))
    document.refresh_from_db()
    return document


# --- Participants and agenda -----------------------------------------------------------------

def test_it_adds_a_participant_from_the_session_page(org, personas):
    sochi = session(org, personas.officer)
    url = reverse("council:session-participant-add", args=[sochi.public_id])

    response = _client(personas.officer).post(url, {
        "state": "RU", "official": org.bordyuzha.public_id, "is_head_of_delegation": "on"},
        follow=True)

    assert "The participant was added." in response.content.decode()
    participant = Participant.objects.get(session=sochi)
    assert (participant.state, participant.official, participant.is_head_of_delegation) == (
        org.states["RU"], org.bordyuzha, True)
    assert AuditEntry.objects.filter(action="council.session.participant_add").exists()


def test_it_asks_for_a_state_or_an_official_and_keeps_the_session_unchanged(org, personas):
    sochi = session(org, personas.officer)

    response = _client(personas.officer).post(
        reverse("council:session-participant-add", args=[sochi.public_id]), {})

    assert response.status_code == 400
    assert "Required when no official is named." in response.content.decode()
    assert not Participant.objects.filter(session=sochi).exists()


def test_it_adds_agenda_items_under_one_another_with_the_documents_they_consider(org, personas):
    sochi = session(org, personas.officer)
    document = draft(org, personas.officer, session=sochi)
    client = _client(personas.officer)
    url = reverse("council:session-agenda-item-add", args=[sochi.public_id])

    client.post(url, {"title_ru": "О положении", "title_en": "On the situation",
                      "rapporteur": org.bordyuzha.public_id,
                      "rapporteur_position": org.secretary_general.pk})
    top = AgendaItem.objects.get(session=sochi)
    client.post(url, {"parent": top.pk, "title_ru": "О границе", "title_en": "On the border",
                      "documents": [str(document.public_id)],
                      "outcome_en": "Assistance agreed."})
    page = client.get(sochi.get_absolute_url()).content.decode()

    child = AgendaItem.objects.get(session=sochi, parent=top)
    assert list(child.documents.through.objects.filter(agendaitem=child)
                .values_list("document_id", flat=True)) == [document.pk]
    agenda = selectors.session_agenda(viewer=personas.officer, session=sochi)
    assert [(n.number, n.item.title_en) for n in agenda] == [
        ("1", "On the situation"), ("1.1", "On the border")]
    assert "Assistance agreed." in page
    assert document.symbol in page


def test_it_offers_only_the_documents_of_the_session_the_user_may_read(org, personas):
    sochi = session(org, personas.officer)
    draft(org, personas.officer, session=sochi, title_en="Open draft")
    draft(org, personas.officer, session=sochi, title_en="Kept draft",
          classification=Classification.SECRET, release_to_all_members=False)
    draft(org, personas.officer, title_en="Another session's draft")

    page = _client(personas.officer).get(
        reverse("council:session-agenda-item-add", args=[sochi.public_id])).content.decode()

    assert "Open draft" in page
    assert "Kept draft" in page  # the officer is cleared SECRET and the secretariat drafted it
    assert "Another session" not in page


def test_it_refuses_a_document_not_offered(org, personas):
    sochi = session(org, personas.officer)
    elsewhere = draft(org, personas.officer)

    response = _client(personas.officer).post(
        reverse("council:session-agenda-item-add", args=[sochi.public_id]),
        {"title_ru": "Пункт", "title_en": "Item", "documents": [str(elsewhere.public_id)]})

    assert response.status_code == 400
    assert "is not one of the available choices" in response.content.decode()
    assert not AgendaItem.objects.filter(session=sochi).exists()


def test_it_refuses_the_session_edit_pages_to_a_delegate(org, personas):
    sochi = session(org, personas.officer)
    client = _client(personas.delegate_a)

    for name in ("council:session-participant-add", "council:session-agenda-item-add"):
        assert client.get(reverse(name, args=[sochi.public_id])).status_code == 403


# --- Silence ---------------------------------------------------------------------------------

def test_it_circulates_a_draft_with_the_deadline_read_in_the_zone_given(org, personas):
    document = draft(org, personas.officer)
    day = (clock.now().astimezone(ZoneInfo("Asia/Bishkek")) + timedelta(days=10)).date()

    response = _client(personas.officer).post(
        reverse("council:document-silence", args=[document.public_id]),
        {"deadline": f"{day.isoformat()}T18:00", "time_zone": "Asia/Bishkek"}, follow=True)

    assert "The draft circulates under the silence procedure." in response.content.decode()
    silence = SilenceProcedure.objects.get(document=document)
    assert silence.deadline == datetime(day.year, day.month, day.day, 18, 0,
                                        tzinfo=ZoneInfo("Asia/Bishkek"))
    document.refresh_from_db()
    assert document.status == Document.Status.CIRCULATING


def test_it_names_an_unknown_time_zone_and_a_past_deadline(org, personas):
    document = draft(org, personas.officer)
    url = reverse("council:document-silence", args=[document.public_id])
    client = _client(personas.officer)

    zone = client.post(url, {"deadline": "2030-01-01T12:00", "time_zone": "Mars/Olympus"})
    past = client.post(url, {"deadline": "2001-01-01T12:00", "time_zone": "Europe/Moscow"})

    assert zone.status_code == past.status_code == 400
    assert "Mars/Olympus is not a time zone" in zone.content.decode()
    assert "Already passed." in past.content.decode()
    assert not SilenceProcedure.objects.filter(document=document).exists()


# --- Signatures ------------------------------------------------------------------------------

def test_it_records_a_signature_with_a_key_held_here_and_shows_it_valid(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)
    client = _client(personas.officer)

    response = client.post(reverse("council:document-sign", args=[document.public_id]),
                           {"key": key.fingerprint, "signed_on": "2013-09-23"}, follow=True)

    assert f"Vladimir Putin signed {document.symbol}." in response.content.decode()
    signature = Signature.objects.get(document=document)
    assert (signature.official, signature.signed_on) == (putin, date(2013, 9, 23))
    assert [check.valid for check in response.context["signatures"]] == [True]


def test_it_refuses_a_signature_that_does_not_verify(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)

    response = _client(personas.officer).post(
        reverse("council:document-sign", args=[document.public_id]),
        {"key": key.fingerprint, "signed_on": "2013-09-23", "signature": "QUJD" * 22})

    assert response.status_code == 400
    assert "Invalid signature." in response.content.decode()
    assert not Signature.objects.filter(document=document).exists()


def test_it_refuses_to_sign_a_draft(org, personas):
    document = draft(org, personas.officer)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)

    response = _client(personas.officer).post(
        reverse("council:document-sign", args=[document.public_id]), {"key": key.fingerprint})

    assert response.status_code == 400
    assert "Only an adopted document is signed." in response.content.decode()


# --- Treaty status ---------------------------------------------------------------------------

def test_it_records_and_corrects_a_states_treaty_action(org, personas):
    agreement = draft(org, personas.officer, doc_type=Document.Type.AGREEMENT,
                      ratifications_required=1)
    url = reverse("council:document-treaty-action", args=[agreement.public_id])
    client = _client(personas.officer)

    client.post(url, {"state": "KZ", "signed_on": "2013-09-23"})
    form = client.get(url + "?state=KZ").context["form"]
    client.post(url, {"state": "KZ", "signed_on": "2013-09-23", "ratified_on": "2014-02-01",
                      "deposited_on": "2014-03-01", "reservations": "On article 5."})

    action = TreatyAction.objects.get(document=agreement)
    assert form.initial["signed_on"] == date(2013, 9, 23)
    assert (action.ratified_on, action.deposited_on, action.reservations) == (
        date(2014, 2, 1), date(2014, 3, 1), "On article 5.")
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "On article 5." in page


def test_it_refuses_a_deposit_before_ratification_on_the_field(org, personas):
    agreement = draft(org, personas.officer, doc_type=Document.Type.AGREEMENT)

    response = _client(personas.officer).post(
        reverse("council:document-treaty-action", args=[agreement.public_id]),
        {"state": "KZ", "deposited_on": "2014-03-01"})

    assert response.status_code == 400
    assert "An instrument is deposited after ratification." in response.content.decode()
    assert not TreatyAction.objects.exists()


# --- Reports on implementation ---------------------------------------------------------------

def test_it_lists_the_reports_a_user_may_read_and_exports_them(org, personas):
    report = implementation_report(org, personas.officer)

    listed = _client(personas.delegate_a).get(reverse("council:report-list"))
    exported = _client(personas.delegate_a).get(reverse("council:report-list") + "?format=csv")
    public = _client().get(reverse("council:report-list"))

    assert report.title_en in listed.content.decode()
    assert report.title_en in exported.content.decode("utf-8-sig")
    assert report.classification != Classification.PUBLIC
    assert report.title_en not in public.content.decode()
    assert "No report you may read." in public.content.decode()


def test_it_edits_the_introduction_of_a_report(org, personas):
    report = implementation_report(org, personas.officer)

    response = _client(personas.officer).post(
        reverse("council:report-edit", args=[report.public_id]),
        {"introduction_ru": "Вводная часть.", "introduction_en": "By way of introduction."},
        follow=True)

    assert "By way of introduction." in response.content.decode()
    report.refresh_from_db()
    assert report.introduction_ru == "Вводная часть."
    assert _client(personas.delegate_a).get(
        reverse("council:report-edit", args=[report.public_id])).status_code == 403


# --- Signer keys -----------------------------------------------------------------------------

def test_it_generates_and_registers_signer_keys_and_shows_them_to_anyone(org, personas):
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    outside = Ed25519PrivateKey.generate()
    external = signing.public_key_b64(outside)
    client = _client(personas.officer)
    url = reverse("council:signer-key-list")

    generated = client.post(url, {"official": putin.public_id}, follow=True)
    client.post(url, {"official": org.bordyuzha.public_id, "state": "RU",
                      "public_key": external})
    public = _client().get(url).content.decode()

    assert "The signer key was registered." in generated.content.decode()
    held, kept_elsewhere = (SignerKey.objects.get(official=putin),
                            SignerKey.objects.get(official=org.bordyuzha))
    assert signing.held_private_key(held.fingerprint) is not None
    assert kept_elsewhere.public_key == external
    assert signing.held_private_key(kept_elsewhere.fingerprint) is None
    assert "Vladimir Putin" in public and "Nikolai Bordyuzha" in public
    assert 'name="public_key"' not in public  # the form is for those who may register


def test_it_names_a_malformed_public_key_on_its_field(org, personas):
    response = _client(personas.officer).post(reverse("council:signer-key-list"), {
        "official": org.bordyuzha.public_id, "public_key": "not-a-key"})

    assert response.status_code == 400
    assert "Give the 32-byte key in base64." in response.content.decode()
    assert not SignerKey.objects.exists()


def test_it_refuses_registration_to_a_delegate(org, personas):
    response = _client(personas.delegate_a).post(reverse("council:signer-key-list"), {
        "official": org.bordyuzha.public_id})

    assert response.status_code == 403
    assert not SignerKey.objects.exists()


def test_a_revoked_key_signs_nothing_more_and_its_signatures_still_verify(org, personas):
    signed, unsigned = _adopted(org, personas), _adopted(org, personas, title_en="Second")
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)
    services.document_sign(actor=personas.officer, document=signed, key=key)
    client = _client(personas.officer)

    client.post(reverse("council:signer-key-revoke", args=[key.fingerprint]))
    refused = client.post(reverse("council:document-sign", args=[unsigned.public_id]),
                          {"key": key.fingerprint})

    assert refused.status_code == 400  # a revoked key is no longer offered
    assert not Signature.objects.filter(document=unsigned).exists()
    assert [check.valid for check in services.document_verify(document=signed)] == [True]
    assert AuditEntry.objects.filter(action="council.signer_key.revoke").count() == 1


@pytest.mark.parametrize("fingerprint", ["not-a-fingerprint", "AB" * 32, "0" * 63])
def test_it_answers_a_key_path_that_names_no_fingerprint_as_missing(org, personas, fingerprint):
    response = _client(personas.officer).post(f"/council/signer-keys/{fingerprint}/revoke/")

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="council.signer_key.revoke").exists()


def test_a_draft_released_to_one_state_by_name_is_read_by_that_state_alone(org, personas):
    sochi = session(org, personas.officer)

    _client(personas.officer).post(reverse("council:document-create", args=[sochi.public_id]), {
        "doc_type": "decision", "title_ru": "О помощи", "title_en": "On assistance to Tajikistan",
        "classification": "1", "releasable_to": ["TJ"], "text_ru": "Решили."})

    document = Document.objects.visible_to(personas.officer).get(
        title_en="On assistance to Tajikistan")
    assert _client(personas.delegate_b).get(document.get_absolute_url()).status_code == 200
    assert _client(personas.delegate_a).get(document.get_absolute_url()).status_code == 404


# --- Labels ----------------------------------------------------------------------------------

def test_publishing_a_document_waits_for_a_second_person_then_anyone_reads_it(org, personas):
    document = _adopted(org, personas)
    url = reverse("portal:relabel", args=["council.document", document.public_id])
    label = {"classification": "0", "release_to_all_members": "on", "reason": "For the press"}

    asked = _client(personas.officer).post(url, label, follow=True)
    hidden = _client().get(document.get_absolute_url()).status_code
    [(change, _)] = _client(personas.analyst).get(
        reverse("portal:label-changes")).context["pending"]
    _client(personas.analyst).post(reverse("portal:label-change-decide",
                                           args=[change.public_id]), {"decision": "approve"})

    assert "waits for a second person of your party" in asked.content.decode()
    assert hidden == 404
    assert _client().get(document.get_absolute_url()).status_code == 200


def test_a_raised_label_applies_at_once_and_hides_the_document(org, personas):
    document = _adopted(org, personas)

    url = reverse("portal:relabel", args=["council.document", document.public_id])
    raised = _client(personas.officer).post(url, {"classification": str(Classification.SECRET)},
                                            follow=True)
    again = _client(personas.officer).post(url, {"classification": str(Classification.SECRET)},
                                           follow=True)

    document.refresh_from_db()
    assert "The label was raised." in raised.content.decode()
    assert "The label is unchanged." in again.content.decode()
    assert document.classification == Classification.SECRET
    assert not document.release_to_all_members
    assert _client(personas.delegate_a).get(document.get_absolute_url()).status_code == 404


def test_the_label_page_knows_only_council_records(org, personas):
    sochi = session(org, personas.officer)

    response = _client(personas.officer).get(
        reverse("portal:relabel", args=["accounts.user", sochi.public_id]))

    assert response.status_code == 404


# --- The position board and signing from the page --------------------------------------------

def test_it_preselects_no_position_and_says_who_has_answered(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {"RU": "concurs"})

    page = _client(personas.officer).get(document.get_absolute_url()).content.decode()

    assert "1 of 5 participating states has answered" in page
    assert page.count('<option value="" selected>Choose a position</option>') == 4
    assert page.count('<option value="concurs" selected>') == 1
    assert f"{personas.officer.username}, " in page


def test_it_confirms_a_position_in_the_swapped_board(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.officer).post(
        reverse("council:document-position", args=[document.public_id]),
        {"state": "KZ", "stance": "objects", "reason": "Not yet agreed at home."},
        HTTP_HX_REQUEST="true")

    fragment = response.content.decode()
    assert response.status_code == 200
    assert "Recorded for Kazakhstan: Objects." in fragment
    assert 'id="position-KZ-submit"' in fragment
    assert "1 of 5 participating states has answered" in fragment


def test_it_refuses_a_position_submitted_without_a_choice(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.officer).post(
        reverse("council:document-position", args=[document.public_id]),
        {"state": "KZ", "stance": ""}, HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert "Choose the state&#x27;s position." in response.content.decode()
    assert not document.positions.exists()


def test_it_offers_the_held_keys_and_the_statement_to_sign_outside(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    held = services.signer_key_create(actor=personas.officer, official=putin)
    client = _client(personas.officer)

    page = client.get(reverse("council:document-sign", args=[document.public_id]))
    download = client.get(reverse("council:document-statement", args=[document.public_id]),
                          {"key": held.fingerprint, "signed_on": "2013-09-24"})

    assert "Vladimir Putin (Russia): key held by this installation" in page.content.decode()
    assert "openssl pkeyutl -sign -rawin" in page.content.decode()
    assert download["Content-Disposition"].endswith('.statement.json"')
    statement = services.signature_statement(document=document, key=held,
                                             signed_on=date(2013, 9, 24))
    assert download.content == signing.statement_bytes(statement)


def test_it_refuses_on_the_page_a_signature_dated_before_adoption(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)

    response = _client(personas.officer).post(
        reverse("council:document-sign", args=[document.public_id]),
        {"key": key.fingerprint, "signed_on": "2013-09-01"})

    assert response.status_code == 400
    assert "On or after 2013-09-23." in response.content.decode()
    assert not Signature.objects.filter(document=document).exists()
