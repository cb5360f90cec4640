"""The situation picture: counts by category, country, week and region, and the map's clusters,
read from the tallies when they hold what is asked, otherwise from the incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from django.db.models import (
    Count,
    F,
    Max,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Floor
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import ValidationError
from concord.core.labels import Viewer as Reader
from concord.core.prepared import PreparedQuery, plain_rows
from concord.monitoring import tally
from concord.monitoring.filters import IncidentFilters
from concord.monitoring.geography import REGION_BY_CODE, REGIONS
from concord.monitoring.models import (
    SEVERE,
    Tally,
    TallyCell,
    TallyCellByCategory,
    TallyCellByVerification,
    TallyCellFine,
    TallyCellTown,
    TallyCount,
    TallyCountByVerification,
    TallyPlaceByVerification,
    TallySevere,
    TallyUnit,
    TallyUnitByCategory,
    TallyUnitByVerification,
)
from concord.monitoring.selectors.incidents import incident_list


def cell_degrees(zoom: int) -> float:
    # About 64 screen pixels a cell: 256-pixel tiles at 2**zoom tiles round the world.
    return 90.0 / float(2 ** max(0, min(zoom, 12)))

# The map's zoom levels: 0 shows the whole world, 12 a town.
MAX_ZOOM = 12

# The incidents' groupings count rows, not ids: every column they read is in the picture's
# covering indexes but the id, and PostgreSQL visits the table for any column not there (the
# cells of one country at zoom 12 over 90 days: 13 ms from the table, 2 ms from the index).
ROWS = Count("*")


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

    The counts and the regions are read from the tallies (a few sums per day and week) unless a
    text filter narrows the picture, the map's cells from the tallies down to their zoom (see
    `tallied`); what the tallies do not hold is added up by the database from the incidents.
    A text filter reads the incidents its index finds, in one pass; so does a floor from SEVERE
    up, over the severe incidents' own index (see `severe`). Every way gives the same picture (see
    the tests)."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValidationError(_("Zoom is 0 to 12."), errors={"zoom": [_("Zoom is 0 to 12.")]})
    if severe(filters):
        if severe_tallied(filters, zoom):
            return _summary_from_severe_tally(viewer=viewer, filters=filters, zoom=zoom)
        return _summary_in_one_pass(viewer=viewer, filters=filters, zoom=zoom)
    if not counted(filters):
        return _summary_from_incidents(viewer=viewer, filters=filters, zoom=zoom)
    counts, units, cells = _tallied_counts(viewer, filters, zoom)
    if cells is None:
        cells = _incident_cells(viewer, filters, zoom)
    return _summary(filters, zoom, counts, units, cells)


def counted(filters: IncidentFilters) -> bool:
    """Whether the tallies hold the counts this picture asks for: they are kept by day or week,
    category, country, first-level unit (and so region), severity and verification, not by
    text."""
    return not filters.q


def severe(filters: IncidentFilters) -> bool:
    """Whether the picture holds only severe incidents, which their own index finds: a few
    entries a day, where the tallies hold rows for every incident of the period whatever their
    severity."""
    return (filters.severity or 0) >= SEVERE


def severe_tallied(filters: IncidentFilters, zoom: int) -> bool:
    """Whether the severe incidents' own tally (TallySevere) holds this picture of them: it is
    kept by the period, category, country and first-level unit (and so region), not by
    verification or text, and its cells stop at `tally.CELL_ZOOM`."""
    return (severe(filters) and counted(filters) and not filters.verification
            and zoom <= tally.CELL_ZOOM)


def tallied(filters: IncidentFilters, zoom: int) -> bool:
    """Whether the tallies hold the whole picture, map included: their cells stop at
    `tally.CELL_ZOOM`, or reach `tally.FINE_ZOOM` for a picture narrowed to nothing but
    countries, severity and the period, and `tally.TOWN_ZOOM` when it names its countries."""
    return counted(filters) and _cell_zoom(filters, zoom) is not None


def _cell_zoom(filters: IncidentFilters, zoom: int) -> int | None:
    """The zoom of the tally whose cells, added up, make this picture's map; None past them.
    The towns' cells are read for named countries only: they are kept by country first, and
    the whole area's towns are as many rows as its incidents."""
    if zoom <= tally.CELL_ZOOM:
        return tally.CELL_ZOOM
    if filters.categories or filters.region or filters.verification:
        return None
    if zoom <= tally.FINE_ZOOM:
        return tally.FINE_ZOOM
    if zoom <= tally.TOWN_ZOOM and filters.countries:
        return tally.TOWN_ZOOM
    return None


