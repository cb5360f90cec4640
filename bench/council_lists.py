"""What the council's lists cost: the document list and a session page over 10,000 documents,
each against raw SQL that fetches the same rows, and their query counts pinned.

Run on its own with `python -m bench.council_lists [--documents N] [--repeat N]` (a throwaway
SQLite database, as `python -m bench` makes). Two ratios are printed per page: the selector
the page calls (fetching what the page shows through the ORM, label rule included; the session
page's selector runs prepared queries, see concord.core.prepared) and the whole page
(middleware, session, template) against raw SQL. The target is at most 3 for the selector.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.accounts.models import User
from concord.council import selectors
from concord.council.models import Document, Session
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import Body

TARGET = 3.0
PAGE = 25
SAMPLE_SECONDS = 0.05
# Queries each page may make, whatever the number of documents (see the council's page tests).
PINNED_QUERIES = {"document list": 7, "session page": 11}


def _sample(call: Callable[[], Any], runs: int) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        call()
    return (time.perf_counter() - started) / runs


def _measure(calls: list[Callable[[], Any]], repeat: int) -> list[float]:
    """Each call's median time, their samples interleaved (the order turning each round) so
    that a burst of load on the machine falls on every side alike."""
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


def populate(*, documents: int) -> dict[str, Any]:
    load(password="bench password, never used to sign in")  # noqa: S106
    load_council()
    sochi = Session.objects.visible_to(None).get(  # public, as the press release made it
        title_en="Session of the CSTO Collective Security Council")
    csc = Body.objects.get(code="CSC")
    secretariat = sochi.originator
    # Spread over 40 years and the document types; 40 of them considered at the Sochi session,
    # about what a heavy session adopts.
    types = [t.value for t in Document.Type]
    batch = []
    for number in range(documents):
        doc_type = types[number % len(types)]
        year = 1990 + number % 40
        batch.append(Document(
            body=csc, doc_type=doc_type, year=year, serial=1000 + number,
            symbol=f"CSC/B/{year}/{number}", title_ru=f"Документ {number}",
            title_en=f"Document {number}", status=Document.Status.ADOPTED,
            adopted_on=date(year, 1, 1), classification=number % 4, originator=secretariat,
            release_to_all_members=number % 3 != 0,
            session=sochi if number % (documents // 40 or 1) == 0 else None))
    Document.objects.bulk_create(batch, batch_size=2000)
    return {"delegate": User.objects.get(username="delegate.ru"), "session": sochi}


RAW_LIST = """
SELECT d.id, d.public_id, d.symbol, d.title_ru, d.doc_type, d.status, d.adopted_on,
       d.classification
FROM council_document d
WHERE d.classification = 0 OR (d.classification <= %(clearance)s AND (
      d.originator_id = %(party)s OR d.release_to_all_members
      OR (d.release_mask & %(flag)s) <> 0))
ORDER BY d.year DESC, d.doc_type, d.serial DESC
LIMIT %(page)s
"""
RAW_COUNT = """
SELECT COUNT(*) FROM council_document d
WHERE d.classification = 0 OR (d.classification <= %(clearance)s AND (
      d.originator_id = %(party)s OR d.release_to_all_members
      OR (d.release_mask & %(flag)s) <> 0))
"""
SCOPE = """(d.classification = 0 OR (d.classification <= %(clearance)s AND (
      d.originator_id = %(party)s OR d.release_to_all_members
      OR (d.release_mask & %(flag)s) <> 0)))"""
# The same rows the session page shows: the session, its participants, its agenda with the
# documents each item considers, and the session's documents with their signature counts.
RAW_SESSION = [
    """SELECT s.*, b.code, b.name_ru, c.name_ru FROM council_session s
       JOIN registry_body b ON b.id = s.body_id LEFT JOIN registry_memberstate c
       ON c.id = s.chair_id WHERE s.id = %(session)s""",
    """SELECT p.*, m.name_ru, o.name_ru, o.rank_ru, x.title_ru FROM council_participant p
       LEFT JOIN registry_memberstate m ON m.id = p.state_id
       LEFT JOIN registry_official o ON o.id = p.official_id
       LEFT JOIN registry_position x ON x.id = p.position_id
       WHERE p.session_id = %(session)s ORDER BY p."order", p.id""",
    """SELECT a.*, o.name_ru, x.title_ru FROM council_agendaitem a
       LEFT JOIN registry_official o ON o.id = a.rapporteur_id
       LEFT JOIN registry_position x ON x.id = a.rapporteur_position_id
       WHERE a.session_id = %(session)s ORDER BY a."order", a.id""",
    """SELECT l.agendaitem_id, d.id, d.public_id, d.symbol FROM council_agendaitem_documents l
       JOIN council_document d ON d.id = l.document_id
       JOIN council_agendaitem a ON a.id = l.agendaitem_id
       WHERE a.session_id = %(session)s AND """ + SCOPE,
    """SELECT d.id, d.public_id, d.symbol, d.title_ru, d.doc_type, d.status,
       (SELECT COUNT(*) FROM council_signature g WHERE g.document_id = d.id)
       FROM council_document d WHERE d.session_id = %(session)s AND """ + SCOPE + """
       ORDER BY d.doc_type, d.serial""",
]


def _raw(sql: str | list[str], params: dict[str, Any]) -> Callable[[], Any]:
    statements = [sql] if isinstance(sql, str) else sql

    def run() -> Any:
        rows = []
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, params)
                rows.append(cursor.fetchall())
        return rows

    return run


def run(*, documents: int, repeat: int) -> int:
    started = time.perf_counter()
    data = populate(documents=documents)
    print(f"Created {documents:,} documents in {time.perf_counter() - started:.1f} s.")
    delegate, session = data["delegate"], data["session"]
    params = {"clearance": delegate.clearance, "party": delegate.party_id, "page": PAGE,
              "session": session.pk, "flag": delegate.party.release_flag}
    client = Client(HTTP_HOST="localhost")
    client.force_login(delegate)

    def selector_list() -> Any:
        found = selectors.document_list(viewer=delegate)
        return found.count(), list(found[:PAGE])

    def raw_list() -> Any:
        return _raw(RAW_COUNT, params)(), _raw(RAW_LIST, params)()

    def selector_session() -> Any:
        return selectors.session_page(viewer=delegate, public_id=session.public_id)

    cases = {
        "document list": (selector_list, raw_list,
                          lambda: client.get(reverse("council:document-list"))),
        "session page": (selector_session, _raw(RAW_SESSION, params),
                         lambda: client.get(session.get_absolute_url())),
    }
    failures = 0
    print(f"\nCouncil lists: {documents:,} documents on {connection.vendor}; medians of "
          f"{repeat} samples; the viewer is a delegate cleared for CONFIDENTIAL")
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
        flag = "" if ratio <= TARGET and count <= PINNED_QUERIES[name] and status == HTTPStatus.OK else " !"
        failures += bool(flag)
        print(f"{name:<14} {raw_time * 1000:>7.2f}ms {selector_time * 1000:>7.2f}ms {ratio:>6.2f} "
              f"{page_time * 1000:>7.2f}ms {page_time / raw_time:>6.1f} "
              f"{count:>4}/{PINNED_QUERIES[name]:<3}{flag}")
    print(f"\nTarget: the selector at most {TARGET} times raw SQL; queries at most as pinned. "
          "The page column adds middleware, the session and the template.")
    return 1 if failures else 0
