"""What a formation's readiness page costs: 10,000 contributed units, each with its strength
and readiness history, against raw SQL that reads the same rows under the same label rule; and
the page's query count pinned.

Run on its own with `python -m bench --only forces_readiness [--units N] [--repeat N]`. Two
ratios are printed: the selectors the page calls (the readiness at a glance over every
contribution, and the first page of contributions with each unit's latest readiness and
strength the viewer may read) and the whole page (middleware, session, template) against raw
SQL. The target is at most 3 for the selectors."""

from __future__ import annotations

import random
import time
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.council_lists import _measure
from concord.accounts.models import User
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.models import Party
from concord.demo.organization import load
from concord.forces.models import (
    Contribution,
    ContributionStatus,
    Echelon,
    FormationKind,
    ReadinessReport,
    Strength,
    Unit,
    UnitType,
)
from concord.forces.selectors.readiness import formation_contributions, readiness_glance
from concord.forces.services.formations import formation_create
from concord.forces.symbols import symbol_code
from concord.registry.models import MemberState

TARGET = 3.0
PAGE = 25
# Queries the formation's page may make, whatever the number of units: the session, the user
# and its party, the formation, the glance, the count and the page of contributions, the states
# of the filter, and the two permission lookups its buttons ask for.
PINNED_QUERIES = 10
BATCH = 2000


def populate(*, units: int, seed: int) -> dict[str, Any]:
    load(password="bench password, never used to sign in")  # noqa: S106
    secretariat = Party.objects.get(code="SEC")
    formation = formation_create(actor=SYSTEM, code="bench", originator=secretariat,
                                 kind=FormationKind.RAPID_REACTION, name_ru="Формирование",
                                 name_en="Formation", releasable_to=[secretariat])
    states = list(MemberState.objects.select_related("party").order_by("pk"))
    today = clock.today()
    rng = random.Random(seed)
    code = symbol_code(UnitType.AIR_ASSAULT, Echelon.BATTALION)
    made = Unit.objects.bulk_create(
        [Unit(state=states[n % len(states)], originator=states[n % len(states)].party,
              name_ru=f"Батальон {n}", name_en=f"Battalion {n}", unit_type=UnitType.AIR_ASSAULT,
              echelon=Echelon.BATTALION, latitude=40 + n % 10, longitude=60 + n % 20,
              symbol_code=code, release_to_all_members=True) for n in range(units)],
        batch_size=BATCH)
    Contribution.objects.bulk_create(
        [Contribution(formation=formation, unit=unit, state_id=unit.state_id,
                      originator_id=unit.originator_id, period_from=today - timedelta(days=400),
                      status=ContributionStatus.EARMARKED, status_since=today,
                      release_to_all_members=True) for unit in made], batch_size=BATCH)
    strengths, reports = [], []
    for number, unit in enumerate(made):
        # One state in six keeps its figures to itself.
        withheld = number % 6 == 0
        for months in (0, 6):
            strengths.append(Strength(unit=unit, originator_id=unit.originator_id,
                                      as_of=today - timedelta(days=30 * months + 10),
                                      personnel_on_hand=rng.randint(300, 600),
                                      release_to_all_members=not withheld))
            levels = [rng.randint(1, 4) for _ in range(4)]
            reports.append(ReadinessReport(
                unit=unit, originator_id=unit.originator_id,
                reported_on=today - timedelta(days=rng.randint(0, 200) + 30 * months),
                personnel=levels[0], equipment=levels[1], training=levels[2],
                sustainment=levels[3], overall=min(levels), release_to_all_members=True))
    Strength.objects.bulk_create(strengths, batch_size=BATCH)
    ReadinessReport.objects.bulk_create(reports, batch_size=BATCH)
    return {"delegate": User.objects.get(username="delegate.ru"), "formation": formation}


def _scope(alias: str) -> str:
    return (f"({alias}.classification = 0 OR ({alias}.classification <= %(clearance)s AND ("
            f"{alias}.originator_id = %(party)s OR {alias}.release_to_all_members "
            f"OR ({alias}.release_mask & %(flag)s) <> 0)))")