def _summary_from_incidents(*, viewer: Viewer, filters: IncidentFilters, zoom: int) -> Summary:
    """The picture from the incidents alone: what a text filter is read from, and what the
    tallies are held to (see the tests)."""
    if filters.q:
        return _summary_in_one_pass(viewer=viewer, filters=filters, zoom=zoom)
    incidents = incident_list(viewer=viewer, filters=filters).order_by()
    # Each part of the picture is its own grouping over the picture's covering indexes, handing
    # back only the rows of its answer: one grouping by every key at once would return nearly
    # a row per incident to be added up here.
    counts = {(category, country, week): n for category, country, week, n in
              incidents.values("category", "country", "week").annotate(n=ROWS)
              .values_list("category", "country", "week", "n")}
    units = {(country, admin1): n for country, admin1, n in
             incidents.values("country", "admin1").annotate(n=ROWS)
             .values_list("country", "admin1", "n")}
    return _summary(filters, zoom, counts, units, _incident_cells(viewer, filters, zoom))


def _summary_in_one_pass(*, viewer: Viewer, filters: IncidentFilters, zoom: int) -> Summary:
    """A text filter reads each row's narrative from the table itself, which no index covers:
    one pass over the rows, grouped by every key at once and added up here, costs less than a
    pass for each part of the picture. So does the picture of the severe incidents, a few an
    index entry each: one query where three would each cost PostgreSQL its planning and round
    trip."""
    incidents = incident_list(viewer=viewer, filters=filters).order_by()
    size = cell_degrees(zoom)
    groups = (incidents.annotate(cy=Floor(F("latitude") / size), cx=Floor(F("longitude") / size))
              .values("category", "country", "admin1", "week", "cy", "cx")
              .annotate(n=ROWS, lat=Sum("latitude"), lon=Sum("longitude"),
                        severity=Max("severity"))
              .values_list("category", "country", "admin1", "week", "cy", "cx", "n", "lat",
                           "lon", "severity"))
    counts: dict[tuple[str, str, date], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)
    cells: dict[tuple[float, float], list[float]] = {}
    # The sums, counts and cells come back from the driver as numbers already; only the week,
    # which SQLite hands back as text, is converted, once a week rather than once a group.
    for category, country, admin1, week, cy, cx, n, lat, lon, severity in plain_rows(
            groups, converted=("week",)):
        counts[(category, country, week)] += n
        units[(country, admin1)] += n
        if cy is not None and cx is not None:
            cell = cells.setdefault((cy, cx), [0, 0.0, 0.0, 0])
            cell[0] += n
            cell[1] += lat
            cell[2] += lon
            cell[3] = max(cell[3], severity)
    return _summary(filters, zoom, counts, units, cells.values())


class _SevereCount(NamedTuple):
    category: str
    country: str
    day: date  # the row's day or week
    n: int


class _SeverePlace(NamedTuple):
    country: str
    admin1: str
    placed: int
    cy: int
    cx: int
    n: int
    worst: int  # of the count, those of severity 4
    lat: float
    lon: float


