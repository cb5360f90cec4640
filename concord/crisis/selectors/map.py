"""The map of a case: its area, the incidents of its linked records and of its area, the
facilities under protection and the units of its deployments, as GeoJSON features for the
page's Leaflet map."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from concord.core.actors import Viewer
from concord.core.labels import can_read
from concord.crisis.models import Case, CaseLink, Facility
from concord.forces.models import Contribution, DeploymentStep
from concord.monitoring.filters import IncidentFilters
from concord.monitoring.selectors import incident_list

KM_PER_DEGREE = 111.32
# How far around the opening the map looks for incidents in the area.
INCIDENT_DAYS = 30
MAP_INCIDENTS = 500


def _box(case: Case) -> tuple[float, float, float, float] | None:
    if case.latitude is None or case.longitude is None:
        return None
    radius = case.radius_km or 50.0
    dlat = radius / KM_PER_DEGREE
    dlon = radius / (KM_PER_DEGREE * max(math.cos(math.radians(case.latitude)), 0.01))
    return case.latitude - dlat, case.latitude + dlat, case.longitude - dlon, case.longitude + dlon


def _feature(lat: float, lon: float, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def case_map(*, viewer: Viewer, case: Case,
             linked: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """`linked`, the ids of the case's linked records by type, when the page has read them."""
    features: list[dict[str, Any]] = []
    if case.area:
        features.append({"type": "Feature", "geometry": case.area, "properties": {"kind": "area"}})
    elif case.latitude is not None and case.longitude is not None:
        features.append(_feature(case.latitude, case.longitude, kind="area",
                                 radius_km=case.radius_km or 0))
    box = _box(case)
    if box is not None:
        start = (case.opened_at - timedelta(days=INCIDENT_DAYS)).date()
        incidents = incident_list(viewer=viewer, filters=IncidentFilters(date_from=start))
        south, north, west, east = box
        nearby = incidents.filter(latitude__gte=south, latitude__lte=north,
                                  longitude__gte=west, longitude__lte=east)[:MAP_INCIDENTS]
        features.extend(_feature(incident.latitude, incident.longitude, kind="incident",
                                 name=str(incident), day=incident.occurred_on.isoformat())
                        for incident in nearby
                        if incident.latitude is not None and incident.longitude is not None)
    protected = Facility.objects.filter(case=case, latitude__isnull=False,
                                        longitude__isnull=False).select_related("contingent")
    features.extend(_feature(facility.latitude, facility.longitude, kind="facility",
                             name=facility.name, contingent=facility.contingent.code,
                             status=facility.get_status_display())
                    for facility in protected
                    if facility.latitude is not None and facility.longitude is not None)
    features.extend(_unit_features(viewer=viewer, case=case, linked=linked))
    return {"type": "FeatureCollection", "features": features}


def _unit_features(*, viewer: Viewer, case: Case,
                   linked: dict[str, list[str]] | None) -> list[dict[str, Any]]:
    """The units of the contributions that belong to the case, where their latest step put
    them (or at their home station before they move), as far as the viewer reads them."""
    ids = (linked.get(Contribution._meta.label_lower, []) if linked is not None
           else list(CaseLink.objects.filter(case=case,
                                             target_type=Contribution._meta.label_lower)
                     .values_list("target_id", flat=True)))
    if not ids:
        return []
    contributions = (Contribution.objects.visible_to(viewer).filter(public_id__in=ids)
                     .select_related("unit", "state"))
    found = []
    for contribution in contributions:
        unit = contribution.unit
        if not can_read(viewer, unit):
            continue
        step = (DeploymentStep.objects.filter(contribution=contribution, latitude__isnull=False,
                                              longitude__isnull=False)
                .order_by("-on", "-pk").first())
        lat, lon = ((step.latitude, step.longitude) if step is not None
                    else (unit.latitude, unit.longitude))
        if lat is None or lon is None:
            continue
        found.append(_feature(lat, lon, kind="unit", name=str(unit.name),
                              contingent=contribution.state.party.code,
                              status=contribution.get_status_display()))
    return found
