"""The situation picture's API against DuckDB, over a matrix of the filters an analyst uses:
period, category (one, several), country (one, several), region, severity, verification, text
and zoom 0 to 12. Each shape is fetched through `/api/v1/situation/summary` (HTTP handling, the
label rule, SQL and JSON included) and computed by DuckDB from the same rows held in memory: the
counts by category × country × week, the counts by first-level unit and the map cells. Target:
the API at most 2 times DuckDB for every shape; each shape's p95 is printed, and the worst ratio.
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.monitoring import selectors, services
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import Incident

TARGET = 2.0
TABLES = ("monitoring_incident", "monitoring_tallycount", "monitoring_tallyunit",
          "monitoring_tallycell", "monitoring_tallyunitbycategory",
          "monitoring_tallycellbycategory", "monitoring_tallyunitbyverification",
          "monitoring_tallycellbyverification", "monitoring_tallycellfine",
          "monitoring_tallysevere", "monitoring_tallycountbyverification",
          "monitoring_tallyplacebyverification", "monitoring_tallycelltown")
END = date(2026, 6, 30)
START = END - timedelta(days=89)
BORDER = "tajik-afghan-border"


@dataclass(frozen=True)
class Shape:
    name: str
    zoom: int
    days: int = 90
    categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    region: str = ""
    severity: int = 0
    verification: tuple[str, ...] = ()
    q: str = ""

    @property
    def first(self) -> date:
        return END - timedelta(days=self.days - 1)

    def url(self) -> str:
        items = [("from", self.first.isoformat()), ("to", END.isoformat()),
                 ("zoom", str(self.zoom)), *(("category", c) for c in self.categories),
                 *(("country", c) for c in self.countries),
                 *(("verification", v) for v in self.verification)]
        if self.region:
            items.append(("region", self.region))
        if self.severity:
            items.append(("severity", str(self.severity)))
        if self.q:
            items.append(("q", self.q))
        return "/api/v1/situation/summary?" + urlencode(items)

    def where(self) -> tuple[str, list[Any]]:
        """The same filters for DuckDB."""
        clauses, values = ["occurred_on BETWEEN ? AND ?"], [self.first, END]
        for column, chosen in (("category", self.categories), ("country", self.countries),
                               ("verification", self.verification)):
            if chosen:
                clauses.append(f"{column} IN ({', '.join('?' for _ in chosen)})")
                values += chosen
        if self.region:
            region = REGION_BY_CODE[self.region]
            either = [f"country IN ({', '.join('?' for _ in region.countries)})"] \
                if region.countries else []
            values += region.countries
            for country, unit in region.admin1:
                either.append("(country = ? AND admin1 = ?)")
                values += [country, unit]
            clauses.append("(" + " OR ".join(either) + ")")
        if self.severity:
            clauses.append("severity >= ?")
            values.append(self.severity)
        if self.q:
            clauses.append("(location ILIKE ? OR narrative ILIKE ?)")
            values += [f"%{self.q}%"] * 2
        return " AND ".join(clauses), values


# The filters the page offers, alone and together, from the whole area at world zoom to a town.
SHAPES = (
    Shape("90 days, zoom 4", 4),
    Shape("a year, zoom 0", 0, days=365),
    Shape("one category, zoom 4", 4, categories=("drug_trafficking",)),
    Shape("two categories, zoom 4", 4, categories=("terrorism", "extremism")),
    Shape("one country, zoom 6", 6, countries=("TJ",)),
    Shape("one country, zoom 8", 8, countries=("TJ",)),
    Shape("two countries, zoom 6", 6, countries=("KG", "UZ")),
    Shape("category and country, zoom 6", 6, categories=("drug_trafficking",),
          countries=("TJ",)),
    Shape("region, zoom 6", 6, region=BORDER),
    Shape("category in a region, zoom 7", 7, categories=("drug_trafficking",), region=BORDER),
    Shape("severity 3+, zoom 4", 4, severity=3),
    Shape("severity 4, zoom 4", 4, severity=4),
    Shape("confirmed, zoom 4", 4, verification=("confirmed",)),
    Shape("text, zoom 4", 4, q="Khorugh"),
    Shape("whole area, zoom 10", 10),
    Shape("one country, zoom 12", 12, countries=("KG",)),
    Shape("30 days, category, region, severity 2+, zoom 12", 12, days=30,
          categories=("border",), region=BORDER, severity=2),
)


def populate(*, records: int, seed: int) -> User:
    party, _ = Party.objects.get_or_create(code="SEC", defaults={
        "kind": PartyKind.SECRETARIAT, "name_ru": "Секретариат", "name_en": "Secretariat"})
    kept = User.objects.filter(username="bench.analyst").first()
    if kept is not None and Incident.objects.visible_to(kept).count() == records:
        # A kept database (CONCORD_BENCH_KEEP) already holds this run's incidents, all of them
        # the analyst's own party's.
        return kept
    services.incident_generate(actor=SYSTEM, count=records, seed=seed,
                               start=END - timedelta(days=364), end=END, originator=party,
                               batch_size=5000)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The planner's statistics of the freshly filled tables (the year is written with
            # the tally triggers lifted and the tallies added up once, see
            # `tally.written_in_bulk`), as autovacuum gathers them minutes after a real load.
            cursor.execute("VACUUM (ANALYZE) " + ", ".join(TABLES))
        else:
            cursor.execute("ANALYZE")
    return User.objects.create(username="bench.analyst", party=party,
                               clearance=Classification.SECRET)


COLUMNS = ("category", "country", "admin1", "week", "occurred_on", "latitude", "longitude",
           "severity", "verification", "location", "narrative")


def duckdb_database(officer: User) -> Any:
    """The same rows, as the officer (who reads every one) sees them, in DuckDB's memory."""
    with tempfile.TemporaryDirectory(prefix="concord-bench-") as directory:
        path = Path(directory) / "incidents.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(Incident.objects.visible_to(officer).filter(
                merged_into__isnull=True).values_list(*COLUMNS).iterator(chunk_size=50000))
        database = duckdb.connect()
        database.execute("CREATE TABLE incident AS SELECT * FROM read_csv(?, header = true, "
                         "types = {'admin1': 'VARCHAR', 'location': 'VARCHAR'})", [str(path)])
    return database


