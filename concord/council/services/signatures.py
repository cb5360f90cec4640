"""Signer keys, signatures of adopted documents and their verification, and the status of
agreements in each state (signature, ratification, entry into force)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record, canonical_json
from concord.core.clock import now, today
from concord.core.errors import Conflict, InvalidState, ValidationError, require_permission
from concord.council import signing
from concord.council.models import Document, DocumentText, Signature, SignerKey, TreatyAction
from concord.registry.models import MemberState, Official


@transaction.atomic
def signer_key_register(*, actor: Actor, official: Official, public_key: str,
                        state: MemberState | None = None) -> SignerKey:
    """Registers a key whose private half the signer keeps elsewhere."""
    require_permission(actor, "council.add_signerkey")
    try:
        signing.load_public_key(public_key)
    except (ValueError, binascii.Error):
        raise ValidationError(_("Not an Ed25519 public key."),
                              errors={"public_key": [_("Give the 32-byte key in base64.")]}) from None
    fingerprint = signing.fingerprint(public_key)
    if SignerKey.objects.filter(fingerprint=fingerprint).exists():
        raise Conflict(_("This key is already registered."))
    key = SignerKey.objects.create(official=official, state=state or official.state,
                                   public_key=public_key, fingerprint=fingerprint)
    audit_record(actor=actor, action="council.signer_key.register", target=official,
                 detail={"fingerprint": fingerprint})
    return key


def signer_key_create(*, actor: Actor, official: Official,
                      state: MemberState | None = None) -> SignerKey:
    """Generates a key pair held by this installation: the private half in a file under the var
    directory, readable by its owner only."""
    private = Ed25519PrivateKey.generate()
    key = signer_key_register(actor=actor, official=official,
                              public_key=signing.public_key_b64(private), state=state)
    signing.store_private_key(private)
    return key


@transaction.atomic
def signer_key_revoke(*, actor: Actor, key: SignerKey) -> SignerKey:
    """Stops a key from signing anything more; what it signed before still verifies."""
    require_permission(actor, "council.change_signerkey")
    if key.revoked_at is not None:
        raise InvalidState(_("This signer key is revoked."))
    key.revoked_at = now()
    key.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="council.signer_key.revoke", target=key.official,
                 detail={"fingerprint": key.fingerprint})
    return key


def _authentic_texts(document: Document) -> list[DocumentText]:
    return list(DocumentText.objects.filter(document=document, is_authentic=True)
                .order_by("language"))


def signature_statement(*, document: Document, key: SignerKey, signed_on: date,
                        texts: list[DocumentText] | None = None) -> dict[str, Any]:
    """What a signer signs: the document's metadata and the hash of each authentic text, the
    hash computed from the text as it is stored now."""
    texts = _authentic_texts(document) if texts is None else texts
    return {
        "format": signing.FORMAT,
        "document": str(document.public_id),
        "symbol": document.symbol,
        "type": document.doc_type,
        "body": document.body.code,
        "title_ru": document.title_ru,
        "title_en": document.title_en,
        "adopted_on": document.adopted_on.isoformat() if document.adopted_on else None,
        "place_ru": document.place_ru,
        "place_en": document.place_en,
        "texts": [{"language": t.language, "version": t.version,
                   "sha256": signing.text_sha256(t.body)} for t in texts],
        "signer": {"official": str(key.official.public_id), "name_en": key.official.name_en,
                   "state": key.state.iso_alpha2 if key.state else None,
                   "key": key.fingerprint},
        "signed_on": signed_on.isoformat(),
    }


@transaction.atomic
def document_sign(*, actor: Actor, document: Document, key: SignerKey,
                  signed_on: date | None = None, signature: str | None = None) -> Signature:
    """Records a head of delegation's signature. The signature comes from the signer; when it
    is not given, the key held by this installation signs."""
    require_permission(actor, "council.add_signature")
    signed_on = signed_on or today()
    if document.status != Document.Status.ADOPTED:
        raise InvalidState(_("Only an adopted document is signed."))
    if key.revoked_at is not None:
        raise InvalidState(_("This signer key is revoked."))
    if document.adopted_on is not None and signed_on < document.adopted_on:
        # What was signed must already be the authentic text: a date before adoption would
        # make the signature claim a text that did not yet exist as adopted.
        day = document.adopted_on.isoformat()
        raise ValidationError(
            _("A signature cannot be dated before the document's adoption on %(day)s.")
            % {"day": day},
            errors={"signed_on": [_("On or after %(day)s.") % {"day": day}]})
    if Signature.objects.filter(document=document, official=key.official).exists():
        raise Conflict(_("%(name)s has already signed this document.") % {"name": key.official.name})
    statement = signature_statement(document=document, key=key, signed_on=signed_on)
    # Whether the installation made the signature with a key it holds or the signer brought
    # it: the audit says which, since only the first rests on the installation's own care.
    made_here = signature is None
    if signature is None:
        private = signing.held_private_key(key.fingerprint)
        if private is None:
            raise ValidationError(
                _("This installation does not hold the private key of %(name)s: give the "
                  "signature made with it.") % {"name": key.official.name},
                errors={"signature": [_("Required for a key kept by the signer: sign the "
                                        "downloaded statement and paste the signature here.")]})
        signature = signing.sign(private, statement)
    try:
        base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        raise ValidationError(_("The signature is not base64."),
                              errors={"signature": [_("Not base64.")]}) from None
    if not signing.signature_valid(key.public_key, statement, signature):
        raise ValidationError(_("The signature does not match the document and the key."),
                              errors={"signature": [_("Invalid signature.")]})
    record = Signature.objects.create(document=document, key=key, official=key.official,
                                      state=key.state, signed_on=signed_on,
                                      payload=canonical_json(statement), signature=signature)
    audit_record(actor=actor, action="council.document.sign", target=document,
                 detail={"official": str(key.official.public_id), "key": key.fingerprint,
                         "signed_on": signed_on.isoformat(), "held_key": made_here})
    return record


@dataclass(frozen=True)
class SignatureCheck:
    signature: Signature
    valid: bool
    problem: str


def document_verify(*, document: Document) -> list[SignatureCheck]:
    """Rebuilds each signed statement from the document as stored now and checks it."""
    texts = _authentic_texts(document)
    checks = []
    for signature in (Signature.objects.filter(document=document)
                      .select_related("key", "key__official", "key__state", "official")):
        statement = signature_statement(document=document, key=signature.key,
                                        signed_on=signature.signed_on, texts=texts)
        problem = ""
        changed = [t.language for t in texts if t.sha256 != signing.text_sha256(t.body)]
        if changed:
            problem = _("the authentic text changed since adoption: %(languages)s") % {
                "languages": ", ".join(changed)}
        elif canonical_json(statement) != signature.payload:
            problem = _("the document differs from what was signed")
        elif not signing.signature_valid(signature.key.public_key, statement, signature.signature):
            problem = _("the signature does not verify with the signer's public key")
        checks.append(SignatureCheck(signature, not problem, problem))
    return checks


# --- Agreements: status per state ------------------------------------------------------------

@transaction.atomic
def treaty_action_record(*, actor: Actor, document: Document, state: MemberState,
                         signed_on: date | None = None, ratified_on: date | None = None,
                         deposited_on: date | None = None, reservations: str = "") -> TreatyAction:
    require_permission(actor, "council.add_treatyaction")
    if document.doc_type != Document.Type.AGREEMENT:
        raise InvalidState(_("Only agreements are signed and ratified by states."))
    errors: dict[str, list[str]] = {}
    if deposited_on and not ratified_on:
        errors["deposited_on"] = [_("An instrument is deposited after ratification.")]
    if ratified_on and signed_on and ratified_on < signed_on:
        errors["ratified_on"] = [_("Ratification follows signature.")]
    if deposited_on and ratified_on and deposited_on < ratified_on:
        errors["deposited_on"] = [_("The instrument is deposited after ratification.")]
    if errors:
        raise ValidationError(_("The treaty status was not recorded."), errors=errors)
    action, _created = TreatyAction.objects.update_or_create(
        document=document, state=state,
        defaults={"signed_on": signed_on, "ratified_on": ratified_on,
                  "deposited_on": deposited_on, "reservations": reservations})
    audit_record(actor=actor, action="council.treaty.record", target=document,
                 detail={"state": state.iso_alpha2,
                         "deposited_on": deposited_on.isoformat() if deposited_on else None})
    return action


def entry_into_force(*, document: Document, actions: list[TreatyAction]) -> date | None:
    """The day the agreement enters into force: the required number of instruments deposited,
    plus the delay the agreement sets; None while too few are."""
    if document.ratifications_required is None:
        return None
    deposits = sorted(a.deposited_on for a in actions if a.deposited_on is not None)
    if len(deposits) < document.ratifications_required:
        return None
    return deposits[document.ratifications_required - 1] + timedelta(
        days=document.entry_into_force_delay_days)
