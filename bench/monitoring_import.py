"""Incident import throughput: `concord incidents import` of an ACLED file against a raw
`executemany` of the same rows into the same table. Target: at least 0.5 of the raw rate.

The import reads and checks every cell, derives the week and severity, looks up keys already
imported and inserts in batches, all in one transaction; the raw side only inserts the finished
tuples. Both start from an empty table.
"""

from __future__ import annotations

import csv
import io
import statistics
import time
import uuid
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction

from concord.core.actors import SYSTEM
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.monitoring import formats, services
from concord.monitoring.formats import ACLED_COLUMNS
from concord.monitoring.generator import synthetic_incidents
from concord.monitoring.models import Incident
from concord.monitoring.outputs.exports import acled_row
from concord.monitoring.services._common import _derived

TARGET = 0.5


def acled_file(*, records: int, seed: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    end = date(2026, 6, 30)
    for number, values in enumerate(synthetic_incidents(records, seed=seed,
                                                        start=end - timedelta(days=364),
                                                        end=end)):
        values.pop("classification")
        values["external_id"] = f"acled:BENCH{number}"
        writer.writerow(acled_row(Incident(**values)))
    return out.getvalue().encode("utf-8")


def _clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM monitoring_incident")


def _raw_rows(data: bytes, party: Party) -> tuple[str, list[tuple[Any, ...]]]:
    fields = [f for f in Incident._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO monitoring_incident ({columns}) VALUES ({marks})"
    rows = []
    for row in formats.read(io.BytesIO(data), "acled"):
        assert row.values is not None, row.error
        incident = Incident(originator=party, classification=1, release_to_all_members=True,
                            public_id=uuid.uuid4(), **_derived(row.values))
        rows.append(tuple(f.get_db_prep_save(f.pre_save(incident, True), connection)
                          for f in fields))
    return sql, rows


def run(*, records: int, repeat: int, seed: int) -> int:
    party, _ = Party.objects.get_or_create(code="SEC", defaults={
        "kind": PartyKind.SECRETARIAT, "name_ru": "Секретариат", "name_en": "Secretariat"})
    started = time.perf_counter()
    data = acled_file(records=records, seed=seed)
    sql, rows = _raw_rows(data, party)
    print(f"\nIncident import: {records:,} ACLED rows ({len(data) / 1e6:.0f} MB) on "
          f"{connection.vendor}; prepared in {time.perf_counter() - started:.0f} s")
    times: dict[str, list[float]] = {"import": [], "raw": []}
    for repetition in range(max(1, repeat)):
        order = ("import", "raw") if repetition % 2 == 0 else ("raw", "import")
        for side in order:
            _clear()
            began = time.perf_counter()
            if side == "import":
                outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(data),
                                                   fmt="acled", originator=party)
                assert outcome.created == records, outcome
            else:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.executemany(sql, rows)
            times[side].append(time.perf_counter() - began)
    imported, raw = statistics.median(times["import"]), statistics.median(times["raw"])
    ratio = raw / imported
    print(f"{'side':<10} {'seconds':>9} {'rows/s':>10}")
    print(f"{'import':<10} {imported:9.2f} {records / imported:10,.0f}")
    print(f"{'raw':<10} {raw:9.2f} {records / raw:10,.0f}")
    print(f"import/raw throughput: {ratio:.2f} (target >= {TARGET}) "
          f"{'PASS' if ratio >= TARGET else 'UNDER'}")
    _clear()
    return 0
