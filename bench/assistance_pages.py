"""What the assistance pages cost: the requests list and a request's page over 1,000 requests of
50 lines, each line answered by six states' pledges, each against raw SQL that fetches the same
rows, with their query counts pinned.

Run on its own with `python -m bench.assistance_pages [--requests N] [--repeat N]` on a
throwaway database, as `python -m bench` makes. The viewer is Russia's delegate; one state in
six withholds its pledges from the others, so the label rule has something to do. The target is
at most 3 for each selector against raw SQL.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from http import HTTPStatus
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.council_lists import _measure, _raw
from concord.accounts.models import User
from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine, RequestLine
from concord.assistance.selectors import figures
from concord.assistance.selectors import requests as selectors
from concord.core import clock
from concord.core.labels import Classification
from concord.core.statistics import statistics_refresh
from concord.demo.organization import load
from concord.registry.models import MemberState

TARGET = 3.0
PAGE = 25
LINES = 50
CATEGORIES = ("small_arms", "ammunition", "optics", "radar", "communications", "vehicles",
              "engineering", "training")
# Queries each page may make, whatever the number of requests.
# The list reads its lines' coverage and the states of its filter; the request page, besides
# the session and the viewer, the request, its phases, lines, pledges and their lines, which
# consignments there are, the viewer's state, the end-use certificates and two permission sets.
PINNED_QUERIES = {"requests list": 9, "request page": 13}


def _unscoped(model: Any) -> Any:
    return model.objects.unscoped(reason="benchmark data")


def populate(*, requests: int) -> dict[str, Any]:
    load(password="bench password, never used to sign in")  # noqa: S106
    states = list(MemberState.objects.order_by("iso_alpha2"))
    tajikistan = next(state for state in states if state.iso_alpha2 == "TJ")
    start = date(2013, 9, 23)
    made = AssistanceRequest.objects.bulk_create([AssistanceRequest(
        reference=f"B-{number:05d}", requesting_state=tajikistan,
        beneficiary_ru="Пограничные войска", title_ru=f"Запрос {number}",
        title_en=f"Request {number}", kind="military_technical", status="open",
        opens_on=start, closes_on=start + timedelta(days=90 + number % 400),
        originator=tajikistan.party, classification=Classification.OFFICIAL_USE,
        release_to_all_members=True) for number in range(requests)], batch_size=1000)
    made = list(_unscoped(AssistanceRequest).order_by("pk"))
    RequestLine.objects.bulk_create([RequestLine(
        request=request, number=number, category=CATEGORIES[number % len(CATEGORIES)],
        description_ru=f"Позиция {number}", quantity=100 + number,
        needed_by=start + timedelta(days=30 * (number % 24)))
        for request in made for number in range(1, LINES + 1)], batch_size=5000)
    # Belarus withholds its pledges from the other states; the others release them to all.
    pledges = Pledge.objects.bulk_create([Pledge(
        request=request, state=state, pledged_on=start + timedelta(days=20),
        originator=state.party, classification=Classification.OFFICIAL_USE,
        release_to_all_members=state.iso_alpha2 != "BY")
        for request in made for state in states], batch_size=2000)
    pledges = list(_unscoped(Pledge).order_by("pk"))
    lines_of: dict[int, list[RequestLine]] = {}
    for line in RequestLine.objects.order_by("request_id", "number"):
        lines_of.setdefault(line.request_id, []).append(line)
    PledgeLine.objects.bulk_create([PledgeLine(
        pledge=pledge, line=line, quantity=10 + line.number % 7,
        committed=5 + line.number % 3, shipped=4, delivered=line.number % 5,
        accepted=line.number % 3 if line.number % 5 >= line.number % 3 else 0,
        stage="shipped") for pledge in pledges for line in lines_of[pledge.request_id]],
        batch_size=5000)
    # A deployment has its planner's statistics: refreshed daily on SQLite, by autovacuum on
    # PostgreSQL, which may not have come round yet to tables filled a moment ago; planned as
    # if they were empty, raw SQL and selectors alike would be measured on a plan no
    # deployment runs.
    if not statistics_refresh():
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"delegate": User.objects.get(username="delegate.ru"), "request": made[-1]}


SCOPE = """({t}.classification = 0 OR ({t}.classification <= %(clearance)s AND (
      {t}.originator_id = %(party)s OR {t}.release_to_all_members
      OR ({t}.release_mask & %(flag)s) <> 0)))"""
KEPT = """CASE WHEN pl.stage = 'cancelled' OR pl.response = 'declined' THEN pl.delivered
              ELSE pl.{field} END"""


def _line_sum(expression: str) -> str:
    return f"""COALESCE((SELECT SUM({expression}) FROM assistance_pledgeline pl
       JOIN assistance_pledge p ON p.id = pl.pledge_id
       WHERE pl.line_id = l.id AND {SCOPE.format(t="p")}), 0)"""


# The same rows the list shows: the page of requests, each with its lines counted by how far
# they are pledged and delivered (wholly, partly), and the day the earliest line not wholly
# delivered fell due.
RAW_LIST = [f"""
WITH page AS (
  SELECT r.id, r.public_id, r.reference, r.title_ru, r.status, r.kind, r.closes_on,
         r.created_at, s.name_ru
  FROM assistance_assistancerequest r
  JOIN registry_memberstate s ON s.id = r.requesting_state_id
  WHERE {SCOPE.format(t="r")}
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT %(page)s),
cover AS (
  SELECT l.request_id, l.quantity, COALESCE(l.needed_by, ph.due_on) AS due,
         {_line_sum(KEPT.format(field="quantity"))} AS pledged,
         {_line_sum("pl.delivered")} AS delivered
  FROM assistance_requestline l
  LEFT JOIN assistance_requestphase ph ON ph.id = l.phase_id
  WHERE l.request_id IN (SELECT id FROM page))
