"""The consensus rule: every active state takes a position, none objects, at least one concurs;
non-participants are not bound, suspended states take no part. One test per case."""

from __future__ import annotations

import pytest

from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.core.models import AuditEntry
from concord.council import selectors, services
from concord.council.models import ConsensusOutcome, Document, DocumentText, Session, StatePosition
from concord.council.tests.factories import ALL_CONCUR, committee, draft, positions, session

P = StatePosition.Stance
ADOPTED, NOT_ADOPTED = ConsensusOutcome.Outcome.ADOPTED, ConsensusOutcome.Outcome.NOT_ADOPTED


def _decide(org, personas, stances, **kwargs):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, stances)
    outcome = services.document_decide(actor=personas.officer, document=document, **kwargs)
    document.refresh_from_db()
    return document, outcome


def test_it_adopts_when_every_active_state_concurs(org, personas):
    document, outcome = _decide(org, personas, ALL_CONCUR)

    assert outcome.outcome == ADOPTED
    assert outcome.ground_en.startswith("Adopted by consensus: Belarus, Kazakhstan, Kyrgyzstan")
    assert document.status == Document.Status.ADOPTED


def test_it_does_not_adopt_when_one_state_objects_and_names_it(org, personas):
    stances = {**ALL_CONCUR, "TJ": P.OBJECTS}

    document, outcome = _decide(org, personas, stances, confirm_refusal=True)

    assert outcome.outcome == NOT_ADOPTED
    assert outcome.ground_en == "Not adopted: objected by Tajikistan."
    assert document.status == Document.Status.DRAFT


def test_it_records_nothing_while_a_state_has_not_answered(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document,
              {code: stance for code, stance in ALL_CONCUR.items() if code != "KZ"})

    with pytest.raises(ValidationError) as refused:
        services.document_decide(actor=personas.officer, document=document, confirm_refusal=True)

    assert refused.value.status == 422
    assert refused.value.detail == ("The consensus rule cannot conclude yet: "
                                    "no position from Kazakhstan.")
    assert refused.value.errors == {"positions": ["No position yet from Kazakhstan."]}
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT
    assert not document.outcomes.exists()


def test_it_previews_who_answered_who_is_missing_and_what_the_rule_would_say(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {"RU": P.CONCURS, "TJ": P.OBJECTS})

    outlook = selectors.decision_preview(document=document)

    assert [p.state.iso_alpha2 for p in outlook.answered] == ["RU", "TJ"]
    assert all(p.recorded_by == personas.officer for p in outlook.answered)
    assert sorted(s.iso_alpha2 for s in outlook.missing) == ["BY", "KG", "KZ"]
    assert outlook.participants == 5
    assert not outlook.concludes
    assert not document.outcomes.exists()


def test_it_asks_for_a_confirmation_before_recording_a_refusal(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {**ALL_CONCUR, "TJ": P.OBJECTS})

    with pytest.raises(ValidationError) as refused:
        services.document_decide(actor=personas.officer, document=document)

    assert refused.value.detail == ("Not adopted: objected by Tajikistan. Recording this refusal "
                                    "needs a confirmation.")
    assert list(refused.value.errors) == ["confirm_refusal"]
    assert not document.outcomes.exists()
    outcome = services.document_decide(actor=personas.officer, document=document,
                                       confirm_refusal=True)
    assert outcome.outcome == NOT_ADOPTED
    assert AuditEntry.objects.filter(action="council.document.decide").count() == 1


def test_it_needs_at_least_one_state_to_concur(org, personas):
    stances = dict.fromkeys(ALL_CONCUR, P.ABSTAINS)

    _document, outcome = _decide(org, personas, stances, confirm_refusal=True)

    assert outcome.outcome == NOT_ADOPTED
    assert outcome.ground_en == "Not adopted: no state concurs."


def test_it_adopts_over_abstentions(org, personas):
    stances = {**ALL_CONCUR, "BY": P.ABSTAINS}

    _document, outcome = _decide(org, personas, stances)

    assert outcome.outcome == ADOPTED
    assert "Belarus abstain." in outcome.ground_en


def test_it_records_that_a_non_participating_state_is_not_bound(org, personas):
    stances = {**ALL_CONCUR, "KG": P.NOT_PARTICIPATING}

    _document, outcome = _decide(org, personas, stances)

    assert outcome.outcome == ADOPTED
    assert outcome.not_bound == ["KG"]
    assert "Kyrgyzstan declared non-participation and are not bound (reservation)" in outcome.ground_en