@lru_cache(maxsize=256)
def _severe_read(span: str, part: str, shape: _Shape) -> PreparedQuery:
    """One period's `counts` (by category, country and day) or `places` (by unit and cell) of
    TallySevere, compiled once per viewer scope: the dates, countries and categories are its
    arguments; each sum is what the floor counts. The counts are grouped by a prefix of the
    table's key, which either engine adds up in the order it reads the rows, with no sort; the
    places are a few dozen groups. Django converts nothing on each row: the driver gives the
    sums as numbers and the day as a date."""
    countries = [f"c{i}" for i in range(shape.countries)]
    categories = [f"k{i}" for i in range(shape.categories)]
    levels = range(shape.lowest, 5)
    n = Sum(sum((F(f"n{k}") for k in levels), Value(0)))

    def build(viewer: Viewer, *, first: date, last: date, **chosen: str) -> QuerySet[Any]:
        rows: QuerySet[Any] = TallySevere.objects.visible_to(viewer).filter(
            span=span, starts_on__gte=first, starts_on__lte=last).order_by()
        if countries:
            rows = rows.filter(country__in=[chosen[name] for name in countries])
        if categories:
            rows = rows.filter(category__in=[chosen[name] for name in categories])
        if shape.region:
            rows = rows.filter(REGION_BY_CODE[shape.region].q())
        if shape.lowest > tally.SEVERE:
            rows = rows.filter(n4__gt=0)
        grouped: QuerySet[Any]
        if part == "counts":
            # The day as the column it is, not cast, so that the grouping follows the key.
            grouped = rows.values("category", "country", day=F("starts_on")).annotate(n=n)
        else:
            grouped = rows.values("country", "admin1", "placed", "cy", "cx").annotate(
                n=n, worst=Sum("n4"),
                lat=Sum(sum((F(f"lat{k}") for k in levels), Value(0.0))),
                lon=Sum(sum((F(f"lon{k}") for k in levels), Value(0.0))))
        return grouped

    return PreparedQuery(build, arguments={"first": date, "last": date,
                                           **dict.fromkeys(countries + categories, str)},
                         name=f"TallySevere {span} {part} {shape}", converted=())


def _summary_from_severe_tally(*, viewer: Viewer, filters: IncidentFilters,
                               zoom: int) -> Summary:
    """The picture of the severe incidents from their own tally, whose rows each hold the
    severe incidents of one day or week, category, unit, cell and label: a few rows a day,
    where a grouping of the incidents would sort each one. The label rule applies to its rows
    as to the incidents."""
    countries = sorted(set(filters.countries))
    categories = sorted(set(filters.categories))
    chosen = {**{f"c{i}": code for i, code in enumerate(countries)},
              **{f"k{i}": code for i, code in enumerate(categories)}}
    shape = _Shape(filters.severity or tally.SEVERE, len(countries), len(categories), 0,
                   filters.region, tally.CELL_ZOOM - zoom)
    scope = Reader.of(viewer)
    counts: dict[tuple[str, str, date], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)
    # Per cell: the count, the count of severity 4, the sums of latitudes and longitudes.
    cells: dict[tuple[int, int], list[float]] = {}
    weeks: dict[date, date] = {}
    shift = shape.shift
    for period in _periods(filters.date_from, filters.date_to):
        arguments: dict[str, Any] = {"first": period.first, "last": period.last, **chosen}
        for category, country, day, n in _severe_read(period.span, "counts", shape).rows_as(
                _SevereCount, viewer=scope, **arguments):
            week = weeks.get(day)
            if week is None:
                week = weeks[day] = day - timedelta(days=day.weekday())
            counts[(category, country, week)] += n
        for country, admin1, placed, cy, cx, n, worst, lat, lon in _severe_read(
                period.span, "places", shape).rows_as(_SeverePlace, viewer=scope, **arguments):
            units[(country, admin1)] += n
            if placed:
                cell = cells.setdefault((cy >> shift, cx >> shift), [0, 0, 0.0, 0.0])
                cell[0] += n
                cell[1] += worst
                cell[2] += lat
                cell[3] += lon
    return _summary(filters, zoom, _kept(counts), _kept(units),
                    [[n, lat, lon, 4 if worst else tally.SEVERE]
                     for n, worst, lat, lon in cells.values() if n])


class _CellOut(NamedTuple):
    cy: float
    cx: float
    n: int
    lat: float
    lon: float
    severity: int