def _latest(column: str, table: str, order: str, extra: str = "") -> str:
    return (f"(SELECT x.{column} FROM {table} x WHERE x.unit_id = c.unit_id {extra} AND "
            f"{_scope('x')} ORDER BY x.{order} DESC, x.id DESC LIMIT 1)")


_IN_FORCE = ("c.formation_id = %(formation)s AND c.period_from <= %(day)s AND (c.period_to IS "
             "NULL OR c.period_to >= %(day)s) AND c.status <> 'released' AND " + _scope("c"))
RAW_GLANCE = (
    "SELECT s.iso_alpha2, s.name_ru, s.name_en, "
    + _latest("overall", "forces_readinessreport", "reported_on") + ", "
    + _latest("reported_on", "forces_readinessreport", "reported_on") + ", "
    + _latest("personnel_on_hand", "forces_strength", "as_of",
              "AND x.personnel_on_hand IS NOT NULL")
    + " FROM forces_contribution c JOIN registry_memberstate s ON s.id = c.state_id WHERE "
    + _IN_FORCE)
RAW_PAGE = (
    "SELECT c.*, u.name_ru, u.public_id, s.name_ru, "
    + _latest("overall", "forces_readinessreport", "reported_on") + ", "
    + _latest("reported_on", "forces_readinessreport", "reported_on") + ", "
    + _latest("notice_to_move_days", "forces_readinessreport", "reported_on") + ", "
    + _latest("personnel_on_hand", "forces_strength", "as_of",
              "AND x.personnel_on_hand IS NOT NULL")
    + " FROM forces_contribution c JOIN registry_memberstate s ON s.id = c.state_id "
    "JOIN forces_unit u ON u.id = c.unit_id WHERE " + _IN_FORCE
    + " ORDER BY s.name_ru, u.name_ru, c.id LIMIT %(page)s")
RAW_COUNT = "SELECT COUNT(*) FROM forces_contribution c WHERE " + _IN_FORCE


def run(*, units: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    data = populate(units=units, seed=seed)
    print(f"Created {units:,} units with their contributions, strength and readiness in "
          f"{time.perf_counter() - started:.1f} s.")
    delegate, formation = data["delegate"], data["formation"]
    day = clock.today()
    params = {"clearance": delegate.clearance, "party": delegate.party_id,
              "flag": delegate.party.release_flag, "formation": formation.pk, "day": day,
              "page": PAGE}
    client = Client(HTTP_HOST="localhost")
    client.force_login(delegate)

    def selectors() -> Any:
        glance = readiness_glance(viewer=delegate, formation=formation, day=day)
        found = formation_contributions(viewer=delegate, formation=formation, day=day)
        return glance, found.count(), list(found[:PAGE])

    def raw() -> Any:
        rows = []
        with connection.cursor() as cursor:
            for statement in (RAW_GLANCE, RAW_COUNT, RAW_PAGE):
                cursor.execute(statement, params)
                rows.append(cursor.fetchall())
        return rows

    def page() -> Any:
        return client.get(formation.get_absolute_url())

    raw_time, selector_time, page_time = _measure([raw, selectors, page], repeat)
    with CaptureQueriesContext(connection) as queries:
        status = page().status_code
    count = len(queries.captured_queries)
    ratio = selector_time / raw_time
    failed = not (ratio <= TARGET and count <= PINNED_QUERIES and status == HTTPStatus.OK)
    print(f"\nForces readiness: a formation of {units:,} units on {connection.vendor}; medians "
          f"of {repeat} samples; the viewer is a delegate cleared for CONFIDENTIAL")
    print(f"{'raw SQL':>9} {'selectors':>10} {'ratio':>6} {'page':>9} {'ratio':>6} {'queries':>8}")
    print(f"{raw_time * 1000:>7.1f}ms {selector_time * 1000:>8.1f}ms {ratio:>6.2f} "
          f"{page_time * 1000:>7.1f}ms {page_time / raw_time:>6.2f} "
          f"{count:>4}/{PINNED_QUERIES:<3}{' !' if failed else ''}")
    print(f"\nTarget: the selectors at most {TARGET} times raw SQL; queries at most as pinned.")
    return 1 if failed else 0
