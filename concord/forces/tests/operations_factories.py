"""Joint operations for tests: one public operation with two stages in two years, and results
reported by the personas' two states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import Operation, OperationResult, OperationStage, Substance
from concord.forces.services import operations as services


@dataclass
class World:
    operation: Operation
    stage_2013: OperationStage
    stage_2014: OperationStage

    def substance(self, code: str) -> Substance:
        return Substance.objects.get(code=code)


def world(personas: Any, *, classification: int = Classification.PUBLIC) -> World:
    services.substances_seed(actor=SYSTEM)
    operation = services.operation_create(
        actor=SYSTEM, originator=personas.secretariat, code="channel", name_ru="Канал",
        name_en="Channel", kind=Operation.Kind.DRUGS, classification=classification)
    first = services.stage_add(
        actor=SYSTEM, operation=operation, number=1, name_ru="Канал — 2013",
        name_en="Channel 2013", starts_on=date(2013, 5, 20), ends_on=date(2013, 5, 26),
        subregion_ru="Центральная Азия", subregion_en="Central Asia",
        headquarters_ru="Бишкек", headquarters_en="Bishkek",
        agencies=[services.Agency(personas.state_a, "ФСКН России", "FDCS of Russia")])
    second = services.stage_add(
        actor=SYSTEM, operation=operation, number=2, name_ru="Канал — 2014",
        name_en="Channel 2014", starts_on=date(2014, 6, 2), ends_on=date(2014, 6, 8))
    return World(operation=operation, stage_2013=first, stage_2014=second)


def report(stage: OperationStage, state: Party, measure: str, quantity: str, unit: str = "count",
           *, substance: str = "", case_type: str = "",
           classification: int = Classification.OFFICIAL_USE,
           releasable_to: list[Party] | None = None) -> OperationResult:
    return services.result_report(actor=SYSTEM, figure=services.ResultFigure(
        stage=stage, state=state, measure=measure, quantity=Decimal(quantity), unit=unit,
        substance=Substance.objects.get(code=substance) if substance else None,
        case_type=case_type, classification=classification,
        releasable_to=releasable_to or []))


def two_states(personas: Any, w: World) -> None:
    """Russia's heroin and detentions (released to the secretariat), Tajikistan's heroin and
    its published opium: what each state and the secretariat may read differs."""
    sec = [personas.secretariat]
    report(w.stage_2013, personas.state_a, "seizure", "400", "kg", substance="heroin",
           releasable_to=sec)
    report(w.stage_2013, personas.state_a, "detained", "60", releasable_to=sec)
    report(w.stage_2014, personas.state_b, "seizure", "250", "kg", substance="heroin",
           releasable_to=sec)
    report(w.stage_2014, personas.state_b, "seizure", "10", "kg", substance="opium",
           classification=Classification.PUBLIC)
