"""What a crisis case costs with a long log: the case page's log (the newest entries, the count
readable and the count withheld) and the timeline (the latest entries grouped by stream) over a
case of 100,000 log entries of mixed labels, each against raw SQL that fetches the same rows,
and the page's query count pinned.

Run on its own through `python -m bench --only crisis_case [--records N]`. The target is at most
3 for each selector against raw SQL.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.accounts.models import User
from concord.core.models import Party
from concord.crisis.models import Case, LogEntry, Stream
from concord.crisis.selectors import log as log_read
from concord.crisis.services.cases import case_open
from concord.demo.organization import load

TARGET = 3.0
PAGE = 50
TIMELINE = 500
SAMPLE_SECONDS = 0.05
# Queries each page makes, whatever the length of the log (the case page lists its deployments
# in one; the timeline makes 8 on SQLite and 10 on PostgreSQL).
PINNED_QUERIES = {"case page": 18, "timeline": 10}


def _sample(call: Callable[[], Any], runs: int) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        call()
    return (time.perf_counter() - started) / runs


def _measure(calls: list[Callable[[], Any]], repeat: int) -> list[float]:
    runs = []
    for call in calls:
        call()
        runs.append(max(1, int(SAMPLE_SECONDS / max(_sample(call, 1), 1e-6))))
    samples: list[list[float]] = [[] for _ in calls]
    for round_ in range(repeat):
        order = list(range(len(calls)))
        if round_ % 2:
            order.reverse()
        for index in order:
            samples[index].append(_sample(calls[index], runs[index]))
    return [statistics.median(times) for times in samples]


def populate(*, records: int, seed: int) -> tuple[User, Case]:
    load(password="bench password, never used to sign in")  # noqa: S106
    officer = User.objects.get(username="officer")
    parties = list(Party.objects.filter(kind="state"))
    case = case_open(actor=officer, title="Учения: 100 000 записей журнала",
                     type=Case.Type.NATURAL, severity=Case.Severity.SEVERE,
                     affected_states=parties[:1], classification=0)
    rng = random.Random(seed)
    streams = [stream.value for stream in Stream]
    start = datetime(2022, 1, 5, tzinfo=UTC)
    batch = [LogEntry(
        case=case, at=start + timedelta(seconds=30 * number), actor_name="officer",
        position="Оперативный дежурный", party_code="SEC", stream=rng.choice(streams),
        action="crisis.log.add", text=f"Запись {number}", significant=number % 50 == 0,
        classification=rng.choice((0, 1, 1, 2, 3)), originator=rng.choice(parties),
        release_to_all_members=number % 2 == 0) for number in range(records)]
    LogEntry.objects.bulk_create(batch, batch_size=5000)
    return User.objects.get(username="delegate.ru"), case


SCOPE = """(e.classification = 0 OR (e.classification <= %(clearance)s AND (
      e.originator_id = %(party)s OR e.release_to_all_members
      OR (e.release_mask & %(flag)s) <> 0)))"""
RAW_PAGE = [
    "SELECT COUNT(*) FROM crisis_logentry e WHERE e.case_id = %(case)s",
    "SELECT COUNT(*) FROM crisis_logentry e WHERE e.case_id = %(case)s AND " + SCOPE,
    """SELECT e.id, e.at, e.actor_name, e.position, e.party_code, e.stream, e.action, e.text,
       e.significant, e.classification FROM crisis_logentry e
       WHERE e.case_id = %(case)s AND """ + SCOPE + " ORDER BY e.at DESC, e.id DESC LIMIT %(page)s",
]
RAW_TIMELINE = [
    RAW_PAGE[0], RAW_PAGE[1],
    """SELECT e.id, e.at, e.stream, e.action, e.text, e.significant FROM crisis_logentry e
       WHERE e.case_id = %(case)s AND """ + SCOPE
    + " ORDER BY e.at DESC, e.id DESC LIMIT %(timeline)s",
]


def _raw(statements: list[str], params: dict[str, Any]) -> Callable[[], Any]:
    def run() -> Any:
        rows = []
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, params)
                rows.append(cursor.fetchall())
        return rows

    return run


def run(*, records: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    delegate, case = populate(records=records, seed=seed)
    print(f"Created a case with {records:,} log entries in {time.perf_counter() - started:.1f} s.")
    params = {"clearance": delegate.clearance, "party": delegate.party_id, "case": case.pk,
              "flag": delegate.party.release_flag, "page": PAGE, "timeline": TIMELINE}
    client = Client(HTTP_HOST="localhost")
    client.force_login(delegate)

    def selector_page() -> Any:
        log = log_read.log_read(viewer=delegate, case=case)
        return log.entries.count(), log.withheld, list(log.entries.order_by("-at", "-pk")[:PAGE])

    def selector_timeline() -> Any:
        return log_read.timeline(viewer=delegate, case=case, limit=TIMELINE)

    measured = {
        "case page": (selector_page, _raw(RAW_PAGE, params),
                      lambda: client.get(case.get_absolute_url())),
        "timeline": (selector_timeline, _raw(RAW_TIMELINE, params),
                     lambda: client.get(case.get_absolute_url() + "timeline/")),
    }
    failures = 0
    print(f"\nCrisis case: {records:,} log entries on {connection.vendor}; medians of {repeat} "
          "samples; the viewer is a delegate cleared for CONFIDENTIAL")
    header = f"{'page':<10} {'raw SQL':>9} {'selector':>9} {'ratio':>6} {'page':>9} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for name, (selector, raw, page) in measured.items():
        raw_time, selector_time, page_time = _measure([raw, selector, page], repeat)
        with CaptureQueriesContext(connection) as queries:
            status = page().status_code
        count = len(queries.captured_queries)
        ratio = selector_time / raw_time
        flag = "" if (ratio <= TARGET and count <= PINNED_QUERIES[name]
                      and status == HTTPStatus.OK) else " !"
        failures += bool(flag)
        print(f"{name:<10} {raw_time * 1000:>7.2f}ms {selector_time * 1000:>7.2f}ms {ratio:>6.2f} "
              f"{page_time * 1000:>7.2f}ms {count:>4}/{PINNED_QUERIES[name]:<3}{flag}")
    print(f"\nTarget: each selector at most {TARGET} times raw SQL; the page's queries at most "
          "as pinned.")
    return 1 if failures else 0
