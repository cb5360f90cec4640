"""Forces test data over the registry's small CSTO, made through the services."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import Contribution, Echelon, Formation, FormationKind, Unit, UnitType
from concord.forces.services.contributions import contribution_earmark
from concord.forces.services.formations import formation_create
from concord.forces.services.units import unit_create
from concord.forces.symbols import symbol_code
from concord.registry.models import MemberState


def formation(originator: Party, *, code: str = "crrf", **fields: Any) -> Formation:
    values: dict[str, Any] = dict(
        kind=FormationKind.RAPID_REACTION, name_ru="Коллективные силы оперативного реагирования",
        name_en="Collective Rapid Reaction Forces", abbreviation_ru="КСОР",
        abbreviation_en="CRRF", readiness_period_days=90)
    values.update(fields)
    return formation_create(actor=SYSTEM, code=code, originator=originator, **values)


def unit(state: MemberState, *, name: str = "15-я бригада", parent: Unit | None = None,
         classification: int = Classification.OFFICIAL_USE, release_to_all_members: bool = True,
         releasable_to: Iterable[Party] = (), actor: Any = SYSTEM, **fields: Any) -> Unit:
    unit_type = fields.pop("unit_type", UnitType.MOTORISED_RIFLE)
    echelon = fields.pop("echelon", Echelon.BRIGADE)
    values: dict[str, Any] = dict(
        name_ru=name, name_en=fields.pop("name_en", "15th brigade"), unit_type=unit_type,
        echelon=echelon, home_station_ru="Самара", home_station_en="Samara", latitude=53.2,
        longitude=50.15, symbol_code=symbol_code(unit_type, echelon))
    values.update(fields)
    return unit_create(actor=actor, state=state, parent=parent, classification=classification,
                       release_to_all_members=release_to_all_members,
                       releasable_to=releasable_to, **values)


def earmark(formation: Formation, unit: Unit, *, period_from: date = date(2024, 1, 1),
            **fields: Any) -> Contribution:
    return contribution_earmark(actor=fields.pop("actor", SYSTEM), formation=formation, unit=unit,
                                period_from=period_from, **fields)
