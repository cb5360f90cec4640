"""What the API says of documents, their texts, the states' positions and the outcomes of the
consensus rule, each read from its model."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode, classification_default
from concord.council.models import ConsensusOutcome, Document, DocumentText
from concord.council.selectors.consensus import PositionRow
from concord.council.selectors.documents import document_texts
from concord.council.services.documents import Outlook


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
    proclaimed_on: date | None
    proclaimed_by: UUID | None
    place_ru: str
    place_en: str
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(document: Document) -> UUID:
        return document.public_id

    @staticmethod
    def resolve_type(document: Document) -> str:
        return document.doc_type

    @staticmethod
    def resolve_body(document: Document) -> str:
        return document.body.code

    @staticmethod
    def resolve_session(document: Document) -> UUID | None:
        # The relation is scoped: a session the caller may not read is None.
        return document.session.public_id if document.session else None

    @staticmethod
    def resolve_proclaimed_by(document: Document) -> UUID | None:
        return document.proclaimed_by.public_id if document.proclaimed_by else None

    @staticmethod
    def resolve_url(document: Document) -> str:
        return document.get_absolute_url()

    @staticmethod
    def resolve_classification(document: Document) -> Classification:
        return Classification(document.classification)


class OutcomeOut(Schema):
    body: str
    procedure: str
    outcome: str
    ground_ru: str
    ground_en: str
    not_bound: list[str]
    decided_on: date

    @staticmethod
    def resolve_body(outcome: ConsensusOutcome) -> str:
        return outcome.body.code


class DocumentDetailOut(DocumentOut):
    languages: list[str]
    outcomes: list[OutcomeOut]
    signature_count: int

    @staticmethod
    def resolve_languages(document: Document) -> list[str]:
        return list(document_texts(document=document))

    @staticmethod
    def resolve_signature_count(document: Document) -> int:
        return len(document.signatures.all())


class TextOut(Schema):
    language: str
    version: int
    body: str
    note: str
    created_at: datetime
    authentic: bool
    sha256: str

    @staticmethod
    def resolve_authentic(text: DocumentText) -> bool:
        return text.is_authentic


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
    recorded_at: datetime | None
    recorded_by: str | None

    # From a row of the position board (`selectors.position_board`).
    @staticmethod
    def resolve_state(row: PositionRow) -> str:
        return row.state.iso_alpha2

    @staticmethod
    def resolve_body(row: PositionRow) -> str:
        return row.body.code

    @staticmethod
    def resolve_stance(row: PositionRow) -> str | None:
        return row.position.stance if row.position else None

    @staticmethod
    def resolve_reason(row: PositionRow) -> str:
        return row.position.reason if row.position else ""

    @staticmethod
    def resolve_recorded_at(row: PositionRow) -> datetime | None:
        return row.position.recorded_at if row.position else None

    @staticmethod
    def resolve_recorded_by(row: PositionRow, context: dict[str, Any]) -> str | None:
        # Who in the secretariat or a delegation recorded it is for those signed in.
        request = (context or {}).get("request")
        if request is None or not request.user.is_authenticated:
            return None
        user = row.position.recorded_by if row.position else None
        return user.username if user else None


class DecisionPreviewOut(Schema):
    body: str
    procedure: str
    concludes: bool
    adopted: bool | None
    ground: str | None
    answered: list[str]
    missing: list[str]

    # From `selectors.decision_preview`: what the rule would conclude, nothing recorded.
    @staticmethod
    def resolve_body(outlook: Outlook) -> str:
        return outlook.body.code

    @staticmethod
    def resolve_adopted(outlook: Outlook) -> bool | None:
        return outlook.finding.adopted if outlook.concludes else None

    @staticmethod
    def resolve_ground(outlook: Outlook) -> str | None:
        return outlook.finding.ground if outlook.concludes else None

    @staticmethod
    def resolve_answered(outlook: Outlook) -> list[str]:
        return [p.state.iso_alpha2 for p in outlook.answered]

    @staticmethod
    def resolve_missing(outlook: Outlook) -> list[str]:
        return [s.iso_alpha2 for s in outlook.missing]


class PositionIn(Schema):
    state: str
    stance: str
    reason: str = ""
    body: str | None = None


class DocumentIn(Schema):
    body: str
    type: str
    title_ru: str
    title_en: str
    session: UUID | None = None
    year: int | None = None
    place_ru: str = ""
    place_en: str = ""
    classification: ClassificationCode = classification_default(Classification.OFFICIAL_USE)
    release_to_all_members: bool = True
    releasable_to: list[str] = []
    texts: dict[str, str] = {}
    ratifications_required: int | None = None
    # An item of the session's agenda that considers the document.
    agenda_item: int | None = None


class DecisionIn(Schema):
    body: str | None = None
    session: UUID | None = None
    decided_on: date | None = None
    # A refusal is permanent: recording "not adopted" must be asked for in so many words.
    confirm_refusal: bool = False


class ProclamationIn(Schema):
    """Who proclaimed the act (an official speaking for the chair) and when: by default, the
    day of the session it was proclaimed at."""

    by: UUID
    session: UUID | None = None
    proclaimed_on: date | None = None


class SilenceIn(Schema):
    deadline: datetime
    body: str | None = None


class DocumentAgendaItemIn(Schema):
    # An item of the document's session's agenda; None takes the document off the agenda.
    agenda_item: int | None
