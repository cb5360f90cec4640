"""The API's shapes of joint operations, their stages, results and totals."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode, classification_default


class AgencyOut(Schema):
    state: str = Field(description="the member state's party code")
    name_ru: str
    name_en: str

    @staticmethod
    def resolve_state(agency: Any) -> str:
        return str(agency.state.code)


class StageOut(Schema):
    number: int
    name_ru: str
    name_en: str
    starts_on: date
    ends_on: date
    subregion_ru: str
    subregion_en: str
    headquarters_ru: str
    headquarters_en: str
    observers_ru: str
    observers_en: str
    agencies: list[AgencyOut]

    @staticmethod
    def resolve_agencies(stage: Any) -> list[Any]:
        return list(stage.agencies.all())


class OperationOut(Schema):
    id: UUID = Field(alias="public_id")
    code: str
    name_ru: str
    name_en: str
    kind: str
    year: int | None = Field(description="the year the operation was launched")
    decision: UUID | None = Field(description="the council's decision, when the caller may "
                                              "read it")
    classification: ClassificationCode
    stages: list[StageOut]

    @staticmethod
    def resolve_classification(operation: Any) -> Classification:
        return Classification(operation.classification)

    @staticmethod
    def resolve_decision(operation: Any) -> UUID | None:
        # Read for the caller: a decision the caller may not read is answered as none.
        decision = operation.decision if getattr(operation, "decision_readable", False) \
            else None
        return decision.public_id if decision is not None else None

    @staticmethod
    def resolve_stages(operation: Any) -> list[Any]:
        return list(operation.stages.all())


class ResultOut(Schema):
    id: UUID = Field(alias="public_id")
    operation: str
    stage: int
    state: str = Field(description="the reporting member state's party code (the originator)")
    measure: str
    substance: str | None
    case_type: str
    quantity: Decimal = Field(description="as the state reported it, in `unit`")
    unit: str
    kg_equivalent: Decimal | None = Field(description="seizures and precursors: kilograms by "
                                                      "UNODC's rules")
    note: str
    classification: ClassificationCode

    @staticmethod
    def resolve_classification(result: Any) -> Classification:
        return Classification(result.classification)

    @staticmethod
    def resolve_operation(result: Any) -> str:
        return str(result.stage.operation.code)

    @staticmethod
    def resolve_stage(result: Any) -> int:
        return int(result.stage.number)

    @staticmethod
    def resolve_state(result: Any) -> str:
        return str(result.originator.code)

    @staticmethod
    def resolve_substance(result: Any) -> str | None:
        return result.substance.code if result.substance else None


class ResultIn(Schema):
    stage: int
    measure: str
    quantity: Decimal
    unit: str
    substance: str | None = None
    case_type: str = ""
    note: str = ""
    classification: ClassificationCode = classification_default(Classification.OFFICIAL_USE)
    release_to_all_members: bool = False
    releasable_to: list[str] = Field(default_factory=list,
                                     description="party codes the result is released to")


class TotalsRowOut(Schema):
    group: str
    values: dict[str, Decimal] = Field(description="per measure: kilogram-equivalents for "
                                                   "seizure and precursor, counts otherwise")


class OperationTotalsOut(Schema):
    by: str
    rows: list[TotalsRowOut]
    total: dict[str, Decimal]


class OperationEditIn(Schema):
    name_ru: str = Field(max_length=200)
    name_en: str = Field("", max_length=200)
    kind: str = Field(description="drugs, migration or it_crime")
    year: int | None = None
    decision: UUID | None = Field(None, description="an adopted council decision the caller "
                                                    "reads")
    description_ru: str = ""
    description_en: str = ""


class OperationIn(OperationEditIn):
    code: str = Field(max_length=32, pattern=r"^[-a-zA-Z0-9_]+$")
    classification: ClassificationCode = classification_default(Classification.PUBLIC)
    release_to_all_members: bool = True


class AgencyIn(Schema):
    state: str = Field(description="the member state's party code")
    name_ru: str = Field(max_length=300)
    name_en: str = Field("", max_length=300)


class StageEditIn(Schema):
    name_ru: str = Field(max_length=200)
    name_en: str = Field("", max_length=200)
    starts_on: date
    ends_on: date
    subregion_ru: str = Field("", max_length=300)
    subregion_en: str = Field("", max_length=300)
    headquarters_ru: str = Field("", max_length=300)
    headquarters_en: str = Field("", max_length=300)
    observers_ru: str = ""
    observers_en: str = ""
    agencies: list[AgencyIn] = Field(default_factory=list,
                                     description="every agency taking part (replaces them)")


class StageIn(StageEditIn):
    number: int = Field(ge=1, le=999)


class CorrectionIn(Schema):
    quantity: Decimal = Field(description="the corrected figure, in the figure's own unit")
    reason: str = Field(max_length=500)
    note: str | None = Field(None, max_length=500,
                             description="the figure's note; left as it is when absent")


class RevisionOut(Schema):
    quantity: Decimal
    unit: str
    kg_equivalent: Decimal | None
    note: str
    replaced_at: datetime
    reason: str


class ResultDetailOut(ResultOut):
    revisions: list[RevisionOut] = Field(description="the values the figure held before each "
                                                     "correction, newest first")

    @staticmethod
    def resolve_revisions(result: Any) -> list[Any]:
        return list(result.revisions.order_by("-replaced_at", "-id"))
