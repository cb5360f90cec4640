"""The situation picture: counts by category, country, week and region, and the map's clusters,
read from the tallies when they hold what is asked, otherwise from the incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from django.db.models import Case, Count, F, Max, QuerySet, Sum, Value, When
from django.db.models.functions import Floor
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import ValidationError
from concord.core.labels import Viewer as Reader
from concord.core.prepared import PreparedQuery
from concord.monitoring import tally
from concord.monitoring.filters import IncidentFilters
from concord.monitoring.geography import REGIONS
from concord.monitoring.models import Tally, TallyCell, TallyCount, TallyUnit
from concord.monitoring.selectors.incidents import incident_list


def cell_degrees(zoom: int) -> float:
    # About 64 screen pixels a cell: 256-pixel tiles at 2**zoom tiles round the world.
    return 90.0 / float(2 ** max(0, min(zoom, 12)))

# The map's zoom levels: 0 shows the whole world, 12 a town.
MAX_ZOOM = 12


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


def situation_summary(*, viewer: Viewer, filters: IncidentFilters, zoom: int = 4) -> Summary:
    """The counts behind the situation picture, by category × country × week, by region, and the
    map's clusters on a grid for the zoom level: the browser gets cells, never the incidents.

    Read from the tallies (a few sums per day and week) when the filters are among those they
    are kept by; otherwise from the incidents themselves, in one pass. Both give the same
    picture (see the tests)."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValidationError(_("Zoom is 0 to 12."), errors={"zoom": [_("Zoom is 0 to 12.")]})
    if tallied(filters, zoom):
        return _summary_from_tallies(viewer=viewer, filters=filters, zoom=zoom)
    return _summary_from_incidents(viewer=viewer, filters=filters, zoom=zoom)


def tallied(filters: IncidentFilters, zoom: int) -> bool:
    """Whether the tallies hold what this picture asks: they are kept by day or week, country,
    first-level unit (without the category), map cell down to their zoom, and severity."""
    return (zoom <= tally.CELL_ZOOM and not filters.categories and not filters.region
            and not filters.verification and not filters.q)


def _summary_from_incidents(*, viewer: Viewer, filters: IncidentFilters, zoom: int) -> Summary:
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

    def build(viewer: Viewer, *, first: date, last: date, **chosen: str) -> QuerySet[Any]:
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


def _summary_from_tallies(*, viewer: Viewer, filters: IncidentFilters, zoom: int) -> Summary:
    lowest = filters.severity or 1
    countries = sorted(set(filters.countries))
    chosen = {f"c{i}": code for i, code in enumerate(countries)}
    shift = tally.CELL_ZOOM - zoom
    scope = Reader.of(viewer)
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
