"""The public press site under load: 50 anonymous readers at once against `concord serve` on
127.0.0.1, half of them on the public home page and half on the Russian Atom feed, beside the
same server's bare view. Target: at least 0.8 of the bare view's rate.

A reader who has the page already asks again with its ETag, as a browser or a feed reader does,
one time in two: the answer to such a reader is 304 with no body. The real pages and the bare
view take turns (A B B A), so that a burst of load on the machine falls on both."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.db import connection
from django.urls import reverse

from bench import served
from bench.served import Request, Run, ms, percentile
from bench.urls import BARE_PATH
from concord.demo.steps import load_all

TARGET = 0.8
PASSWORD = "bench password, never used elsewhere"  # noqa: S105
ANSWERED = (HTTPStatus.OK, HTTPStatus.NOT_MODIFIED)


def _pages() -> list[str]:
    return [reverse("portal:home"), reverse("press:feed", args=["ru"])]


def _etags(port: int, pages: list[str]) -> dict[str, str]:
    """The ETag each page answers with now, as a reader who fetched it once holds it."""
    client = served.Connection(port)
    tags = {}
    for page in pages:
        status, body, response = client.send(Request("page", "GET", page, {}))
        if status != HTTPStatus.OK:
            raise RuntimeError(f"{page} answered {status}: {body[:300]!r}")
        tags[page] = response.getheader("ETag") or ""
    client.close()
    return tags


def public_plan(pages: list[str], tags: dict[str, str]) -> Callable[[int, int], Request]:
    def plan(client: int, sent: int) -> Request:
        page = pages[client % len(pages)]
        headers = {"Accept-Language": "ru"}
        if sent % 2:
            return Request("revalidated", "GET", page, {**headers, "If-None-Match": tags[page]})
        return Request("page", "GET", page, headers)

    return plan


def bare_plan(client: int, sent: int) -> Request:
    return Request("bare", "GET", BARE_PATH, {})


def _phases(server: served.Server, *, clients: int, seconds: float,
            plan: Callable[[int, int], Request]) -> tuple[Run, Run]:
    port = server.port
    served.hammer(port, clients=clients, seconds=min(2.0, seconds / 4), plan=plan)
    turns: dict[str, list[Run]] = {"pages": [], "bare": []}
    for side in ("pages", "bare", "bare", "pages"):
        turns[side].append(served.hammer(port, clients=clients, seconds=seconds / 2,
                                         plan=plan if side == "pages" else bare_plan,
                                         server=server))
    joined = []
    for runs in (turns["pages"], turns["bare"]):
        total = sum(run.seconds for run in runs)
        joined.append(Run(seconds=total, samples=[s for run in runs for s in run.samples],
                          client_cpu=sum(r.client_cpu * r.seconds for r in runs) / total,
                          server_cpu=sum(r.server_cpu * r.seconds for r in runs) / total))
    return joined[0], joined[1]


def run(*, clients: int, seconds: float, threads: int) -> int:
    load_all(password=PASSWORD)
    pages = _pages()
    print(f"\nPublic press site: {clients} anonymous readers for {seconds:g} s on "
          f"{', '.join(pages)} and {seconds:g} s of a bare view, interleaved, on "
          f"{connection.vendor}; `concord serve` with {threads} threads")
    connection.close()
    with served.running("concord serve", served.concord_serve(threads=threads)) as server:
        plan = public_plan(pages, _etags(server.port, pages))
        real, bare = _phases(server, clients=clients, seconds=seconds, plan=plan)
    header = f"{'requests':<11} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}"
    print(header)
    print("-" * len(header))
    for label, measured, kind in (("bare view", bare, None), ("public", real, None),
                                  ("  full", real, "page"), ("  304", real, "revalidated")):
        samples = measured.of(kind)
        times = [s.seconds for s in samples]
        bad = sum(1 for s in samples if s.status not in ANSWERED)
        print(f"{label:<11} {len(samples):>7} {len(samples) / measured.seconds:8.1f} "
              f"{ms(percentile(times, 0.5)):>8} {ms(percentile(times, 0.95)):>8} {bad:>7}")
    ratio = real.rate / bare.rate
    print(f"public/bare throughput: {ratio:.2f} (target >= {TARGET}) "
          f"{'PASS' if ratio >= TARGET else 'UNDER'}")
    return 0
