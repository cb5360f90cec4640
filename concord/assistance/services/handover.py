"""The handover act closing a delivery and the end-use certificate a military-technical
delivery needs first, both signed with the Ed25519 signer keys of council signatures.

What is signed is a canonical JSON statement. The act's statement names the delivery, the
provider and the recipient, and each item with its quantities; the certificate's names the
recipient, the end user, the items, the restriction and the re-transfer ban. Verification
rebuilds the statement from the records as they are stored now, so a changed quantity, a
changed restriction, a changed statement or a changed signature each fails it."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import (
    MILITARY_CATEGORIES,
    Delivery,
    DeliveryItem,
    EndUseCertificate,
    HandoverAct,
    HandoverSignature,
    Pledge,
    PledgeLine,
)
from concord.core.actors import Actor
from concord.core.audit import audit_record, canonical_json
from concord.core.clock import today
from concord.core.errors import Conflict, Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import PartyKind
from concord.council import signing
from concord.council.models import SignerKey
from concord.registry.models import MemberState

ACT_FORMAT = "concord-assistance-handover/1"
CERTIFICATE_FORMAT = "concord-assistance-end-use/1"


def _acting_state(actor: Actor) -> MemberState | None:
    """The state a delegation's user acts for; None for the secretariat and the system."""
    party = getattr(actor, "party", None) if actor.is_authenticated else None
    if party is None or party.kind != PartyKind.STATE:
        return None
    return MemberState.objects.filter(party=party).first()


def _signature_checked(*, key: SignerKey, statement: dict[str, Any],
                       signature: str | None) -> str:
    """The signature over `statement`: the one given, checked, or made with the key this
    installation holds."""
    if key.revoked_at is not None:
        raise InvalidState(_("This signer key is revoked."))
    if signature is None:
        private = signing.held_private_key(key.fingerprint)
        if private is None:
            raise ValidationError(
                _("This installation does not hold the private key of %(name)s: give the "
                  "signature made with it.") % {"name": key.official.name},
                errors={"signature": [_("Required for a key kept by the signer.")]})
        signature = signing.sign(private, statement)
    try:
        base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        raise ValidationError(_("The signature is not base64."),
                              errors={"signature": [_("Not base64.")]}) from None
    if not signing.signature_valid(key.public_key, statement, signature):
        raise ValidationError(_("The signature does not match the statement and the key."),
                              errors={"signature": [_("Invalid signature.")]})
    return signature


def _signer(key: SignerKey) -> dict[str, Any]:
    return {"official": str(key.official.public_id), "name_en": key.official.name_en,
            "state": key.state.iso_alpha2 if key.state else None, "key": key.fingerprint}


# --- The handover act ------------------------------------------------------------------------

def _delivery_items(delivery: Delivery) -> list[DeliveryItem]:
    return list(DeliveryItem.objects.filter(delivery=delivery)
                .select_related("pledge_line__line").order_by("pledge_line__line__number", "id"))


def act_content(*, act: HandoverAct) -> dict[str, Any]:
    """What the act records, read from the delivery as it is stored now."""
    # The act is rebuilt from the records whoever asks: the delivery was not read for a viewer,
    # so its pledge is followed as stored.
    delivery = act.delivery
    pledge = delivery.pledge
    return {
        "format": ACT_FORMAT,
        "act": str(act.public_id), "number": act.number, "dated": act.dated.isoformat(),
        "place_ru": act.signed_at_place_ru, "place_en": act.signed_at_place_en,
        "request": pledge.request.reference, "delivery": delivery.reference,
        "provider": pledge.state.iso_alpha2,
        "recipient": pledge.request.requesting_state.iso_alpha2,
        "items": [{"line": item.pledge_line.line.number,
                   "category": item.pledge_line.line.category,
                   "description_ru": item.pledge_line.line.description_ru,
                   "quantity": item.quantity, "accepted": item.accepted}
                  for item in _delivery_items(delivery)],
    }


def act_statement(*, act: HandoverAct, side: str, key: SignerKey,
                  signed_on: date) -> dict[str, Any]:
    return {**act_content(act=act), "side": side, "signer": _signer(key),
            "signed_on": signed_on.isoformat()}


@transaction.atomic
def handover_act_draw(*, actor: Actor, delivery: Delivery, number: str, dated: date,
                      place_ru: str = "", place_en: str = "") -> HandoverAct:
    """Draws up the act of a delivered consignment, for both sides to sign."""
    require_permission(actor, "assistance.add_handoversignature")
    if delivery.status == Delivery.Status.SHIPPED:
        raise InvalidState(_("A handover act is drawn up once the consignment is delivered."))
    if HandoverAct.objects.filter(delivery=delivery).exists():
        raise Conflict(_("This delivery already has its handover act."))
    if not number.strip():
        raise ValidationError(_("The act was not drawn up."),
                              errors={"number": [_("Give the act's number.")]})
    if delivery.delivered_on and dated < delivery.delivered_on:
        raise ValidationError(_("The act was not drawn up."), errors={"dated": [
            _("On or after the delivery, %(day)s.") % {"day": delivery.delivered_on.isoformat()}]})
    act = HandoverAct(delivery=delivery, number=number.strip(), dated=dated,
                      signed_at_place_ru=place_ru, signed_at_place_en=place_en, payload="")
    act.save()
    act.payload = canonical_json(act_content(act=act))
    act.save(update_fields=["payload"])
    audit_record(actor=actor, action="assistance.handover.draw",
                 target=_pledge_of(delivery), detail={"act": act.number,
                                                      "delivery": delivery.reference})
    return act