def _incident_cells(viewer: Viewer, filters: IncidentFilters, zoom: int) -> list[list[float]]:
    """The map's cells added up from the incidents (past the tallies' zoom), through a read
    compiled once per viewer scope and shape of the filters. A text filter never comes here:
    its picture is read in one pass (see `_summary_in_one_pass`)."""
    if filters.q:
        raise ValueError("A text filter's map is read with the rest of its picture.")
    countries = sorted(set(filters.countries))
    categories = sorted(set(filters.categories))
    verifications = sorted(set(filters.verification))
    shape = _Shape(filters.severity or 1, len(countries), len(categories), len(verifications),
                   filters.region, 0)
    chosen = {**{f"c{i}": code for i, code in enumerate(countries)},
              **{f"k{i}": code for i, code in enumerate(categories)},
              **{f"v{i}": code for i, code in enumerate(verifications)}}
    return [[n, lat, lon, severity] for _, _, n, lat, lon, severity in _cells_read(
        zoom, shape).rows_as(
            _CellOut, viewer=Reader.of(viewer), first=filters.date_from or _EARLIEST,
            last=filters.date_to or _LATEST, **chosen)]


@lru_cache(maxsize=256)
def _cells_read(zoom: int, shape: _Shape) -> PreparedQuery:
    size = cell_degrees(zoom)
    countries = [f"c{i}" for i in range(shape.countries)]
    categories = [f"k{i}" for i in range(shape.categories)]
    verifications = [f"v{i}" for i in range(shape.verifications)]

    def build(viewer: Viewer, *, first: date, last: date, **chosen: str) -> QuerySet[Any]:
        narrowed = IncidentFilters(
            date_from=first, date_to=last, categories=tuple(chosen[k] for k in categories),
            countries=tuple(chosen[c] for c in countries), region=shape.region,
            severity=shape.lowest if shape.lowest > 1 else None,
            verification=tuple(chosen[v] for v in verifications))
        cells: QuerySet[Any] = (
            incident_list(viewer=viewer, filters=narrowed).order_by()
            .filter(latitude__isnull=False, longitude__isnull=False)
            .annotate(cy=Floor(F("latitude") / size), cx=Floor(F("longitude") / size))
            .values("cy", "cx")
            .annotate(n=ROWS, lat=Sum("latitude"), lon=Sum("longitude"),
                      severity=Max("severity")))
        return cells

    # Counts, sums and the worst severity come back from the driver as numbers: a town's zoom
    # has hundreds of cells, each converted for nothing otherwise.
    return PreparedQuery(build, arguments={"first": date, "last": date,
                                           **dict.fromkeys(countries + categories
                                                           + verifications, str)},
                         name=f"incident cells {zoom} {shape}", converted=())


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


def _month_end(first: date) -> date:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _monthly_periods(start: date | None, end: date | None) -> list[tuple[int, _Period]]:
    """The rows of a tally kept by month too (TallyCellFine, TallyCellTown) that make up
    [start, end], each with the sign it is added with: the whole months from the monthly rows,
    and each ragged end from the weekly and daily rows (see `_periods`), either added to the
    months inside the period or taken away from the month it lies in, whichever reads fewer
    days. The cells' sums are sums, so a month less its first days is the rest of that month,
    label by label."""
    first_month = _EARLIEST if start is None else start.replace(day=1)
    last_month = _LATEST.replace(day=1) if end is None else end.replace(day=1)
    signed: list[tuple[int, _Period]] = []
    if start is not None and start != first_month:
        if (start - first_month).days < (_month_end(first_month) - start).days + 1:
            signed += [(-1, p) for p in _periods(first_month, start - timedelta(days=1))]
        else:
            signed += [(1, p) for p in _periods(start, min(_month_end(first_month),
                                                           end or _LATEST))]
            first_month = _month_end(first_month) + timedelta(days=1)
    if end is not None and end != _month_end(last_month) and last_month >= first_month:
        if (_month_end(last_month) - end).days < (end - last_month).days + 1:
            signed += [(-1, p) for p in _periods(end + timedelta(days=1),
                                                 _month_end(last_month))]
        else:
            signed += [(1, p) for p in _periods(last_month, end)]
            last_month = (last_month - timedelta(days=1)).replace(day=1)
    if first_month > last_month:
        # Less than a month, or no whole month between two ragged ends that were added: the
        # weeks and days alone.
        return [(1, p) for p in _periods(start, end)]
    return [(1, _Period(Tally.Span.MONTH, first_month, last_month)), *signed]