def test_it_leaves_a_suspended_state_out_of_the_rule(org, personas):
    # Armenia's participation is suspended: its silence does not block adoption.
    _document, outcome = _decide(org, personas, ALL_CONCUR)

    assert outcome.outcome == ADOPTED
    assert "Armenia took no part: participation suspended." in outcome.ground_en


def test_it_refuses_a_position_from_a_suspended_state(org, personas):
    document = draft(org, personas.officer)

    with pytest.raises(InvalidState, match="Armenia takes no part"):
        services.position_record(actor=personas.officer, document=document, body=org.csc,
                                 state=org.states["AM"], stance=P.CONCURS)


def test_it_wants_a_reason_for_non_participation(org, personas):
    document = draft(org, personas.officer)

    with pytest.raises(ValidationError) as error:
        services.position_record(actor=personas.officer, document=document, body=org.csc,
                                 state=org.states["KG"], stance=P.NOT_PARTICIPATING)

    assert "reason" in error.value.errors


def test_it_lets_a_delegate_state_only_their_own_states_position(org, personas):
    document = draft(org, personas.officer)

    services.position_record(actor=personas.delegate_a, document=document, body=org.csc,
                             state=org.states["RU"], stance=P.CONCURS)
    with pytest.raises(Forbidden):
        services.position_record(actor=personas.delegate_a, document=document, body=org.csc,
                                 state=org.states["TJ"], stance=P.CONCURS)


def test_it_locks_and_hashes_the_authentic_texts_at_adoption(org, personas):
    document, _outcome = _decide(org, personas, ALL_CONCUR)

    authentic = DocumentText.objects.filter(document=document, is_authentic=True)
    assert sorted(authentic.values_list("language", flat=True)) == ["en", "ru"]
    assert all(len(text.sha256) == 64 for text in authentic)
    with pytest.raises(InvalidState, match="locked"):
        services.document_text_revise(actor=personas.officer, document=document, language="en",
                                      body="Changed after adoption.")


def test_it_records_each_bodys_approval_on_the_same_document(org, personas):
    cssc = committee(org)
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR, body=cssc)
    first = services.document_decide(actor=personas.officer, document=document, body=cssc)
    document.refresh_from_db()
    assert first.outcome == ADOPTED
    assert document.status == Document.Status.DRAFT  # approved below; the Council adopts

    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document)
    document.refresh_from_db()

    assert [o.body.code for o in document.outcomes.all()] == ["CSSC", "CSC"]
    assert document.status == Document.Status.ADOPTED


def test_it_takes_no_formal_decision_at_an_informal_session(org, personas):
    informal = session(org, personas.officer, kind=Session.Kind.INFORMAL)
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR)

    with pytest.raises(InvalidState, match="informal"):
        services.document_decide(actor=personas.officer, document=document, session=informal)


def test_it_refuses_a_delegate_deciding(org, personas):
    document = draft(org, personas.officer)

    with pytest.raises(Forbidden):
        services.document_decide(actor=personas.delegate_a, document=document)


def test_it_numbers_documents_per_body_year_and_type(org, personas):
    first = draft(org, personas.officer)
    second = draft(org, personas.officer)
    statement = draft(org, personas.officer, doc_type=Document.Type.STATEMENT)

    assert [first.symbol, second.symbol, statement.symbol] == [
        "CSC/2013/01", "CSC/2013/02", "CSC/ST/2013/01"]


def test_it_refuses_a_label_above_the_authors_clearance(org, personas):
    personas.officer.clearance = 2  # CONFIDENTIAL
    personas.officer.save(update_fields=["clearance"])

    with pytest.raises(ValidationError) as error:
        draft(org, personas.officer, classification=3)  # SECRET

    assert "classification" in error.value.errors


def test_it_names_every_field_it_cannot_register_a_document_with_and_registers_nothing(
        org, personas):
    sitting = session(org, personas.officer)  # a session of the council itself

    with pytest.raises(ValidationError) as error:
        draft(org, personas.officer, body=committee(org), session=sitting, doc_type="memorandum",
              ratifications_required=2, texts={"ru": "Текст", "kk": "Мәтін", "de": "Text"})

    assert list(error.value.errors) == ["doc_type", "session", "ratifications_required", "texts"]
    assert error.value.errors["texts"] == ["Unknown language: de, kk."]
    assert not Document.objects.unscoped(reason="test").exists()
