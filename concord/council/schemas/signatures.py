"""What the API says of signatures, checked as it answers, and of an agreement's treaty status."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Schema

from concord.council.models import TreatyAction
from concord.council.services import SignatureCheck


class SignatureOut(Schema):
    official: UUID
    name_ru: str
    name_en: str
    state: str | None
    signed_on: date
    public_key: str
    key_fingerprint: str
    statement: str
    signature: str
    valid: bool
    problem: str

    # From a signature as `services.document_verify` checked it.
    @staticmethod
    def resolve_official(check: SignatureCheck) -> UUID:
        return check.signature.official.public_id

    @staticmethod
    def resolve_name_ru(check: SignatureCheck) -> str:
        return check.signature.official.name_ru

    @staticmethod
    def resolve_name_en(check: SignatureCheck) -> str:
        return check.signature.official.name_en

    @staticmethod
    def resolve_state(check: SignatureCheck) -> str | None:
        state = check.signature.state
        return state.iso_alpha2 if state else None

    @staticmethod
    def resolve_signed_on(check: SignatureCheck) -> date:
        return check.signature.signed_on

    @staticmethod
    def resolve_public_key(check: SignatureCheck) -> str:
        return check.signature.key.public_key

    @staticmethod
    def resolve_key_fingerprint(check: SignatureCheck) -> str:
        return check.signature.key.fingerprint

    @staticmethod
    def resolve_statement(check: SignatureCheck) -> str:
        return check.signature.payload

    @staticmethod
    def resolve_signature(check: SignatureCheck) -> str:
        return check.signature.signature


class StatementOut(Schema):
    """What an external signer signs: `statement` encoded in UTF-8, byte for byte."""

    statement: str
    key_fingerprint: str
    signed_on: date


class SignatureIn(Schema):
    key_fingerprint: str
    signature: str
    signed_on: date | None = None


class TreatyRowOut(Schema):
    state: str
    signed_on: date | None
    ratified_on: date | None
    deposited_on: date | None
    reservations: str

    @staticmethod
    def resolve_state(action: TreatyAction) -> str:
        return action.state.iso_alpha2


class TreatyStatusOut(Schema):
    symbol: str
    ratifications_required: int | None
    deposits: int
    in_force_on: date | None
    states: list[TreatyRowOut]


class TreatyActionIn(Schema):
    state: str
    signed_on: date | None = None
    ratified_on: date | None = None
    deposited_on: date | None = None
    reservations: str = ""
