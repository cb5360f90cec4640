"""The situation picture's API against DuckDB: counts by category × country × week over 90 days
plus map clusters at country zoom, through `/api/v1/situation/summary` (HTTP handling, the label
rule, SQL and JSON included), and the same counts and cells computed by DuckDB from the same
rows held in memory. Target: the API at most 2 times DuckDB; its p95 is printed for the record.
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any

import duckdb
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.monitoring import selectors, services
from concord.monitoring.models import Incident

TARGET = 2.0
TABLES = ("monitoring_incident", "monitoring_tallycount", "monitoring_tallyunit",
          "monitoring_tallycell")
ZOOM = 4  # the whole area of responsibility on one screen: countries, not towns
END = date(2026, 6, 30)
START = END - timedelta(days=89)


def populate(*, records: int, seed: int) -> User:
    party, _ = Party.objects.get_or_create(code="SEC", defaults={
        "kind": PartyKind.SECRETARIAT, "name_ru": "Секретариат", "name_en": "Secretariat"})
    services.incident_generate(actor=SYSTEM, count=records, seed=seed,
                               start=END - timedelta(days=364), end=END, originator=party,
                               batch_size=5000)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A bulk load leaves each tally row's superseded versions behind (a million
            # incidents, over a million dead rows); autovacuum clears them within minutes of
            # any real load, and the picture is measured as it is read from then on.
            cursor.execute("VACUUM (ANALYZE) " + ", ".join(TABLES))
        else:
            cursor.execute("ANALYZE")
    return User.objects.create(username="bench.analyst", party=party,
                               clearance=Classification.SECRET)


def duckdb_database(officer: User) -> Any:
    """The same rows, as the officer (who reads every one) sees them, in DuckDB's memory."""
    with tempfile.TemporaryDirectory(prefix="concord-bench-") as directory:
        path = Path(directory) / "incidents.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["category", "country", "week", "occurred_on", "latitude",
                             "longitude", "severity"])
            writer.writerows(Incident.objects.visible_to(officer).filter(
                merged_into__isnull=True).values_list(
                "category", "country", "week", "occurred_on", "latitude", "longitude",
                "severity").iterator(chunk_size=50000))
        database = duckdb.connect()
        database.execute("CREATE TABLE incident AS SELECT * FROM read_csv(?, header = true)",
                         [str(path)])
    return database


def duckdb_summary(database: Any) -> tuple[list[Any], list[Any]]:
    size = selectors.cell_degrees(ZOOM)
    counts = database.execute(
        "SELECT category, country, week, count(*) FROM incident "
        "WHERE occurred_on BETWEEN ? AND ? GROUP BY category, country, week",
        [START, END]).fetchall()
    cells = database.execute(
        "SELECT floor(latitude / ?) AS cy, floor(longitude / ?) AS cx, count(*), "
        "avg(latitude), avg(longitude), max(severity) FROM incident "
        "WHERE occurred_on BETWEEN ? AND ? AND latitude IS NOT NULL "
        "GROUP BY cy, cx", [size, size, START, END]).fetchall()
    return counts, cells


def _timed(call: Any) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def run(*, records: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    officer = populate(records=records, seed=seed)
    built = time.perf_counter() - started
    database = duckdb_database(officer)
    setup_test_environment()  # the test client's host name
    client = Client()
    client.force_login(officer)
    url = (f"/api/v1/situation/summary?from={START.isoformat()}&to={END.isoformat()}"
           f"&zoom={ZOOM}")
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, response.content[:500]
    summary = response.json()
    counts, cells = duckdb_summary(database)
    # Both sides must have computed the same picture, or the ratio means nothing.
    assert len(summary["counts"]) == len(counts)
    assert sum(c["count"] for c in summary["counts"]) == sum(row[3] for row in counts)
    assert len(summary["clusters"]) == len(cells)
    samples: dict[str, list[float]] = {"api": [], "duckdb": []}
    for repetition in range(max(3, repeat)):
        order = ("api", "duckdb") if repetition % 2 == 0 else ("duckdb", "api")
        for side in order:
            samples[side].append(_timed((lambda: client.get(url)) if side == "api"
                                        else (lambda: duckdb_summary(database))))
    api, duck = statistics.median(samples["api"]), statistics.median(samples["duckdb"])
    p95 = statistics.quantiles(samples["api"], n=20)[-1] if len(samples["api"]) > 1 \
        else samples["api"][0]
    ratio = api / duck
    print(f"\nSituation picture: {records:,} incidents on {connection.vendor} (built in "
          f"{built:.0f} s); 90 days, {summary['total']:,} incidents, "
          f"{len(summary['counts'])} counts, {len(summary['clusters'])} cells at zoom {ZOOM}; "
          f"medians of {len(samples['api'])} interleaved samples")
    print(f"{'side':<8} {'median':>12}")
    print(f"{'api':<8} {api * 1000:9.1f} ms   p95 {p95 * 1000:.1f} ms")
    print(f"{'duckdb':<8} {duck * 1000:9.1f} ms")
    print(f"api/duckdb: {ratio:.2f} (target <= {TARGET}) {'PASS' if ratio <= TARGET else 'OVER'}")
    return 0