def _pledge_of(delivery: Delivery) -> Pledge:
    return delivery.pledge


@transaction.atomic
def handover_sign(*, actor: Actor, act: HandoverAct, side: str, key: SignerKey,
                  signed_on: date | None = None, signature: str | None = None
                  ) -> HandoverSignature:
    """A side's signature of the act, by an official of that side's state; a delegation signs
    only for its own state."""
    require_permission(actor, "assistance.add_handoversignature")
    signed_on = signed_on or today()
    content = act_content(act=act)
    if side not in HandoverSignature.Side.values:
        raise ValidationError(_("Sign as the provider or the recipient."),
                              errors={"side": [_("Unknown side %(value)r.") % {"value": side}]})
    expected = content["provider"] if side == HandoverSignature.Side.PROVIDER \
        else content["recipient"]
    if key.state is None or key.state.iso_alpha2 != expected:
        raise ValidationError(_("The signer does not speak for this side."), errors={
            "key": [_("An official of %(state)s signs for this side.") % {"state": expected}]})
    acting = _acting_state(actor)
    if acting is not None and acting.iso_alpha2 != expected:
        raise Forbidden(_("A delegation signs only for its own state."))
    if canonical_json(content) != act.payload:
        raise InvalidState(_("The delivery changed since the act was drawn up: draw it up "
                             "again."))
    if signed_on < act.dated:
        raise ValidationError(_("The act was not signed."), errors={
            "signed_on": [_("On or after %(day)s.") % {"day": act.dated.isoformat()}]})
    if HandoverSignature.objects.filter(act=act, side=side).exists():
        raise Conflict(_("This side has already signed the act."))
    statement = act_statement(act=act, side=side, key=key, signed_on=signed_on)
    made = _signature_checked(key=key, statement=statement, signature=signature)
    record = HandoverSignature.objects.create(
        act=act, side=side, key=key, official=key.official, state=key.state,
        signed_on=signed_on, payload=canonical_json(statement), signature=made)
    audit_record(actor=actor, action="assistance.handover.sign", target=_pledge_of(act.delivery),
                 detail={"act": act.number, "side": side, "key": key.fingerprint,
                         "signed_on": signed_on.isoformat()})
    return record


@dataclass(frozen=True)
class Check:
    side: str
    official: str
    valid: bool
    problem: str
    signature: HandoverSignature | None = None


def act_intact(*, act: HandoverAct) -> bool:
    """Whether the delivery still reads as the act drawn up records it."""
    return canonical_json(act_content(act=act)) == act.payload


def handover_verify(*, act: HandoverAct) -> list[Check]:
    """Each signature of the act, checked against the act rebuilt from the records now."""
    checks = []
    content = canonical_json(act_content(act=act))
    for signed in (HandoverSignature.objects.filter(act=act)
                   .select_related("key__official", "key__state", "official")):
        statement = act_statement(act=act, side=signed.side, key=signed.key,
                                  signed_on=signed.signed_on)
        problem = ""
        if content != act.payload:
            problem = _("the delivery differs from the act as drawn up")
        elif canonical_json(statement) != signed.payload:
            problem = _("the act differs from what was signed")
        elif not signing.signature_valid(signed.key.public_key, statement, signed.signature):
            problem = _("the signature does not verify with the signer's public key")
        checks.append(Check(signed.side, signed.official.name, not problem, problem, signed))
    return checks


# --- The end-use certificate -----------------------------------------------------------------

def certificate_statement(*, certificate: EndUseCertificate, key: SignerKey,
                          signed_on: date) -> dict[str, Any]:
    lines = (certificate.lines.select_related("line").order_by("line__number", "id"))
    return {
        "format": CERTIFICATE_FORMAT,
        "certificate": str(certificate.public_id), "number": certificate.number,
        "recipient": certificate.recipient.iso_alpha2,
        "end_user_ru": certificate.end_user_ru, "end_user_en": certificate.end_user_en,
        "items": [{"line": line.line.number, "category": line.line.category,
                   "description_ru": line.line.description_ru, "quantity": line.quantity}
                  for line in lines],
        "restriction_ru": certificate.restriction_ru,
        "restriction_en": certificate.restriction_en,
        "retransfer_banned": certificate.retransfer_banned,
        "issued_on": certificate.issued_on.isoformat(),
        "signer": _signer(key), "signed_on": signed_on.isoformat(),
    }


