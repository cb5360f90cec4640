from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Schema


class ParticipantOut(Schema):
    state: str | None
    office_ru: str | None
    office_en: str | None
    official_ru: str | None
    official_en: str | None
    head_of_delegation: bool


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
    classification: int
    url: str


class SessionDetailOut(SessionOut):
    participants: list[ParticipantOut]
    agenda: list[AgendaItemOut]
    documents: list[str]
    signed_documents_held: int
    signed_documents_reported: int | None


class DocumentOut(Schema):
    id: UUID
    symbol: str
    type: str
    status: str
    body: str
    year: int
    title_ru: str
    title_en: str
    session: UUID | None
    adopted_on: date | None
    place_ru: str
    place_en: str
    classification: int
    url: str


class OutcomeOut(Schema):
    body: str
    procedure: str
    outcome: str
    ground_ru: str
    ground_en: str
    not_bound: list[str]
    decided_on: date


class DocumentDetailOut(DocumentOut):
    languages: list[str]
    outcomes: list[OutcomeOut]
    signature_count: int


class TextOut(Schema):
    language: str
    version: int
    body: str
    note: str
    created_at: datetime
    authentic: bool
    sha256: str


class TextIn(Schema):
    language: str
    body: str
    note: str = ""


class PositionOut(Schema):
    state: str
    body: str
    stance: str | None
    reason: str
    takes_part: bool


class PositionIn(Schema):
    state: str
    stance: str
    reason: str = ""
    body: str | None = None


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


class SignatureIn(Schema):
    key_fingerprint: str
    signature: str
    signed_on: date | None = None


class ProgressReportOut(Schema):
    party: str
    text: str
    status_after: str
    reported_at: datetime


class InstructionOut(Schema):
    id: UUID
    document: str | None
    number: int
    text_ru: str
    text_en: str
    addressee_kind: str
    addressee: str | None
    deadline_on: date | None
    deadline_months: int | None
    deadline_days: int | None
    due_on: date | None
    status: str
    classification: int
    url: str


class InstructionDetailOut(InstructionOut):
    reports: list[ProgressReportOut]


class ProgressReportIn(Schema):
    text: str
    status: str


class ReportEntryOut(Schema):
    instruction: UUID
    reference: str
    status: str
    text_ru: str
    text_en: str


class ImplementationReportOut(Schema):
    id: UUID
    session: UUID | None
    covers: UUID | None
    title_ru: str
    title_en: str
    classification: int
    generated_at: datetime
    url: str


class ImplementationReportDetailOut(ImplementationReportOut):
    introduction_ru: str
    introduction_en: str
    entries: list[ReportEntryOut]


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
    classification: int = 0
    release_to_all_members: bool = True


class AgendaItemIn(Schema):
    session: UUID
    title_ru: str
    title_en: str
    parent: int | None = None
    rapporteur: UUID | None = None
    documents: list[UUID] = []


class DocumentIn(Schema):
    body: str
    type: str
    title_ru: str
    title_en: str
    session: UUID | None = None
    year: int | None = None
    place_ru: str = ""
    place_en: str = ""
    classification: int = 1
    release_to_all_members: bool = True
    releasable_to: list[str] = []
    texts: dict[str, str] = {}
    ratifications_required: int | None = None


class DecisionIn(Schema):
    body: str | None = None
    session: UUID | None = None
    decided_on: date | None = None


class SilenceIn(Schema):
    deadline: datetime
    body: str | None = None


class InstructionIn(Schema):
    document: UUID
    text_ru: str
    text_en: str
    addressee_kind: str
    addressee_body: str | None = None
    addressee_state: str | None = None
    deadline_on: date | None = None
    deadline_months: int | None = None
    deadline_days: int | None = None
    classification: int | None = None


class ImplementationReportIn(Schema):
    session: UUID


class ReportEntryIn(Schema):
    text_ru: str
    text_en: str


class TreatyRowOut(Schema):
    state: str
    signed_on: date | None
    ratified_on: date | None
    deposited_on: date | None
    reservations: str


class TreatyStatusOut(Schema):
    symbol: str
    ratifications_required: int | None
    deposits: int
    in_force_on: date | None
    states: list[TreatyRowOut]