SELECT page.id, page.public_id, page.reference, page.title_ru, page.status, page.kind,
       page.closes_on, page.name_ru, COUNT(cover.quantity),
       SUM(CASE WHEN cover.pledged >= cover.quantity THEN 1 ELSE 0 END),
       SUM(CASE WHEN cover.pledged > 0 AND cover.pledged < cover.quantity THEN 1 ELSE 0 END),
       SUM(CASE WHEN cover.delivered >= cover.quantity THEN 1 ELSE 0 END),
       SUM(CASE WHEN cover.delivered > 0 AND cover.delivered < cover.quantity THEN 1 ELSE 0 END),
       MIN(CASE WHEN cover.delivered < cover.quantity AND cover.due < %(today)s
           THEN cover.due END)
FROM page LEFT JOIN cover ON cover.request_id = page.id
GROUP BY page.id, page.public_id, page.reference, page.title_ru, page.status, page.kind,
         page.closes_on, page.name_ru, page.created_at
ORDER BY page.created_at DESC, page.id DESC""", f"""
SELECT COUNT(*) FROM assistance_assistancerequest r WHERE {SCOPE.format(t="r")}"""]

# The same rows the request page shows: the request with its phases and the states it is
# addressed to, each line with its sums over the pledges the viewer may see, the pledges with
# their lines counted, the commitments, and the deliveries.
RAW_REQUEST = [f"""
SELECT r.*, s.name_ru FROM assistance_assistancerequest r
JOIN registry_memberstate s ON s.id = r.requesting_state_id
WHERE r.id = %(request)s AND {SCOPE.format(t="r")}""", """
SELECT ph.* FROM assistance_requestphase ph WHERE ph.request_id = %(request)s
ORDER BY ph.number""", """
SELECT s.* FROM registry_memberstate s
JOIN assistance_assistancerequest_addressed_states a ON a.memberstate_id = s.id
WHERE a.assistancerequest_id = %(request)s
ORDER BY s.name_ru""", f"""
SELECT l.id, l.number, l.category, l.description_ru, l.description_en, l.quantity, l.unit,
       l.phase_id, l.illustrative, l.end_use_restriction_ru, l.end_use_restriction_en,
       COALESCE(l.needed_by, ph.due_on),
       COALESCE(SUM(CASE WHEN p.id IS NOT NULL THEN {KEPT.format(field="quantity")} END), 0),
       COALESCE(SUM(CASE WHEN p.id IS NOT NULL THEN {KEPT.format(field="committed")} END), 0),
       COALESCE(SUM(CASE WHEN p.id IS NOT NULL THEN pl.shipped END), 0),
       COALESCE(SUM(CASE WHEN p.id IS NOT NULL THEN pl.delivered END), 0),
       COALESCE(SUM(CASE WHEN p.id IS NOT NULL THEN pl.accepted END), 0)
FROM assistance_requestline l
LEFT JOIN assistance_requestphase ph ON ph.id = l.phase_id
LEFT JOIN assistance_pledgeline pl ON pl.line_id = l.id
LEFT JOIN assistance_pledge p ON p.id = pl.pledge_id AND {SCOPE.format(t="p")}
WHERE l.request_id = %(request)s
GROUP BY l.id, l.number, l.category, l.description_ru, l.quantity, l.unit, l.needed_by,
         ph.due_on
