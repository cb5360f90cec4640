"""What the API says of instructions, the addressees' progress reports and the reports on
implementation, each read from its model."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from ninja import Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode
from concord.council.models import (
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    ProgressReport,
)


class ProgressReportOut(Schema):
    party: str
    text: str
    status_after: str
    reported_at: datetime

    @staticmethod
    def resolve_party(report: ProgressReport) -> str:
        return report.party.code


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
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(instruction: Instruction) -> UUID:
        return instruction.public_id

    @staticmethod
    def resolve_document(instruction: Instruction) -> str | None:
        # The relation is scoped: a decision the caller may not read is None.
        return instruction.document.symbol if instruction.document else None

    @staticmethod
    def resolve_addressee(instruction: Instruction) -> str | None:
        if instruction.addressee_state:
            return instruction.addressee_state.iso_alpha2
        return instruction.addressee_body.code if instruction.addressee_body else None

    @staticmethod
    def resolve_url(instruction: Instruction) -> str:
        return instruction.get_absolute_url()

    @staticmethod
    def resolve_classification(instruction: Instruction) -> Classification:
        return Classification(instruction.classification)


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

    @staticmethod
    def resolve_instruction(entry: ImplementationEntry) -> UUID:
        return entry.instruction.public_id

    @staticmethod
    def resolve_reference(entry: ImplementationEntry) -> str:
        return str(entry.instruction)


class ImplementationReportOut(Schema):
    id: UUID
    session: UUID | None
    covers: UUID | None
    title_ru: str
    title_en: str
    classification: ClassificationCode
    generated_at: datetime
    url: str

    # The relations are scoped: a session the caller may not read is None.
    @staticmethod
    def resolve_id(report: ImplementationReport) -> UUID:
        return report.public_id

    @staticmethod
    def resolve_session(report: ImplementationReport) -> UUID | None:
        return report.session.public_id if report.session else None

    @staticmethod
    def resolve_covers(report: ImplementationReport) -> UUID | None:
        return report.covers.public_id if report.covers else None

    @staticmethod
    def resolve_url(report: ImplementationReport) -> str:
        return report.get_absolute_url()

    @staticmethod
    def resolve_classification(report: ImplementationReport) -> Classification:
        return Classification(report.classification)


class ImplementationReportDetailOut(ImplementationReportOut):
    introduction_ru: str
    introduction_en: str
    entries: list[ReportEntryOut]


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
    # None: the decision's own.
    classification: ClassificationCode | None = None


class ImplementationReportIn(Schema):
    session: UUID


class ReportEntryIn(Schema):
    text_ru: str
    text_en: str