@transaction.atomic
def end_use_certificate_issue(*, actor: Actor, pledge: Pledge, number: str, end_user_ru: str,
                              restriction_ru: str, lines: Iterable[PledgeLine],
                              issued_on: date, end_user_en: str = "",
                              restriction_en: str = "",
                              retransfer_banned: bool = True) -> EndUseCertificate:
    """The recipient's undertaking on the end use of a pledge's items, to be signed."""
    require_permission(actor, "assistance.add_endusecertificate")
    items = list(lines)
    errors: dict[str, list[str]] = {}
    if not number.strip():
        errors["number"] = [_("Give the certificate's number.")]
    elif EndUseCertificate.objects.filter(pledge=pledge, number=number.strip()).exists():
        errors["number"] = [_("This pledge already has a certificate %(number)s.")
                            % {"number": number.strip()}]
    if not end_user_ru.strip():
        errors["end_user_ru"] = [_("Name the end user.")]
    if not restriction_ru.strip():
        errors["restriction_ru"] = [_("State the end-use restriction.")]
    if not items:
        errors["lines"] = [_("Name the items the certificate covers.")]
    stray = [str(item.line.number) for item in items if item.pledge_id != pledge.pk]
    if stray:
        errors["lines"] = [_("Not of this pledge: line %(lines)s.") % {"lines": ", ".join(stray)}]
    if errors:
        raise ValidationError(_("The certificate was not issued."), errors=errors)
    recipient = pledge.request.requesting_state
    acting = _acting_state(actor)
    if acting is not None and acting.pk != recipient.pk:
        raise Forbidden(_("Only the recipient's delegation issues its end-use certificate."))
    certificate = EndUseCertificate.objects.create(
        pledge=pledge, number=number.strip(), recipient=recipient, end_user_ru=end_user_ru,
        end_user_en=end_user_en, restriction_ru=restriction_ru, restriction_en=restriction_en,
        retransfer_banned=retransfer_banned, issued_on=issued_on)
    certificate.lines.set(items)
    audit_record(actor=actor, action="assistance.end_use.issue", target=pledge,
                 detail={"certificate": certificate.number,
                         "lines": [item.line.number for item in items]})
    return certificate


@transaction.atomic
def end_use_certificate_sign(*, actor: Actor, certificate: EndUseCertificate, key: SignerKey,
                             signed_on: date | None = None,
                             signature: str | None = None) -> EndUseCertificate:
    """The recipient's signature of its certificate."""
    require_permission(actor, "assistance.change_endusecertificate")
    signed_on = signed_on or today()
    if certificate.is_signed:
        raise Conflict(_("This certificate is already signed."))
    if key.state_id != certificate.recipient_id:
        raise ValidationError(_("The certificate was not signed."), errors={"key": [
            _("An official of the recipient, %(state)s, signs it.")
            % {"state": certificate.recipient.name}]})
    acting = _acting_state(actor)
    if acting is not None and acting.pk != certificate.recipient_id:
        raise Forbidden(_("Only the recipient's delegation signs its end-use certificate."))
    statement = certificate_statement(certificate=certificate, key=key, signed_on=signed_on)
    certificate.signature = _signature_checked(key=key, statement=statement,
                                               signature=signature)
    certificate.key, certificate.signed_by, certificate.signed_on = key, key.official, signed_on
    certificate.payload = canonical_json(statement)
    certificate.save(update_fields=["signature", "key", "signed_by", "signed_on", "payload"])
    audit_record(actor=actor, action="assistance.end_use.sign", target=certificate.pledge,
                 detail={"certificate": certificate.number, "key": key.fingerprint})
    return certificate


def end_use_certificate_verify(*, certificate: EndUseCertificate) -> Check:
    if not certificate.is_signed or certificate.key is None or certificate.signed_on is None:
        return Check("recipient", "", False, _("the certificate is not signed"))
    statement = certificate_statement(certificate=certificate, key=certificate.key,
                                      signed_on=certificate.signed_on)
    problem = ""
    if canonical_json(statement) != certificate.payload:
        problem = _("the certificate differs from what was signed")
    elif not signing.signature_valid(certificate.key.public_key, statement,
                                     certificate.signature):
        problem = _("the signature does not verify with the signer's public key")
    official = certificate.signed_by.name if certificate.signed_by else ""
    return Check("recipient", official, not problem, problem)


def end_use_uncovered(*, lines: Iterable[PledgeLine]) -> list[PledgeLine]:
    """The military-technical lines among `lines` that no signed, intact end-use certificate
    covers: none of them may be delivered yet."""
    missing = []
    for line in lines:
        if line.line.category not in MILITARY_CATEGORIES:
            continue
        certificates = EndUseCertificate.objects.filter(lines=line).exclude(signature="")
        if not any(end_use_certificate_verify(certificate=c).valid for c in certificates):
            missing.append(line)
    return missing


def end_use_require(*, lines: Iterable[PledgeLine]) -> None:
    """Refuses a delivery of military-technical items before their end-use certificate is
    signed; the delivery services call it before recording a consignment."""
    missing = end_use_uncovered(lines=lines)
    if missing:
        numbers = ", ".join(str(line.line.number) for line in missing)
        raise InvalidState(_("Line %(lines)s is military-technical: the recipient's signed "
                             "end-use certificate must come before its delivery.")
                           % {"lines": numbers})