ORDER BY l.number""", f"""
SELECT p.id, p.public_id, p.pledged_on, p.release_to_all_members, p.classification,
       s.name_ru, COUNT(pl.id),
       SUM(CASE WHEN pl.committed > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN pl.delivered > 0 AND pl.delivered >= pl.quantity THEN 1 ELSE 0 END),
       SUM(CASE WHEN pl.delivered > 0 AND pl.delivered < pl.quantity THEN 1 ELSE 0 END),
       SUM(CASE WHEN pl.stage = 'cancelled' OR pl.response = 'declined' THEN 1 ELSE 0 END)
FROM assistance_pledge p
JOIN registry_memberstate s ON s.id = p.state_id
LEFT JOIN assistance_pledgeline pl ON pl.pledge_id = p.id
WHERE p.request_id = %(request)s AND {SCOPE.format(t="p")}
GROUP BY p.id, p.public_id, p.pledged_on, p.release_to_all_members, p.classification, s.name_ru
ORDER BY s.name_ru, p.id""", f"""
SELECT p.state_id, l.number, pl.agreement_reference, pl.agreement_signed_on
FROM assistance_pledgeline pl
JOIN assistance_requestline l ON l.id = pl.line_id
JOIN assistance_pledge p ON p.id = pl.pledge_id
WHERE p.request_id = %(request)s AND pl.agreement_signed_on IS NOT NULL
  AND {SCOPE.format(t="p")}
ORDER BY pl.agreement_signed_on, l.number""", """
SELECT d.* FROM assistance_delivery d WHERE d.request_id = %(request)s
ORDER BY d.shipped_on, d.id"""]


def run(*, requests: int, repeat: int) -> int:
    started = time.perf_counter()
    data = populate(requests=requests)
    print(f"Created {requests:,} requests of {LINES} lines with six pledges each in "
          f"{time.perf_counter() - started:.1f} s.")
    delegate, record = data["delegate"], data["request"]
    params = {"clearance": delegate.clearance, "party": delegate.party_id, "page": PAGE,
              "flag": delegate.party.release_flag, "request": record.pk,
              "today": clock.today()}
    client = Client(HTTP_HOST="localhost")
    client.force_login(delegate)

    def selector_list() -> Any:
        found = selectors.request_list(viewer=delegate)
        return found.count(), figures.with_line_counts(viewer=delegate,
                                                       requests=list(found[:PAGE]))

    def selector_request() -> Any:
        found = selectors.request_for_page(viewer=delegate, public_id=record.public_id)
        shown = figures.request_page(viewer=delegate, request=found)
        return shown, selectors.deliveries_of_pledges(viewer=delegate, request=found,
                                                      pledges=shown.pledges)

    cases = {
        "requests list": (selector_list, _raw(RAW_LIST, params),
                          lambda: client.get(reverse("assistance:request-list"))),
        "request page": (selector_request, _raw(RAW_REQUEST, params),
                         lambda: client.get(record.get_absolute_url())),
    }
    failures = 0
    print(f"\nAssistance pages: {requests:,} requests on {connection.vendor}; medians of "
          f"{repeat} samples; the viewer is Russia's delegate")
    header = f"{'page':<14} {'raw SQL':>9} {'selector':>9} {'ratio':>6} {'page':>9} {'ratio':>6} " \
             f"{'queries':>8}"
    print(header)
    print("-" * len(header))
    for name, (selector, raw, page) in cases.items():
        raw_time, selector_time, page_time = _measure([raw, selector, page], repeat)
        with CaptureQueriesContext(connection) as queries:
            status = page().status_code
        count = len(queries.captured_queries)
        ratio = selector_time / raw_time
        flag = "" if ratio <= TARGET and count <= PINNED_QUERIES[name] \
            and status == HTTPStatus.OK else " !"
        failures += bool(flag)
        print(f"{name:<14} {raw_time * 1000:>7.2f}ms {selector_time * 1000:>7.2f}ms {ratio:>6.2f} "
              f"{page_time * 1000:>7.2f}ms {page_time / raw_time:>6.1f} "
              f"{count:>4}/{PINNED_QUERIES[name]:<3}{flag}")
    print(f"\nTarget: the selector at most {TARGET} times raw SQL; queries at most as pinned. "
          "The page column adds middleware, the session and the template.")
    return 1 if failures else 0


if __name__ == "__main__":
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m bench.assistance_pages", description=__doc__)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    from bench.__main__ import main as bench_main

    sys.exit(bench_main(["--only", "assistance_pages", "--requests", str(options.requests),
                         "--repeat", str(options.repeat)]))
