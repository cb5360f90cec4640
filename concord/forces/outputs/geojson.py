"""Home stations as GeoJSON: a point per unit with its symbol code, for GIS software and the
map page alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from concord.core.marking import LABEL_COLUMNS, label_cells
from concord.forces.models import Unit

MEDIA_TYPE = "application/geo+json"


def unit_feature(unit: Unit) -> dict[str, Any]:
    label = dict(zip(LABEL_COLUMNS, label_cells(unit), strict=True))
    return {
        "type": "Feature",
        # RFC 7946: longitude first.
        "geometry": {"type": "Point", "coordinates": [unit.longitude, unit.latitude]},
        "properties": {
            "id": str(unit.public_id), "name": unit.name, "state": unit.state.iso_alpha2,
            "type": unit.unit_type, "type_label": unit.get_unit_type_display(),
            "echelon": unit.echelon, "echelon_label": unit.get_echelon_display(),
            "home_station": unit.home_station, "sidc": unit.symbol_code,
            "url": unit.get_absolute_url(), **label,
        },
    }


def units_collection(units: Iterable[Unit]) -> dict[str, Any]:
    return {"type": "FeatureCollection",
            "features": [unit_feature(unit) for unit in units
                         if unit.latitude is not None and unit.longitude is not None]}
