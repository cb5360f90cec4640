"""Assistance test data made through the services: Tajikistan's request for its border troops,
opened by the secretariat, and pledges of the other states."""

from __future__ import annotations

from datetime import date
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.accounts.models import Role, User
from concord.assistance.models import (
    AssistanceRequest,
    Category,
    EndUseCertificate,
    Pledge,
    Unit,
)
from concord.assistance.services import handover, pledges, requests
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council import signing
from concord.council.services import signatures
from concord.registry.tests.factories import official
from conftest import make_user

LINES = [
    dict(category=Category.SMALL_ARMS, description_ru="Автоматы", description_en="Rifles",
         quantity=100, unit=Unit.PIECES, phase=1, needed_by=date(2030, 1, 31)),
    dict(category=Category.OPTICS, description_ru="Приборы ночного видения",
         description_en="Night-vision devices", quantity=40, unit=Unit.PIECES, phase=1),
    dict(category=Category.ENGINEERING, description_ru="Заставы", description_en="Outposts",
         quantity=4, unit=Unit.OBJECTS, phase=2),
]
PHASES = [dict(title_ru="Первый этап", title_en="Phase one", due_on=date(2030, 3, 31)),
          dict(title_ru="Второй этап", title_en="Phase two", due_on=date(2031, 12, 31))]


def delegate(org: Any, code: str, *, clearance: int = Classification.CONFIDENTIAL) -> User:
    party = Party.objects.get(pk=org.states[code].party_id)
    return make_user(f"delegate.{code.lower()}", party, clearance, Role.DELEGATE)


def draft(org: Any, actor: Any, **fields: Any) -> AssistanceRequest:
    values: dict[str, Any] = dict(
        requesting_state=org.states["TJ"], title_ru="Помощь пограничным войскам",
        title_en="Assistance to the border troops", beneficiary_ru="Пограничные войска ГКНБ",
        beneficiary_en="Border Troops of the SCNS", kind="military_technical",
        classification=Classification.OFFICIAL_USE, phases=PHASES, lines=LINES)
    values.update(fields)
    return requests.request_create(actor=actor, **values)


def opened(org: Any, personas: Any, *, closes_on: date = date(2030, 1, 1),
           **fields: Any) -> AssistanceRequest:
    record = draft(org, personas.delegate_b, **fields)
    requests.request_submit(actor=personas.delegate_b, request=record)
    return requests.request_open(actor=personas.officer, request=record,
                                 opens_on=date(2020, 1, 1), closes_on=closes_on)


def pledge(record: AssistanceRequest, actor: Any, amounts: dict[int, int],
           **fields: Any) -> Pledge:
    lines = {line.number: line for line in record.lines.all()}
    return pledges.pledge_make(actor=actor, request=record,
                               lines=[{"line": lines[n], "quantity": q}
                                      for n, q in amounts.items()], **fields)


def certified(record: AssistanceRequest, made: Pledge, actor: Any) -> EndUseCertificate:
    """The requesting state's signed end-use certificate covering every line of `made`, so
    that its military-technical items may ship. The key is made here and never stored."""
    signer = official("Rajabali Rahmonali", "Раджабали Рахмонали",
                      state=record.requesting_state)
    private = Ed25519PrivateKey.generate()
    key = signatures.signer_key_register(actor=SYSTEM, official=signer,
                                         public_key=signing.public_key_b64(private))
    certificate = handover.end_use_certificate_issue(
        actor=actor, pledge=made, number=f"EUC-{made.pk}", end_user_ru="Пограничные войска ГКНБ",
        restriction_ru="Исключительно для охраны границы", lines=list(made.lines.all()),
        issued_on=date(2020, 1, 2))
    statement = handover.certificate_statement(certificate=certificate, key=key,
                                               signed_on=date(2020, 1, 3))
    return handover.end_use_certificate_sign(actor=actor, certificate=certificate, key=key,
                                             signed_on=date(2020, 1, 3),
                                             signature=signing.sign(private, statement))
