"""Forces test data over the registry's small CSTO."""

from __future__ import annotations

from typing import Any

from concord.core.labels import Classification
from concord.forces.models import Echelon, Unit, UnitType
from concord.registry.models import MemberState


def unit(state: MemberState, *, name: str = "15-я бригада", parent: Unit | None = None,
         classification: int = Classification.OFFICIAL_USE, release_to_all_members: bool = True,
         **fields: Any) -> Unit:
    values: dict[str, Any] = dict(
        name_ru=name, name_en=fields.pop("name_en", "15th brigade"),
        unit_type=UnitType.MOTORISED_RIFLE, echelon=Echelon.BRIGADE,
        home_station_ru="Самара", home_station_en="Samara", latitude=53.2, longitude=50.15,
        symbol_code="10031000181211000000")
    values.update(fields)
    return Unit.objects.create(state=state, parent=parent, originator=state.party,
                               classification=classification,
                               release_to_all_members=release_to_all_members, **values)