class _CountRow(NamedTuple):
    category: str
    country: str
    start: date  # the week, or a day within it
    total: int


class _UnitRow(NamedTuple):
    country: str
    admin1: str
    total: int


class _CellRow(NamedTuple):
    gy: int
    gx: int
    s1: int
    s2: int
    s3: int
    s4: int
    lat: float
    lon: float


@dataclass(frozen=True)
class _Shape:
    """What a tally read depends on besides its arguments: the severity floor, how many
    countries, categories and verifications are chosen, the region, and the cell shift."""

    lowest: int
    countries: int
    categories: int
    verifications: int
    region: str
    shift: int


# Tallies that count the incidents without coordinates too (for their unit), in rows whose
# `placed` is 0: their cells are read from the other rows.
_UNPLACED_KEPT = (TallyPlaceByVerification,)


@lru_cache(maxsize=512)
def _tally_read(model: type[Tally], span: str, part: str, shape: _Shape) -> PreparedQuery:
    """One period's read of one part of the picture (`counts`, `units` or `cells`) from one
    tally, compiled once per viewer scope: the dates, countries and categories are its
    arguments. Grouped by a prefix of the tally's key, each is a walk along the key in order,
    with the label rule on every row as on the incidents. Django converts nothing on each row:
    the sums come back from the driver as numbers and the days as dates (a few thousand cells
    of the finer tallies a read)."""
    levels = range(shape.lowest, 5)
    n = sum((F(f"n{k}") for k in levels), Value(0))
    countries = [f"c{i}" for i in range(shape.countries)]
    categories = [f"k{i}" for i in range(shape.categories)]
    verifications = [f"v{i}" for i in range(shape.verifications)]

    def build(viewer: Viewer, *, first: date, last: date, **chosen: str) -> QuerySet[Any]:
        rows: QuerySet[Any] = model.objects.visible_to(viewer).filter(
            span=span, starts_on__gte=first, starts_on__lte=last).order_by()
        if countries:
            rows = rows.filter(country__in=[chosen[name] for name in countries])
        if categories:
            rows = rows.filter(category__in=[chosen[name] for name in categories])
        if verifications:
            rows = rows.filter(verification__in=[chosen[name] for name in verifications])
        if shape.region:
            rows = rows.filter(REGION_BY_CODE[shape.region].q())
        if part == "counts":
            week = F("week" if model is TallyCount else "starts_on")
            counts: QuerySet[Any] = (rows.values("category", "country", start=week)
                                     .annotate(total=Sum(n))
                                     .values("category", "country", "start", "total"))
            return counts
        if part == "units":
            units: QuerySet[Any] = (rows.values("country", "admin1").annotate(total=Sum(n))
                                    .values("country", "admin1", "total"))
            return units
        if model in _UNPLACED_KEPT:
            rows = rows.filter(placed=1)
        # Each severity's count, not the cell's worst severity: a period's cells may be a
        # month's less some of its days (see `_monthly_periods`), whose worst is known only
        # once they are taken away.
        by_level = {f"s{k}": Sum(F(f"n{k}") if k in levels else Value(0))
                    for k in tally.SEVERITIES}
        shift = shape.shift
        cells: QuerySet[Any] = (
            rows.annotate(gy=F("cy").bitrightshift(shift), gx=F("cx").bitrightshift(shift))
            .values("gy", "gx")
            .annotate(**by_level,
                      lat=Sum(sum((F(f"lat{k}") for k in levels), Value(0.0))),
                      lon=Sum(sum((F(f"lon{k}") for k in levels), Value(0.0)))))
        return cells

    return PreparedQuery(build, arguments={"first": date, "last": date,
                                           **dict.fromkeys(countries + categories
                                                           + verifications, str)},
                         name=f"{model.__name__} {span} {part} {shape}", converted=())