def duckdb_summary(database: Any, shape: Shape) -> tuple[list[Any], list[Any], list[Any]]:
    size = selectors.cell_degrees(shape.zoom)
    where, values = shape.where()
    counts = database.execute(
        f"SELECT category, country, week, count(*) FROM incident WHERE {where} "
        "GROUP BY category, country, week", values).fetchall()
    units = database.execute(
        f"SELECT country, admin1, count(*) FROM incident WHERE {where} "
        "GROUP BY country, admin1", values).fetchall()
    cells = database.execute(
        "SELECT floor(latitude / ?) AS cy, floor(longitude / ?) AS cx, count(*), "
        f"avg(latitude), avg(longitude), max(severity) FROM incident WHERE {where} "
        "AND latitude IS NOT NULL GROUP BY cy, cx", [size, size, *values]).fetchall()
    return counts, units, cells


def _timed(call: Any) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


@dataclass
class Measured:
    shape: Shape
    total: int
    api: list[float]
    duckdb: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.api) / statistics.median(self.duckdb)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.api, n=20)[-1] if len(self.api) > 1 else self.api[0]


def measure(client: Client, database: Any, shape: Shape, repeat: int) -> Measured:
    url = shape.url()
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, response.content[:500]
    summary = response.json()
    counts, units, cells = duckdb_summary(database, shape)
    # Both sides must have computed the same picture, or the ratio means nothing.
    assert len(summary["counts"]) == len(counts), shape
    assert summary["total"] == sum(row[3] for row in counts), shape
    assert len(summary["clusters"]) == len(cells), shape
    assert sum(c["count"] for c in summary["clusters"]) == sum(row[2] for row in cells), shape
    regions = {r["region"]: r["count"] for r in summary["by_region"]}
    for code, region in REGION_BY_CODE.items():
        assert regions.get(code, 0) == sum(n for country, unit, n in units
                                           if region.contains(country, unit or "")), shape
    samples: dict[str, list[float]] = {"api": [], "duckdb": []}
    for repetition in range(max(3, repeat)):
        order = ("api", "duckdb") if repetition % 2 == 0 else ("duckdb", "api")
        for side in order:
            samples[side].append(_timed((lambda: client.get(url)) if side == "api"
                                        else (lambda: duckdb_summary(database, shape))))
    return Measured(shape, summary["total"], samples["api"], samples["duckdb"])


# What must not get slower for the picture's sake: the incident list (page and API), the
# map at town zoom, and a CSV export, each over the same rows.
PAGES = (
    ("incident list page, one country", f"/monitoring/incidents/?from={START}&to={END}&country=TJ"),
    ("incident list API, 50 rows", f"/api/v1/incidents?from={START}&to={END}&limit=50"),
    ("map at zoom 12, 90 days", f"/api/v1/situation/summary?from={START}&to={END}&zoom=12"),
    ("CSV export, a week of one country",
     f"/monitoring/incidents/?from={END - timedelta(days=6)}&to={END}&country=KG&format=csv"),
)


def _pages(client: Client, repeat: int) -> None:
    print(f"{'page':<50} {'median':>9} {'p95':>9}")
    for name, url in PAGES:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, (url, response.status_code)
        samples = [_timed(lambda url=url: client.get(url)) for _ in range(max(3, repeat))]
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(f"{name:<50} {statistics.median(samples) * 1000:7.1f}ms {p95 * 1000:7.1f}ms")


def run(*, records: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    officer = populate(records=records, seed=seed)
    built = time.perf_counter() - started
    database = duckdb_database(officer)
    setup_test_environment()  # the test client's host name
    client = Client()
    client.force_login(officer)
    print(f"\nSituation picture: {records:,} incidents on {connection.vendor} (built in "
          f"{built:.0f} s); medians of {max(3, repeat)} interleaved samples a shape")
    print(f"{'shape':<50} {'incidents':>9} {'api':>9} {'p95':>9} {'duckdb':>9} {'ratio':>6}")
    results = []
    for shape in SHAPES:
        found = measure(client, database, shape, repeat)
        results.append(found)
        print(f"{shape.name:<50} {found.total:>9,} {statistics.median(found.api) * 1000:7.1f}ms "
              f"{found.p95 * 1000:7.1f}ms {statistics.median(found.duckdb) * 1000:7.1f}ms "
              f"{found.ratio:6.2f}")
    _pages(client, repeat)
    worst = max(results, key=lambda found: found.ratio)
    print(f"worst api/duckdb: {worst.ratio:.2f} ({worst.shape.name}; target <= {TARGET}) "
          f"{'PASS' if worst.ratio <= TARGET else 'OVER'}")
    return 0
