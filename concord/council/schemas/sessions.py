"""What the API says of sessions and their agendas. A session is read from its model in lists
and from its page (`selectors.session_page`) alone, so that the API shows what the page shows."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode, classification_default
from concord.council.models import Session
from concord.council.selectors.session_page import AgendaEntry, ParticipantRow, SessionPage


class ParticipantOut(Schema):
    id: int
    state: str | None
    office_ru: str | None
    office_en: str | None
    official_ru: str | None
    official_en: str | None
    head_of_delegation: bool

    # From the session page's participant rows.
    @staticmethod
    def resolve_id(row: ParticipantRow) -> int:
        return row.pk

    @staticmethod
    def resolve_state(row: ParticipantRow) -> str | None:
        return row.state_iso_alpha2

    @staticmethod
    def resolve_office_ru(row: ParticipantRow) -> str | None:
        return row.position_title_ru

    @staticmethod
    def resolve_office_en(row: ParticipantRow) -> str | None:
        return row.position_title_en

    @staticmethod
    def resolve_official_ru(row: ParticipantRow) -> str | None:
        return row.official_name_ru

    @staticmethod
    def resolve_official_en(row: ParticipantRow) -> str | None:
        return row.official_name_en

    @staticmethod
    def resolve_head_of_delegation(row: ParticipantRow) -> bool:
        return row.is_head_of_delegation


class AgendaItemOut(Schema):
    id: int
    session: UUID
    number: str
    depth: int
    parent: int | None
    title_ru: str
    title_en: str
    rapporteur_ru: str | None
    rapporteur_en: str | None
    documents: list[str]
    outcome_ru: str
    outcome_en: str
    implementation_report: bool

    # From the entries of `selectors.session_agenda`: an item row, its number and depth.
    @staticmethod
    def resolve_id(entry: AgendaEntry) -> int:
        return entry.item.pk

    @staticmethod
    def resolve_parent(entry: AgendaEntry) -> int | None:
        return entry.item.parent_id

    @staticmethod
    def resolve_title_ru(entry: AgendaEntry) -> str:
        return entry.item.title_ru

    @staticmethod
    def resolve_title_en(entry: AgendaEntry) -> str:
        return entry.item.title_en

    @staticmethod
    def resolve_rapporteur_ru(entry: AgendaEntry) -> str | None:
        return entry.item.rapporteur_name_ru or entry.item.rapporteur_position_ru

    @staticmethod
    def resolve_rapporteur_en(entry: AgendaEntry) -> str | None:
        return entry.item.rapporteur_name_en or entry.item.rapporteur_position_en

    @staticmethod
    def resolve_documents(entry: AgendaEntry) -> list[str]:
        return [document.symbol for document in entry.documents]

    @staticmethod
    def resolve_outcome_ru(entry: AgendaEntry) -> str:
        return entry.item.outcome_ru

    @staticmethod
    def resolve_outcome_en(entry: AgendaEntry) -> str:
        return entry.item.outcome_en

    @staticmethod
    def resolve_implementation_report(entry: AgendaEntry) -> bool:
        return entry.item.is_implementation_report


class SessionOut(Schema):
    id: UUID
    body: str
    kind: str
    status: str
    title_ru: str
    title_en: str
    place_ru: str
    place_en: str
    starts_on: date
    ends_on: date
    dates_tentative: bool
    time_zone: str
    chair: str | None
    previous: UUID | None
    classification: ClassificationCode
    url: str

    # A session or its page: the page's body, chair and previous session are rows read for the
    # caller, a session's are its relations, scoped to the caller (a hidden one is None).
    @staticmethod
    def resolve_id(session: Session | SessionPage) -> UUID:
        return session.public_id

    @staticmethod
    def resolve_body(session: Session | SessionPage) -> str:
        return session.body.code

    @staticmethod
    def resolve_chair(session: Session | SessionPage) -> str | None:
        return session.chair.iso_alpha2 if session.chair else None

    @staticmethod
    def resolve_previous(session: Session | SessionPage) -> UUID | None:
        return session.previous.public_id if session.previous else None

    @staticmethod
    def resolve_url(session: Session | SessionPage) -> str:
        return session.get_absolute_url()

    @staticmethod
    def resolve_classification(session: Session | SessionPage) -> Classification:
        return Classification(session.classification)


class SessionDetailOut(SessionOut):
    # Read from a session's page (`selectors.SessionPage`).
    participants: list[ParticipantOut]
    agenda: list[AgendaItemOut]
    documents: list[str]
    signed_documents_held: int
    signed_documents_reported: int | None

    @staticmethod
    def resolve_documents(page: SessionPage) -> list[str]:
        return [document.symbol for document in page.documents]

    @staticmethod
    def resolve_signed_documents_held(page: SessionPage) -> int:
        return page.signed.held

    @staticmethod
    def resolve_signed_documents_reported(page: SessionPage) -> int | None:
        return page.signed.reported


class SessionIn(Schema):
    body: str
    kind: str = "regular"
    title_ru: str
    title_en: str
    place_ru: str
    place_en: str
    starts_on: date
    ends_on: date | None = None
    dates_tentative: bool = False
    time_zone: str = "Europe/Moscow"
    chair: str | None = None
    classification: ClassificationCode = classification_default(Classification.PUBLIC)
    release_to_all_members: bool = True


class AgendaItemIn(Schema):
    session: UUID
    title_ru: str
    title_en: str
    parent: int | None = None
    rapporteur: UUID | None = None
    documents: list[UUID] = []


class AgendaItemEditIn(Schema):
    title_ru: str
    title_en: str
    parent: int | None = None
    rapporteur: UUID | None = None
    outcome_ru: str = ""
    outcome_en: str = ""


class AgendaOrderIn(Schema):
    # The items directly under `parent` (the top level when None), each named once.
    parent: int | None = None
    order: list[int]


class ParticipantIn(Schema):
    state: str | None = None
    official: UUID | None = None
    position: str | None = None
    head_of_delegation: bool = False


class ParticipantOrderIn(Schema):
    order: list[int]