def _tallied_counts(viewer: Viewer, filters: IncidentFilters, zoom: int) -> tuple[
        dict[tuple[str, str, date], int], dict[tuple[str, str], int], list[list[float]] | None]:
    """The counts, the units' counts and (down to the tallies' zoom) the cells, from the
    tallies."""
    countries = sorted(set(filters.countries))
    categories = sorted(set(filters.categories))
    verifications = sorted(set(filters.verification))
    chosen = {**{f"c{i}": code for i, code in enumerate(countries)},
              **{f"k{i}": code for i, code in enumerate(categories)},
              **{f"v{i}": code for i, code in enumerate(verifications)}}
    cell_zoom = _cell_zoom(filters, zoom)
    with_cells = cell_zoom is not None
    shape = _Shape(filters.severity or 1, len(countries), len(categories), len(verifications),
                   filters.region, max(0, (cell_zoom or zoom) - zoom))
    # Each part from the smallest tally that holds it: the tallies by category have about five
    # times the rows, and are read only when a category or a region narrows the picture; those
    # by category and verification 1.4 times as many again, and are read only for a
    # verification with a category or a region.
    narrowed = bool(categories or filters.region)
    counted_by: type[Tally] = TallyUnitByCategory if filters.region else TallyCount
    unit_tally: type[Tally] = TallyUnitByCategory if narrowed else TallyUnit
    cell_tally: type[Tally] = TallyCellByCategory if narrowed else TallyCell
    if verifications and narrowed:
        counted_by = unit_tally = TallyUnitByVerification
        cell_tally = TallyCellByVerification
    elif verifications:
        # A verification alone, or with countries: the tallies by verification without the
        # product of every unit's categories, a third of the rows to read.
        counted_by = TallyCountByVerification
        unit_tally = cell_tally = TallyPlaceByVerification
    if cell_zoom == tally.FINE_ZOOM:
        cell_tally = TallyCellFine
    elif cell_zoom == tally.TOWN_ZOOM:
        cell_tally = TallyCellTown
    scope = Reader.of(viewer)
    counts: dict[tuple[str, str, date], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)

    def read(model: type[Tally], part: str, row: type[Any], period: _Period) -> list[Any]:
        return _tally_read(model, period.span, part, shape).rows_as(
            row, viewer=scope, first=period.first, last=period.last, **chosen)

    for period in _periods(filters.date_from, filters.date_to):
        for category, country, start, total in read(counted_by, "counts", _CountRow, period):
            counts[(category, country, start - timedelta(days=start.weekday()))] += total
        for country, admin1, total in read(unit_tally, "units", _UnitRow, period):
            units[(country, admin1)] += total
    if not with_cells:
        return _kept(counts), _kept(units), None
    return _kept(counts), _kept(units), _cells_added_up(
        (sign, read(cell_tally, "cells", _CellRow, period))
        for sign, period in _cell_periods(cell_tally, filters))


def _cell_periods(model: type[Tally], filters: IncidentFilters) -> list[tuple[int, _Period]]:
    if model in (TallyCellFine, TallyCellTown):
        return _monthly_periods(filters.date_from, filters.date_to)
    return [(1, period) for period in _periods(filters.date_from, filters.date_to)]


def _cells_added_up(parts: Iterable[tuple[int, list[_CellRow]]]) -> list[list[float]]:
    """Each cell's count, sums of latitudes and longitudes, and worst severity, from the cells
    of each period read, added or taken away by the period's sign."""
    # Per cell: the count of each severity, then the sums of latitudes and longitudes.
    cells: dict[tuple[int, int], list[float]] = {}
    for sign, rows in parts:
        for gy, gx, *sums in rows:
            cell = cells.setdefault((gy, gx), [0, 0, 0, 0, 0.0, 0.0])
            for index, value in enumerate(sums):
                cell[index] += sign * value
    return [[total, lat, lon, max(k for k, n in zip(tally.SEVERITIES, levels, strict=True) if n)]
            for *levels, lat, lon in cells.values() if (total := sum(levels))]


def _kept(sums: dict[Any, int]) -> dict[Any, int]:
    return {key: value for key, value in sums.items() if value}


def _summary_from_tallies(*, viewer: Viewer, filters: IncidentFilters, zoom: int) -> Summary:
    counts, units, cells = _tallied_counts(viewer, filters, zoom)
    return _summary(filters, zoom, counts, units, cells or [])


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
