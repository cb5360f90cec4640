"""Every read of the incident store, scoped to the viewer."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from django.db.models import Case, Count, F, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Floor
from django.utils.translation import gettext as _

# Core's one clock, under the name this module's readers have called it by.
from concord.core.clock import today as today
from concord.core.errors import NotFound, ValidationError
from concord.core.labels import Viewer
from concord.core.prepared import PreparedQuery
from concord.core.scoping import labelled_get, public_id_of
from concord.monitoring import tally
from concord.monitoring.geography import BY_ALPHA2, REGION_BY_CODE, REGIONS
from concord.monitoring.models import (
    Alert,
    Incident,
    IncidentImport,
    Indicator,
    Severity,
    SituationReport,
    Tally,
    TallyCell,
    TallyCount,
    TallyUnit,
    Verification,
)
from concord.monitoring.taxonomy import Category


@dataclass(frozen=True)
class IncidentFilters:
    """The filters of the situation picture, the incident list, the API and the exports: one
    parser, so that a URL means the same everywhere."""

    date_from: date | None = None
    date_to: date | None = None
    categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    region: str = ""
    severity: int | None = None  # at least this
    verification: tuple[str, ...] = ()
    q: str = ""

    def query_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        if self.date_from:
            items.append(("from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("to", self.date_to.isoformat()))
        items += [("category", c) for c in self.categories]
        items += [("country", c) for c in self.countries]
        if self.region:
            items.append(("region", self.region))
        if self.severity:
            items.append(("severity", str(self.severity)))
        items += [("verification", v) for v in self.verification]
        return items


def _date_param(value: str, name: str, errors: dict[str, list[str]]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[name] = [_("Give a date as YYYY-MM-DD.")]
        return None


def _many(params: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    values = getlist(name) if getlist else params.get(name) or []
    if isinstance(values, str):
        values = [values]
    return [v for raw in values for v in str(raw).split(",") if v]


def filters_from(params: Mapping[str, Any]) -> IncidentFilters:
    """Read the filters from a query string; a wrong value is named, never silently dropped."""
    errors: dict[str, list[str]] = {}
    date_from = _date_param(str(params.get("from") or ""), "from", errors)
    date_to = _date_param(str(params.get("to") or ""), "to", errors)
    days = str(params.get("days") or "")
    if days and not date_from:
        if days.isdigit() and 0 < int(days) <= 36600:
            date_to = date_to or today()
            date_from = date_to - timedelta(days=int(days) - 1)
        else:
            errors["days"] = [_("Give a number of days.")]
    if date_from and date_to and date_from > date_to:
        errors["to"] = [_("The end of the period is before its start.")]
    categories = _many(params, "category")
    if set(categories) - set(Category.values):
        errors["category"] = [_("Unknown category.")]
    countries = [c.upper() for c in _many(params, "country")]
    if set(countries) - set(BY_ALPHA2):
        errors["country"] = [_("Unknown country.")]
    region = str(params.get("region") or "")
    if region and region not in REGION_BY_CODE:
        errors["region"] = [_("Unknown region.")]
    severity_text = str(params.get("severity") or "")
    severity = int(severity_text) if severity_text.isdigit() else None
    if severity_text and severity not in Severity.values:
        errors["severity"] = [_("Severity is 1 to 4.")]
    verification = _many(params, "verification")
    if set(verification) - set(Verification.values):
        errors["verification"] = [_("Unknown verification status.")]
    if errors:
        raise ValidationError(_("Please correct the filters."), errors=errors)
    return IncidentFilters(date_from=date_from, date_to=date_to, categories=tuple(categories),
                           countries=tuple(countries), region=region, severity=severity,
                           verification=tuple(verification), q=str(params.get("q") or "")[:100])


def incident_list(*, viewer: Any, filters: IncidentFilters | None = None,
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
        incidents = incidents.filter(severity__gte=filters.severity)
    if filters.verification:
        incidents = incidents.filter(verification__in=filters.verification)
    if filters.q:
        incidents = incidents.filter(Q(location__icontains=filters.q)
                                     | Q(narrative__icontains=filters.q))
    return incidents.order_by("-occurred_on", "-id")


def incident_get(*, viewer: Any, public_id: Any) -> Incident:
    return labelled_get(  # type: ignore[no-any-return]
        Incident.objects.select_related("originator", "merged_into", "recorded_by")
        .prefetch_related("figures"), viewer=viewer,
        public_id=public_id_of(Incident, public_id))


def incident_duplicates(*, viewer: Any, incident: Incident, days: int = 2,
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


def duplicate_pairs(*, viewer: Any, filters: IncidentFilters, days: int = 2,
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
        for other in window:
            if _same_place(other, row, degrees):
                found.append((other[0], row[0]))
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


def cell_degrees(zoom: int) -> float:
    # About 64 screen pixels a cell: 256-pixel tiles at 2**zoom tiles round the world.
    return 90.0 / float(2 ** max(0, min(zoom, 12)))


@dataclass
class Summary:
    filters: IncidentFilters
    zoom: int
    total: int = 0
    counts: list[dict[str, Any]] = field(default_factory=list)
    by_country: list[dict[str, Any]] = field(default_factory=list)
    by_category: list[dict[str, Any]] = field(default_factory=list)
    by_region: list[dict[str, Any]] = field(default_factory=list)
    weeks: list[str] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)


def situation_summary(*, viewer: Any, filters: IncidentFilters, zoom: int = 4) -> Summary:
    """The counts behind the situation picture, by category × country × week, by region, and the
    map's clusters on a grid for the zoom level: the browser gets cells, never the incidents.

    Read from the tallies (a few sums per day and week) when the filters are among those they
    are kept by; otherwise from the incidents themselves, in one pass. Both give the same
    picture (see the tests)."""
    if not 0 <= zoom <= 12:
        raise ValidationError(_("Zoom is 0 to 12."), errors={"zoom": [_("Zoom is 0 to 12.")]})
    if tallied(filters, zoom):
        return _summary_from_tallies(viewer=viewer, filters=filters, zoom=zoom)
    return _summary_from_incidents(viewer=viewer, filters=filters, zoom=zoom)


def tallied(filters: IncidentFilters, zoom: int) -> bool:
    """Whether the tallies hold what this picture asks: they are kept by day or week, country,
    first-level unit (without the category), map cell down to their zoom, and severity."""
    return (zoom <= tally.CELL_ZOOM and not filters.categories and not filters.region
            and not filters.verification and not filters.q)


def _summary_from_incidents(*, viewer: Any, filters: IncidentFilters, zoom: int) -> Summary:
    incidents = incident_list(viewer=viewer, filters=filters).order_by()
    size = cell_degrees(zoom)
    # One pass over the period's rows (an index covers every column read): counts by category,
    # country, first-level unit, week and map cell at once, added up here into the counts, the
    # regions and the cells.
    groups = (incidents.annotate(cy=Floor(F("latitude") / size), cx=Floor(F("longitude") / size))
              .values("category", "country", "admin1", "week", "cy", "cx")
              .annotate(n=Count("id"), lat=Sum("latitude"), lon=Sum("longitude"),
                        severity=Max("severity"))
              .values_list("category", "country", "admin1", "week", "cy", "cx", "n", "lat",
                           "lon", "severity"))
    counts: dict[tuple[str, str, date], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)
    cells: dict[tuple[float, float], list[float]] = {}
    for category, country, admin1, week, cy, cx, n, lat, lon, severity in groups:
        counts[(category, country, week)] += n
        units[(country, admin1)] += n
        if cy is not None and cx is not None:
            cell = cells.setdefault((cy, cx), [0, 0.0, 0.0, 0])
            cell[0] += n
            cell[1] += lat
            cell[2] += lon
            cell[3] = max(cell[3], severity)
    return _summary(filters, zoom, counts, units, cells.values())


# Bounds for a period open at one end: every tally row lies between them.
_EARLIEST, _LATEST = date(1, 1, 1), date(9999, 12, 31)


@dataclass(frozen=True)
class _Period:
    span: str
    first: date
    last: date


def _periods(start: date | None, end: date | None) -> list[_Period]:
    """The tally rows that make up [start, end], each one range of the tallies' key (a walk
    along it, where a disjunction of ranges would be gathered and sorted first): the whole weeks
    from the weekly rows, and the days before the first and after the last whole week from the
    daily rows."""
    first_monday = None if start is None else start + timedelta(days=-start.weekday() % 7)
    last_sunday = None if end is None else end - timedelta(days=(end.weekday() + 1) % 7)
    if start and end and first_monday and last_sunday and first_monday > last_sunday:
        return [_Period(Tally.Span.DAY, start, end)]
    periods = [_Period(Tally.Span.WEEK, first_monday or _EARLIEST,
                       last_sunday - timedelta(days=6) if last_sunday else _LATEST)]
    if start and first_monday and start < first_monday:
        periods.append(_Period(Tally.Span.DAY, start, first_monday - timedelta(days=1)))
    if end and last_sunday and end > last_sunday:
        periods.append(_Period(Tally.Span.DAY, last_sunday + timedelta(days=1), end))
    return periods


class _CountRow(NamedTuple):
    week: date
    category: str
    country: str
    total: int


class _UnitRow(NamedTuple):
    country: str
    admin1: str
    total: int


class _CellRow(NamedTuple):
    gy: int
    gx: int
    total: int
    lat: float
    lon: float
    severity: int


@lru_cache(maxsize=256)
def _tally_read(model: type[Tally], span: str, lowest: int, countries: int,
                shift: int) -> PreparedQuery:
    """One period's read of one tally, for one shape of the filters (severity floor, number of
    countries, cell shift), compiled once per viewer scope: the dates and countries are its
    arguments. Grouped by a prefix of the tally's key, each is a walk along the key in order,
    with the label rule on every row as on the incidents."""
    levels = range(lowest, 5)
    n = sum((F(f"n{k}") for k in levels), Value(0))
    names = [f"c{i}" for i in range(countries)]

    def build(viewer: Any, *, first: date, last: date, **chosen: str) -> QuerySet[Any]:
        rows: QuerySet[Any] = model.objects.visible_to(viewer).filter(
            span=span, starts_on__gte=first, starts_on__lte=last).order_by()
        if names:
            rows = rows.filter(country__in=[chosen[name] for name in names])
        if model is TallyCount:
            rows = (rows.values("starts_on", "week", "category", "country")
                    .annotate(total=Sum(n)).values("week", "category", "country", "total"))
            return rows
        if model is TallyUnit:
            rows = (rows.values("starts_on", "country", "admin1").annotate(total=Sum(n))
                    .values("country", "admin1", "total"))
            return rows
        # A cell's worst severity: the highest level any of its rows counts an incident of.
        worst = Case(*(When(**{f"n{k}__gt": 0}, then=Value(k)) for k in reversed(levels)),
                     default=Value(0))
        rows = (rows.annotate(gy=F("cy").bitrightshift(shift), gx=F("cx").bitrightshift(shift))
                .values("gy", "gx")
                .annotate(total=Sum(n), lat=Sum(sum((F(f"lat{k}") for k in levels), Value(0.0))),
                          lon=Sum(sum((F(f"lon{k}") for k in levels), Value(0.0))),
                          severity=Max(worst)))
        return rows

    return PreparedQuery(build, arguments={"first": date, "last": date,
                                           **dict.fromkeys(names, str)},
                         name=f"{model.__name__} {span} {lowest}+ {countries} >>{shift}")


def _summary_from_tallies(*, viewer: Any, filters: IncidentFilters, zoom: int) -> Summary:
    lowest = filters.severity or 1
    countries = sorted(set(filters.countries))
    chosen = {f"c{i}": code for i, code in enumerate(countries)}
    shift = tally.CELL_ZOOM - zoom
    scope = Viewer.of(viewer)
    counts: dict[tuple[str, str, date], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)
    cells: dict[tuple[int, int], list[float]] = {}
    for period in _periods(filters.date_from, filters.date_to):
        def read(model: type[Tally], row: type[Any], period: _Period = period) -> list[Any]:
            return _tally_read(model, period.span, lowest, len(countries), shift).rows_as(
                row, viewer=scope, first=period.first, last=period.last, **chosen)

        for week, category, country, total in read(TallyCount, _CountRow):
            counts[(category, country, week)] += total
        for country, admin1, total in read(TallyUnit, _UnitRow):
            units[(country, admin1)] += total
        for gy, gx, total, lat_sum, lon_sum, severity in read(TallyCell, _CellRow):
            cell = cells.setdefault((gy, gx), [0, 0.0, 0.0, 0])
            cell[0] += total
            cell[1] += lat_sum
            cell[2] += lon_sum
            cell[3] = max(cell[3], severity)
    return _summary(filters, zoom, {key: v for key, v in counts.items() if v},
                    {key: v for key, v in units.items() if v},
                    [cell for cell in cells.values() if cell[0]])


def _summary(filters: IncidentFilters, zoom: int, counts: Mapping[tuple[str, str, date], int],
             units: Mapping[tuple[str, str], int], cells: Iterable[list[float]]) -> Summary:
    summary = Summary(filters=filters, zoom=zoom)
    by_country: dict[str, int] = defaultdict(int)
    by_category: dict[str, int] = defaultdict(int)
    weeks: dict[date, str] = {}  # each week written out once, not once a count
    for (category, country, week), n in counts.items():
        text = weeks.get(week)
        if text is None:
            text = weeks[week] = week.isoformat()
        summary.counts.append({"category": category, "country": country, "week": text,
                               "count": n})
        by_country[country] += n
        by_category[category] += n
        summary.total += n
    summary.weeks = [weeks[w] for w in sorted(weeks)]
    summary.by_country = [{"country": code, "count": n}
                          for code, n in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))]
    summary.by_category = [{"category": code, "count": n}
                           for code, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))]
    summary.clusters = [{"lat": round(lat / n, 4), "lon": round(lon / n, 4), "count": int(n),
                         "severity": int(severity)}
                        for n, lat, lon, severity in cells]
    # Regions overlap (the border region spans two countries' provinces), so each is counted
    # from the (country, first-level unit) totals rather than added up from the countries.
    by_region: dict[str, int] = defaultdict(int)
    for (country, admin1), n in units.items():
        for region in REGIONS:
            if region.contains(country, admin1):
                by_region[region.code] += n
    summary.by_region = [{"region": code, "count": n}
                         for code, n in sorted(by_region.items(), key=lambda kv: (-kv[1], kv[0]))]
    return summary


def import_get(*, viewer: Any, public_id: Any) -> IncidentImport:
    """An import is seen by the one who started it (and by no one else: its file may hold what
    only they may read)."""
    try:
        wanted = public_id if isinstance(public_id, uuid.UUID) else uuid.UUID(str(public_id))
    except ValueError:
        raise NotFound(_("No such import.")) from None
    run = IncidentImport.objects.filter(public_id=wanted,
                                        started_by_id=getattr(viewer, "pk", None)).first()
    if run is None:
        raise NotFound(_("No such import."))
    return run


def import_list(*, viewer: Any) -> QuerySet[IncidentImport]:
    return IncidentImport.objects.filter(started_by_id=getattr(viewer, "pk", None))[:20]


def import_progress(*, run: IncidentImport) -> dict[str, Any]:
    """How far a running import is: its task writes this beside the uploaded file."""
    import json

    from concord.monitoring.services import progress_path

    try:
        return dict(json.loads(progress_path(run).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {"rows": run.rows_done, "fraction": 1.0 if run.finished_at else 0.0}


def indicator_list(*, viewer: Any) -> QuerySet[Indicator]:
    return Indicator.objects.visible_to(viewer).select_related("originator").order_by("name")


def indicator_get(*, viewer: Any, public_id: Any) -> Indicator:
    return labelled_get(  # type: ignore[no-any-return]
        Indicator.objects.select_related("originator"), viewer=viewer,
        public_id=public_id_of(Indicator, public_id))


def alert_list(*, viewer: Any, active: bool | None = None) -> QuerySet[Alert]:
    alerts = Alert.objects.visible_to(viewer).select_related("indicator")
    if active is True:
        alerts = alerts.filter(ended_at__isnull=True)
    elif active is False:
        alerts = alerts.filter(ended_at__isnull=False)
    return alerts.order_by("-raised_at", "-id")


def alert_get(*, viewer: Any, public_id: Any) -> Alert:
    return labelled_get(  # type: ignore[no-any-return]
        Alert.objects.select_related("indicator", "originator"), viewer=viewer,
        public_id=public_id_of(Alert, public_id))


def report_list(*, viewer: Any) -> QuerySet[SituationReport]:
    return SituationReport.objects.visible_to(viewer).order_by("-period_end", "-generated_at")


def report_get(*, viewer: Any, public_id: Any) -> SituationReport:
    return labelled_get(  # type: ignore[no-any-return]
        SituationReport.objects.select_related("originator", "generated_by"), viewer=viewer,
        public_id=public_id_of(SituationReport, public_id))
