"""The forces API's shapes: formations, units, contributions and readiness reports. Levels go by
their names (`fully` … `not_ready`), classifications by their codes."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode
from concord.forces.models import Contribution, Formation, Level, ReadinessReport, Unit

LEVEL_NAMES = {int(level): level.name.lower() for level in Level}
LEVEL_OF_NAME = {name: value for value, name in LEVEL_NAMES.items()}


def level_name(value: int | None) -> str | None:
    return LEVEL_NAMES.get(value) if value is not None else None


class FormationOut(Schema):
    id: UUID
    code: str
    kind: str
    name_ru: str
    name_en: str
    abbreviation_ru: str
    abbreviation_en: str
    governing_decision: str | None = Field(None, description="the decision's symbol")
    established_on: date | None
    command_ru: str
    command_en: str
    headquarters_ru: str
    headquarters_en: str
    target_personnel: int | None
    readiness_period_days: int
    illustrative: bool
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(formation: Formation) -> UUID:
        return formation.public_id

    @staticmethod
    def resolve_governing_decision(formation: Formation) -> str | None:
        decision = formation.governing_decision
        return decision.symbol if decision is not None else None

    @staticmethod
    def resolve_classification(formation: Formation) -> Classification:
        return Classification(formation.classification)

    @staticmethod
    def resolve_url(formation: Formation) -> str:
        return formation.get_absolute_url()


class UnitOut(Schema):
    id: UUID
    state: str
    parent: UUID | None = Field(None, description="the higher unit, when the caller may read it")
    name_ru: str
    name_en: str
    designation: str
    type: str
    echelon: int
    home_station_ru: str
    home_station_en: str
    latitude: float | None
    longitude: float | None
    symbol_code: str
    disbanded_on: date | None
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(unit: Unit) -> UUID:
        return unit.public_id

    @staticmethod
    def resolve_state(unit: Unit) -> str:
        return unit.state.iso_alpha2

    @staticmethod
    def resolve_parent(unit: Unit) -> UUID | None:
        parent = unit.parent
        return parent.public_id if parent is not None else None

    @staticmethod
    def resolve_type(unit: Unit) -> str:
        return unit.unit_type

    @staticmethod
    def resolve_classification(unit: Unit) -> Classification:
        return Classification(unit.classification)

    @staticmethod
    def resolve_url(unit: Unit) -> str:
        return unit.get_absolute_url()


class ContributionOut(Schema):
    id: UUID
    unit: UUID | None
    unit_name: str
    state: str
    status: str
    status_since: date
    period_from: date
    period_to: date | None
    under_organization_command: bool
    overall: str | None = Field(None, description="the unit's latest readiness the caller may "
                                "read")
    reported_on: date | None
    personnel_on_hand: int | None = Field(None, description="blank where the state withholds "
                                          "it from the caller")
    classification: ClassificationCode

    @staticmethod
    def resolve_id(contribution: Contribution) -> UUID:
        return contribution.public_id

    @staticmethod
    def resolve_unit(contribution: Contribution) -> UUID | None:
        unit = contribution.unit
        return unit.public_id if unit is not None else None

    @staticmethod
    def resolve_unit_name(contribution: Contribution) -> str:
        unit = contribution.unit
        return unit.name if unit is not None else ""

    @staticmethod
    def resolve_state(contribution: Contribution) -> str:
        return contribution.state.iso_alpha2

    @staticmethod
    def resolve_overall(contribution: Any) -> str | None:
        return level_name(getattr(contribution, "latest_overall", None))

    @staticmethod
    def resolve_reported_on(contribution: Any) -> date | None:
        return getattr(contribution, "latest_reported_on", None)

    @staticmethod
    def resolve_personnel_on_hand(contribution: Any) -> int | None:
        return getattr(contribution, "latest_personnel", None)

    @staticmethod
    def resolve_classification(contribution: Contribution) -> Classification:
        return Classification(contribution.classification)


class ReadinessOut(Schema):
    id: UUID
    unit: UUID | None
    state: str
    reported_on: date
    personnel: str | None
    equipment: str | None
    training: str | None
    sustainment: str | None
    overall: str
    overridden: bool
    override_reason: str
    notice_to_move_days: int | None
    caveats: str
    forecast_on: date | None
    forecast_level: str | None
    source_kind: str
    source_text: str
    source_ref: UUID | None
    classification: ClassificationCode

    @staticmethod
    def resolve_id(report: ReadinessReport) -> UUID:
        return report.public_id

    @staticmethod
    def resolve_unit(report: ReadinessReport) -> UUID | None:
        unit = report.unit
        return unit.public_id if unit is not None else None

    @staticmethod
    def resolve_state(report: ReadinessReport) -> str:
        unit = report.unit
        return unit.state.iso_alpha2 if unit is not None else ""

    @staticmethod
    def resolve_personnel(report: ReadinessReport) -> str | None:
        return level_name(report.personnel)

    @staticmethod
    def resolve_equipment(report: ReadinessReport) -> str | None:
        return level_name(report.equipment)

    @staticmethod
    def resolve_training(report: ReadinessReport) -> str | None:
        return level_name(report.training)

    @staticmethod
    def resolve_sustainment(report: ReadinessReport) -> str | None:
        return level_name(report.sustainment)

    @staticmethod
    def resolve_overall(report: ReadinessReport) -> str:
        return LEVEL_NAMES[report.overall]

    @staticmethod
    def resolve_forecast_level(report: ReadinessReport) -> str | None:
        return level_name(report.forecast_level)

    @staticmethod
    def resolve_classification(report: ReadinessReport) -> Classification:
        return Classification(report.classification)


class ReadinessIn(Schema):
    unit: UUID
    reported_on: date
    personnel: str | None = None
    equipment: str | None = None
    training: str | None = None
    sustainment: str | None = None
    override: str | None = None
    override_reason: str = ""
    notice_to_move_days: int | None = None
    caveats: str | None = None
    forecast_on: date | None = None
    forecast_level: str | None = None
    source_text: str = ""
