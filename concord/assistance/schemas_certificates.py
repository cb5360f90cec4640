"""What the API takes to issue and sign an end-use certificate, and what it says of one: its
terms, the items it covers by line number, and its signature checked now."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Field, Schema


class CertificateIn(Schema):
    number: str = Field(max_length=60)
    issued_on: date
    end_user_ru: str = Field(max_length=300)
    end_user_en: str = Field("", max_length=300)
    restriction_ru: str
    restriction_en: str = ""
    retransfer_banned: bool = True
    # The request's line numbers the certificate covers; none given, the pledge's
    # military-technical lines.
    lines: list[int] = []


class CertificateSignatureIn(Schema):
    key_fingerprint: str
    signed_on: date | None = None
    # The base64 Ed25519 signature over the statement; none when this installation holds the key.
    signature: str | None = None


class CertificateOut(Schema):
    id: UUID
    pledge: UUID
    provider: str
    recipient: str
    number: str
    issued_on: date
    end_user_ru: str
    end_user_en: str
    restriction_ru: str
    restriction_en: str
    retransfer_banned: bool
    lines: list[int]
    signed: bool
    signed_on: date | None
    official: str
    key_fingerprint: str
    public_key: str
    statement: str
    signature: str
    # Whether the signature still verifies against the certificate as it is stored now.
    valid: bool
    problem: str
