from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Schema

from concord.registry.models import (
    Body,
    ContactPoint,
    MemberState,
    MemberStatusChange,
    Official,
    Position,
    Term,
)
from concord.registry.rotation import ChairYear

# The output schemas read their records themselves: an endpoint returns the member state, body,
# official or chairmanship year, and the resolvers give the API's names for what it reads.


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
    official_name_accusative_ru: str
    official_name_in_text_en: str
    capital_time_zone: str
    joined_on: date
    status: str
    url: str

    @staticmethod
    def resolve_code(state: MemberState) -> str:
        return state.iso_alpha2

    @staticmethod
    def resolve_url(state: MemberState) -> str:
        return state.get_absolute_url()


class MemberStateUpdateIn(Schema):
    """The fields of a member state an update may change; those left out stay as they are."""

    name_ru: str | None = None
    name_en: str | None = None
    name_native: str | None = None
    native_language: str | None = None
    official_name_ru: str | None = None
    official_name_en: str | None = None
    official_name_accusative_ru: str | None = None
    official_name_in_text_en: str | None = None
    capital_time_zone: str | None = None
    joined_on: date | None = None


class MemberStateDetailOut(MemberStateOut):
    status_history: list[MemberStatusChangeOut]

    @staticmethod
    def resolve_status_history(state: MemberState) -> list[MemberStatusChange]:
        return list(state.status_history.all())


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

    # From a position's term: the official who holds it.
    @staticmethod
    def resolve_official(term: Term) -> UUID:
        return term.official.public_id

    @staticmethod
    def resolve_name_ru(term: Term) -> str:
        return term.official.name_ru

    @staticmethod
    def resolve_name_en(term: Term) -> str:
        return term.official.name_en


class BodyPositionOut(Schema):
    # An office in a body. The document keys its schemas by class name, and the council's
    # PositionOut (a state's position on a draft) would otherwise stand for this one too.
    code: str
    title_ru: str
    title_en: str
    contacts: list[ContactOut]
    holders: list[HolderOut]

    @staticmethod
    def resolve_contacts(position: Position) -> list[ContactPoint]:
        return list(position.contacts.all())

    @staticmethod
    def resolve_holders(position: Position) -> list[Term]:
        return list(position.terms.all())


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

    @staticmethod
    def resolve_parent(body: Body) -> str | None:
        return body.parent.code if body.parent else None

    @staticmethod
    def resolve_url(body: Body) -> str:
        return body.get_absolute_url()


class BodyDetailOut(BodyOut):
    description_ru: str
    description_en: str
    positions: list[BodyPositionOut]

    @staticmethod
    def resolve_positions(body: Body) -> list[Position]:
        return list(body.positions.all())


class TermOut(Schema):
    position: str
    body: str
    title_ru: str
    title_en: str
    started_on: date | None
    ended_on: date | None
    attested_on: date | None

    # From an official's term: the position held and its body.
    @staticmethod
    def resolve_position(term: Term) -> str:
        return term.position.code

    @staticmethod
    def resolve_body(term: Term) -> str:
        return term.position.body.code

    @staticmethod
    def resolve_title_ru(term: Term) -> str:
        return term.position.title_ru

    @staticmethod
    def resolve_title_en(term: Term) -> str:
        return term.position.title_en


class OfficialOut(Schema):
    id: UUID
    name_ru: str
    name_en: str
    rank_ru: str
    rank_en: str
    state: str | None
    terms: list[TermOut]
    url: str

    @staticmethod
    def resolve_id(official: Official) -> UUID:
        return official.public_id

    @staticmethod
    def resolve_state(official: Official) -> str | None:
        return official.state.iso_alpha2 if official.state else None

    @staticmethod
    def resolve_terms(official: Official) -> list[Term]:
        return list(official.terms.all())

    @staticmethod
    def resolve_url(official: Official) -> str:
        return official.get_absolute_url()


class ChairmanshipOut(Schema):
    year: int
    state: str | None
    state_name_ru: str | None
    state_name_en: str | None
    recorded: bool
    handed_over_on: date | None
    starts_on: date

    # From a year of the rotation (`rotation.ChairYear`); a year no state chairs names none.
    @staticmethod
    def resolve_state(entry: ChairYear) -> str | None:
        return entry.state.iso_alpha2 if entry.state else None

    @staticmethod
    def resolve_state_name_ru(entry: ChairYear) -> str | None:
        return entry.state.name_ru if entry.state else None

    @staticmethod
    def resolve_state_name_en(entry: ChairYear) -> str | None:
        return entry.state.name_en if entry.state else None
