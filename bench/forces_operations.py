"""What the joint operations' totals cost: the results of three operations summed by operation,
stage, year and state, as the secretariat reads them, over 100,000 result rows, each against raw
SQL that sums the same rows under the same label rule, and their query counts pinned.

Run on its own with `python -m bench --only forces_operations [--operation-results N]`. The
selector is `result_totals` (the label rule, the operations the viewer reads, the sums in the
database and the groups' names); the raw SQL does the same in two statements. The target is at
most 3 times raw SQL.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.council_lists import _measure
from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.demo.organization import load
from concord.forces import seizures
from concord.forces.models import (
    CaseType,
    Measure,
    Operation,
    OperationResult,
    OperationStage,
    Substance,
)
from concord.forces.selectors import operations as selectors
from concord.forces.services import operations as services

TARGET = 3.0
# Queries each grouping may make, whatever the number of rows: the sums, then the groups' names.
PINNED_QUERIES = {"operation": 2, "stage": 2, "year": 1, "state": 2}
COUNTED = [Measure.FIREARMS, Measure.AMMUNITION, Measure.DETAINED, Measure.WANTED,
           Measure.MIGRANTS, Measure.SITES_FOUND, Measure.SITES_BLOCKED]


def _figures(substances: list[Substance]) -> list[tuple[str, Substance | None, str, str]]:
    """Every figure a state may report for a stage: (measure, substance, case type, unit)."""
    figures: list[tuple[str, Substance | None, str, str]] = []
    for substance in substances:
        measure = Measure.SEIZURE if substance.group == Substance.Group.DRUG else \
            Measure.PRECURSOR
        figures.extend((measure, substance, "", unit) for unit in seizures.units_for(measure)
                       if unit != "tablet" or substance.tablet_grams is not None)
    figures += [(measure, None, "", "count") for measure in COUNTED]
    figures += [(Measure.CASES, None, case_type, "count") for case_type in CaseType.values]
    return figures


def populate(*, rows: int, seed: int) -> User:
    load(password="bench password, never used to sign in")  # noqa: S106
    services.substances_seed(actor=SYSTEM)
    secretariat = Party.objects.get(kind=PartyKind.SECRETARIAT)
    states = list(Party.objects.filter(kind=PartyKind.STATE).order_by("code"))
    operations = [services.operation_create(actor=SYSTEM, originator=secretariat,
                                            code=f"bench-{kind}", name_ru=f"Операция {kind}",
                                            name_en=f"Operation {kind}", kind=kind)
                  for kind in Operation.Kind.values]
    figures = _figures(list(Substance.objects.order_by("code")))
    per_stage = len(figures) * len(states)
    stages = []
    for number in range(rows // per_stage + 1):
        start = date(2003, 1, 1) + timedelta(days=14 * number)
        stages.append(OperationStage(
            operation=operations[number % len(operations)], number=number // len(operations) + 1,
            name_ru=f"Этап {number}", name_en=f"Stage {number}", starts_on=start,
            ends_on=start + timedelta(days=6)))
    OperationStage.objects.bulk_create(stages)
    chance = random.Random(seed)
    batch: list[OperationResult] = []
    for stage in OperationStage.objects.filter(operation__in=operations).order_by("pk"):
        for state in states:
            for measure, substance, case_type, unit in figures:
                if len(batch) >= rows:
                    break
                quantity = Decimal(chance.randint(1, 5000))
                classification = chance.choice((Classification.PUBLIC,
                                                Classification.OFFICIAL_USE,
                                                Classification.OFFICIAL_USE,
                                                Classification.CONFIDENTIAL))
                batch.append(OperationResult(
                    stage=stage, originator=state, measure=measure, substance=substance,
                    case_type=case_type, quantity=quantity, unit=unit,
                    kg_equivalent=seizures.kg_equivalent(
                        quantity=quantity, unit=unit, tablet_grams=substance.tablet_grams)
                    if substance is not None else None,
                    classification=classification,
                    # Half the states release their detail to the secretariat.
                    release_mask=secretariat.release_flag if state.pk % 2 else 0))
    OperationResult.objects.bulk_create(batch, batch_size=5000)
    return User.objects.get(username="officer")


SCOPE = """({t}.classification = 0 OR ({t}.classification <= %(clearance)s AND (
      {t}.originator_id = %(party)s OR ({t}.release_mask & %(flag)s) <> 0)))"""
READABLE = ("FROM forces_operationresult r JOIN forces_operationstage s ON s.id = r.stage_id "
            "WHERE " + SCOPE.format(t="r") + " AND s.operation_id IN (SELECT o.id FROM "
            "forces_operation o WHERE " + SCOPE.format(t="o") + ")")


def _raw_statements(by: str) -> list[str]:
    year = ("CAST(strftime('%%Y', s.starts_on) AS INTEGER)" if connection.vendor == "sqlite"
            else "EXTRACT(YEAR FROM s.starts_on)")
    key = {"operation": "s.operation_id", "stage": "r.stage_id", "year": year,
           "state": "r.originator_id"}[by]
    sums = (f"SELECT {key}, r.measure, SUM(r.quantity), SUM(r.kg_equivalent) {READABLE} "
            f"GROUP BY {key}, r.measure")
    names = {"operation": "SELECT o.id, o.code, o.name_ru FROM forces_operation o WHERE "
                          + SCOPE.format(t="o"),
             "stage": "SELECT s.id, s.starts_on, s.name_ru, o.code, o.name_ru FROM "
                      "forces_operationstage s JOIN forces_operation o ON o.id = s.operation_id "
                      "WHERE " + SCOPE.format(t="o"),
             "state": "SELECT p.id, p.code, p.name_ru FROM core_party p"}
    return [sums, *([names[by]] if by in names else [])]


def run(*, rows: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    officer = populate(rows=rows, seed=seed)
    count = OperationResult.objects.unscoped(reason="benchmark size").count()
    print(f"Created {count:,} operation results in {time.perf_counter() - started:.1f} s.")
    party = Party.objects.get(users=officer)
    params = {"clearance": officer.clearance, "party": party.pk, "flag": party.release_flag}

    def raw(by: str) -> Any:
        statements = _raw_statements(by)

        def call() -> Any:
            with connection.cursor() as cursor:
                found = []
                for statement in statements:
                    cursor.execute(statement, params)
                    found.append(cursor.fetchall())
                return found

        return call

    failures = 0
    print(f"\nJoint operations' totals: {count:,} results on {connection.vendor}; medians of "
          f"{repeat} samples; the viewer is a secretariat officer cleared for CONFIDENTIAL")
    header = f"{'grouped by':<11} {'raw SQL':>9} {'selector':>9} {'ratio':>6} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for by, pinned in PINNED_QUERIES.items():
        def selector(by: str = by) -> Any:
            return selectors.result_totals(viewer=officer, by=by)

        raw_time, selector_time = _measure([raw(by), selector], repeat)
        with CaptureQueriesContext(connection) as queries:
            totals = selector()
        used = len(queries.captured_queries)
        ratio = selector_time / raw_time
        flag = "" if ratio <= TARGET and used <= pinned and totals.rows else " !"
        failures += bool(flag)
        print(f"{by:<11} {raw_time * 1000:>7.2f}ms {selector_time * 1000:>7.2f}ms {ratio:>6.2f} "
              f"{used:>4}/{pinned:<3}{flag}")
    print(f"\nTarget: the selector at most {TARGET} times raw SQL; queries at most as pinned.")
    return 1 if failures else 0
