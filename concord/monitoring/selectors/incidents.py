"""Incidents as the viewer may read them: the filtered list, one record, and the records that
look like the same incident."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar
from uuid import UUID

from django.db import connection
from django.db.models import Case, IntegerField, QuerySet, Value, When

from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.core.models import LabelChange
from concord.core.scoping import labelled_get, public_id_of
from concord.monitoring import text_index
from concord.monitoring.filters import INCIDENT_SORTS, IncidentFilters
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import SEVERE, Incident, IncidentImport, Verification
from concord.monitoring.taxonomy import Category
from concord.registry.rotation import russian_collation_key


def incident_pending_label_change(*, incident: Incident) -> UUID | None:
    """The lower label proposed for an incident the viewer already reads, while it waits for a
    second approver; None when no change waits."""
    pending: UUID | None = (LabelChange.objects
                            .filter(target_model=Incident._meta.label, target_pk=incident.pk,
                                    status=LabelChange.Status.PENDING)
                            .values_list("public_id", flat=True).first())
    return pending


def incidents_imported(*, viewer: Viewer, import_run: IncidentImport | None,
                       filters: IncidentFilters | None = None) -> QuerySet[Incident]:
    """The incidents of `incident_list` that an import added (all of them without one)."""
    incidents = incident_list(viewer=viewer, filters=filters)
    return incidents if import_run is None else incidents.filter(import_run=import_run)


_Incidents = TypeVar("_Incidents", bound=QuerySet[Incident])


def incident_list(*, viewer: Viewer, filters: IncidentFilters | None = None,
                  include_merged: bool = False) -> QuerySet[Incident]:
    filters = filters or IncidentFilters()
    incidents = Incident.objects.visible_to(viewer)
    if not include_merged:
        incidents = incidents.filter(merged_into__isnull=True)
    if filters.date_from:
        incidents = incidents.filter(occurred_on__gte=filters.date_from)
    if filters.date_to:
        incidents = incidents.filter(occurred_on__lte=filters.date_to)
    if filters.categories:
        incidents = incidents.filter(category__in=filters.categories)
    if filters.countries:
        incidents = incidents.filter(country__in=filters.countries)
    if filters.region:
        incidents = incidents.filter(REGION_BY_CODE[filters.region].q())
    if filters.severity:
        incidents = _at_least(incidents, filters.severity)
    if filters.verification:
        incidents = incidents.filter(verification__in=filters.verification)
    if filters.q:
        incidents = incidents.filter(text_index.matching(filters.q, connection.vendor))
    return _ranked(incidents, filters.sort.key).order_by(*order_by(filters.sort, INCIDENT_SORTS))


def _at_least(incidents: _Incidents, floor: int) -> _Incidents:
    incidents = incidents.filter(severity__gte=floor)
    if floor > SEVERE:
        # The severe incidents' partial index is read only where its very condition is among
        # the query's: SQLite infers no lower floor from a higher one.
        incidents = incidents.filter(severity__gte=SEVERE)
    return incidents


def _ranked(incidents: QuerySet[Incident], key: str) -> QuerySet[Incident]:
    """The rank a coded column sorts by, as a reader expects: a category by its name in the
    page's language, a verification in the order a report goes through."""
    if key == "category":
        names = sorted(Category.choices, key=lambda choice: russian_collation_key(str(choice[1])))
        return incidents.alias(category_rank=_rank("category", [code for code, _ in names]))
    if key == "verification":
        return incidents.alias(verification_rank=_rank("verification", Verification.values))
    return incidents


def _rank(field: str, order: list[str]) -> Case:
    return Case(*(When(**{field: code}, then=Value(place)) for place, code in enumerate(order)),
                default=Value(len(order)), output_field=IntegerField())


def incident_get(*, viewer: Viewer, public_id: Any) -> Incident:
    return labelled_get(  # type: ignore[no-any-return]
        Incident.objects.select_related("originator", "merged_into", "recorded_by")
        .prefetch_related("figures"), viewer=viewer,
        public_id=public_id_of(Incident, public_id))


def incident_duplicates(*, viewer: Viewer, incident: Incident, days: int = 2,
                        degrees: float = 0.1) -> QuerySet[Incident]:
    """Records of the same category near the same place and time, other than this one: what an
    analyst looks at before merging. The tolerance is ±`days` and ±`degrees` (about 10 km)."""
    candidates = incident_list(viewer=viewer).filter(
        category=incident.category, country=incident.country,
        occurred_on__gte=incident.occurred_on - timedelta(days=days),
        occurred_on__lte=incident.occurred_on + timedelta(days=days),
    ).exclude(pk=incident.pk)
    if incident.latitude is not None and incident.longitude is not None:
        candidates = candidates.filter(
            latitude__gte=incident.latitude - degrees, latitude__lte=incident.latitude + degrees,
            longitude__gte=incident.longitude - degrees,
            longitude__lte=incident.longitude + degrees)
    else:
        candidates = candidates.filter(admin1=incident.admin1, location=incident.location)
    return candidates


@dataclass(frozen=True)
class DuplicatePair:
    first: Incident
    second: Incident

    @property
    def records(self) -> tuple[Incident, Incident]:
        return self.first, self.second


def duplicate_pairs(*, viewer: Viewer, filters: IncidentFilters, days: int = 2,
                    degrees: float = 0.1, limit: int = 200) -> tuple[list[DuplicatePair], bool]:
    """Pairs of records the viewer may read, among those filtered, that look like one incident: the
    same category and country within ±`days`, and within ±`degrees` of each other (or at the
    same named place when either has no coordinates); the tolerance of `incident_duplicates`.
    Returns at most `limit` pairs, earliest first, and whether there were more."""
    rows = list(incident_list(viewer=viewer, filters=filters)
                .order_by("category", "country", "occurred_on", "pk")
                .values_list("pk", "category", "country", "occurred_on", "latitude", "longitude",
                             "admin1", "location"))
    found: list[tuple[int, int]] = []
    window: list[tuple[Any, ...]] = []
    for row in rows:
        # Rows come grouped by category and country and sorted by date: a row is compared only
        # with the earlier rows of its group still within the day tolerance.
        window = [w for w in window if w[1:3] == row[1:3] and (row[3] - w[3]).days <= days]
        found.extend((other[0], row[0]) for other in window if _same_place(other, row, degrees))
        window.append(row)
    found.sort(key=lambda pair: pair[0])
    more = len(found) > limit
    found = found[:limit]
    wanted = {pk for pair in found for pk in pair}
    records = Incident.objects.visible_to(viewer).select_related("originator").in_bulk(wanted)
    pairs = [DuplicatePair(records[a], records[b]) for a, b in found
             if a in records and b in records]
    pairs.sort(key=lambda p: (p.first.occurred_on, p.first.pk))
    return pairs, more


def _same_place(a: tuple[Any, ...], b: tuple[Any, ...], degrees: float) -> bool:
    if None not in (a[4], a[5], b[4], b[5]):
        return bool(abs(a[4] - b[4]) <= degrees and abs(a[5] - b[5]) <= degrees)
    return bool(a[6] == b[6] and a[7] == b[7])
