from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Schema


class MemberStatusChangeOut(Schema):
    status: str
    effective_on: date
    note: str


class MemberStateOut(Schema):
    code: str
    iso_alpha3: str
    iso_numeric: str
    name_ru: str
    name_en: str
    name_native: str
    native_language: str
    official_name_ru: str
    official_name_en: str
    capital_time_zone: str
    joined_on: date
    status: str
    url: str


class MemberStateDetailOut(MemberStateOut):
    status_history: list[MemberStatusChangeOut]


class ContactOut(Schema):
    kind: str
    value: str


class HolderOut(Schema):
    official: UUID
    name_ru: str
    name_en: str
    started_on: date | None
    ended_on: date | None
    attested_on: date | None


class BodyPositionOut(Schema):
    # An office in a body. The document keys its schemas by class name, and the council's
    # PositionOut (a state's position on a draft) would otherwise stand for this one too.
    code: str
    title_ru: str
    title_en: str
    contacts: list[ContactOut]
    holders: list[HolderOut]


class BodyOut(Schema):
    code: str
    kind: str
    name_ru: str
    name_en: str
    abbreviation_ru: str
    abbreviation_en: str
    parent: str | None
    takes_decisions: bool
    established_on: date | None
    url: str


class BodyDetailOut(BodyOut):
    description_ru: str
    description_en: str
    positions: list[BodyPositionOut]


class TermOut(Schema):
    position: str
    body: str
    title_ru: str
    title_en: str
    started_on: date | None
    ended_on: date | None
    attested_on: date | None


class OfficialOut(Schema):
    id: UUID
    name_ru: str
    name_en: str
    rank_ru: str
    rank_en: str
    state: str | None
    terms: list[TermOut]
    url: str


class ChairmanshipOut(Schema):
    year: int
    state: str | None
    state_name_ru: str | None
    state_name_en: str | None
    recorded: bool
