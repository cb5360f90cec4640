"""Signatures: Ed25519 over the authentic texts' hashes and the metadata, checked by anyone with
the signer's public key; a changed byte anywhere fails verification."""

from __future__ import annotations

import base64
import json
from datetime import date
from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.core.audit import canonical_json
from concord.core.errors import InvalidState, ValidationError
from concord.core.models import AuditEntry
from concord.council import services, signing
from concord.council.models import Document, DocumentText, Signature
from concord.council.tests.factories import ALL_CONCUR, draft, positions
from concord.registry.tests.factories import official


def _adopted(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=date(2013, 9, 23))
    document.refresh_from_db()
    return document


def _signed(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)
    services.document_sign(actor=personas.officer, document=document, key=key,
                           signed_on=date(2013, 9, 23))
    return document, key


def test_it_verifies_a_signature_with_the_public_key_alone(org, personas):
    document, key = _signed(org, personas)

    [check] = services.document_verify(document=document)
    signature = Signature.objects.get(document=document)
    statement = signature.payload.encode("utf-8")

    assert check.valid
    public = signing.load_public_key(key.public_key)
    public.verify(base64.b64decode(signature.signature), statement)  # raises if not valid


def test_it_fails_verification_when_one_byte_of_a_text_changes(org, personas):
    document, _key = _signed(org, personas)
    text = DocumentText.objects.get(document=document, language="en", is_authentic=True)
    DocumentText.objects.filter(pk=text.pk).update(body=text.body.replace("assistance",
                                                                         "assistancE"))

    [check] = services.document_verify(document=document)

    assert not check.valid
    assert "en" in check.problem


def test_it_fails_verification_when_the_metadata_changes(org, personas):
    document, _key = _signed(org, personas)
    Document.objects.visible_to(personas.officer).filter(pk=document.pk).update(
        title_en="On something else")
    document.refresh_from_db()

    [check] = services.document_verify(document=document)

    assert not check.valid


def test_it_fails_verification_when_the_signature_changes(org, personas):
    document, _key = _signed(org, personas)
    signature = Signature.objects.get(document=document)
    raw = bytearray(base64.b64decode(signature.signature))
    raw[0] ^= 1
    Signature.objects.filter(pk=signature.pk).update(signature=base64.b64encode(raw).decode())

    [check] = services.document_verify(document=document)

    assert not check.valid


def test_it_accepts_a_signature_made_by_the_signer_elsewhere(org, personas):
    document = _adopted(org, personas)
    rahmon = official("Emomali Rahmon", "Эмомали Рахмон", state=org.states["TJ"])
    private = Ed25519PrivateKey.generate()
    key = services.signer_key_register(actor=personas.officer, official=rahmon,
                                       public_key=signing.public_key_b64(private))
    statement = services.signature_statement(document=document, key=key,
                                             signed_on=date(2013, 9, 23))
    signature = base64.b64encode(private.sign(canonical_json(statement).encode())).decode()

    services.document_sign(actor=personas.officer, document=document, key=key,
                           signed_on=date(2013, 9, 23), signature=signature)

    assert services.document_verify(document=document)[0].valid


def test_it_refuses_a_signature_that_does_not_match(org, personas):
    document = _adopted(org, personas)
    rahmon = official("Emomali Rahmon", "Эмомали Рахмон", state=org.states["TJ"])
    key = services.signer_key_register(
        actor=personas.officer, official=rahmon,
        public_key=signing.public_key_b64(Ed25519PrivateKey.generate()))
    forged = base64.b64encode(Ed25519PrivateKey.generate().sign(b"other")).decode()

    with pytest.raises(ValidationError):
        services.document_sign(actor=personas.officer, document=document, key=key,
                               signature=forged)


def test_it_signs_only_adopted_documents(org, personas):
    document = draft(org, personas.officer)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)

    with pytest.raises(InvalidState):
        services.document_sign(actor=personas.officer, document=document, key=key)


def test_it_keeps_the_private_key_out_of_the_database(org, personas, settings):
    _document, key = _signed(org, personas)

    path = signing.key_path(key.fingerprint)
    assert path.parent.parent == settings.VAR_DIR
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert "PRIVATE" not in key.public_key


def test_it_verifies_from_the_command_line(org, personas):
    document, _key = _signed(org, personas)
    out = StringIO()

    call_command("council", "verify", document.symbol, stdout=out)

    assert "valid    Vladimir Putin" in out.getvalue()
    assert f"{document.symbol}: all 1 signatures verify." in out.getvalue()


def test_it_exits_with_failure_from_the_command_line_after_tampering(org, personas):
    document, _key = _signed(org, personas)
    DocumentText.objects.filter(document=document, language="ru").update(body="Подмена")
    out = StringIO()

    with pytest.raises(CommandError) as error:
        call_command("council", "verify", document.symbol, stdout=out)

    assert error.value.returncode == 1
    assert "INVALID  Vladimir Putin" in out.getvalue()


def test_it_refuses_a_signature_dated_before_the_adoption_and_records_nothing(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    key = services.signer_key_create(actor=personas.officer, official=putin)

    with pytest.raises(ValidationError) as refused:
        services.document_sign(actor=personas.officer, document=document, key=key,
                               signed_on=date(2013, 9, 22))

    assert refused.value.detail == ("A signature cannot be dated before the document's "
                                    "adoption on 2013-09-23.")
    assert refused.value.errors == {"signed_on": ["On or after 2013-09-23."]}
    assert not Signature.objects.filter(document=document).exists()


def test_it_records_a_signature_made_outside_over_the_statement_it_gives(org, personas):
    document = _adopted(org, personas)
    putin = official("Vladimir Putin", "Владимир Путин", state=org.states["RU"])
    private = Ed25519PrivateKey.generate()
    key = services.signer_key_register(actor=personas.officer, official=putin,
                                       public_key=signing.public_key_b64(private))
    statement = services.signature_statement(document=document, key=key,
                                             signed_on=date(2013, 9, 24))
    made_outside = base64.b64encode(private.sign(signing.statement_bytes(statement))).decode()

    with pytest.raises(ValidationError) as unsigned:
        services.document_sign(actor=personas.officer, document=document, key=key,
                               signed_on=date(2013, 9, 24))
    services.document_sign(actor=personas.officer, document=document, key=key,
                           signed_on=date(2013, 9, 24), signature=made_outside)

    assert list(unsigned.value.errors) == ["signature"]
    [check] = services.document_verify(document=document)
    assert check.valid


def test_it_audits_whether_a_held_key_signed(org, personas):
    _document, key = _signed(org, personas)

    entry = AuditEntry.objects.filter(action="council.document.sign").get()
    detail = json.loads(entry.detail)

    assert entry.actor == personas.officer
    assert (detail["held_key"], detail["key"], detail["signed_on"]) == (
        True, key.fingerprint, "2013-09-23")
