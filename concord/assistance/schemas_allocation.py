"""What the API says of a fair-share proposal (its rows as states answered them, its inputs and
result as they were stored, every reason also put into words) and of a handover act with its
signatures checked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from concord.assistance.schemas_certificates import CertificateSignatureIn


class AllocationIn(Schema):
    key: str  # the burden-sharing key's code


class AllocationRowOut(Schema):
    line: int
    state: str
    quantity: int
    response: str
    amended_quantity: int | None


class AllocationOut(Schema):
    id: UUID
    request: UUID
    key: str
    status: str
    created_at: datetime
    solver_status: str
    largest_deviation: float
    requested_items: int
    covered_items: int
    rows: list[AllocationRowOut]
    inputs: dict[str, Any]
    result: dict[str, Any]
    explanations: dict[str, list[str]]
    notes: list[str]


class HandoverIn(Schema):
    number: str
    dated: date
    place_ru: str = ""
    place_en: str = ""


# An act is signed as a certificate is, once by each of its sides.
class HandoverSignatureIn(CertificateSignatureIn):
    side: str  # provider or recipient


class HandoverCheckOut(Schema):
    side: str
    official: str
    state: str
    signed_on: date
    key_fingerprint: str
    public_key: str
    statement: str
    signature: str
    valid: bool
    problem: str


class HandoverOut(Schema):
    delivery: UUID
    number: str
    dated: date
    place_ru: str
    place_en: str
    statement: str
    # Whether the delivery still reads as the act drawn up records it.
    intact: bool
    signatures: list[HandoverCheckOut]
