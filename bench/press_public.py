"""The public press site under load: 50 anonymous readers at once against `concord serve` on
127.0.0.1, half of them on the public home page and half on the Russian Atom feed, beside the
same server's bare view. Target: at least 0.8 of the bare view's rate.

A reader who has the page already asks again with its ETag, as a browser or a feed reader does,
one time in two: the answer to such a reader is 304 with no body. Every reader says it accepts
gzip, as browsers and feed readers do, and sends no cookie, so each full page costs Concord a
new CSRF secret and cookie: the first visit, the dearest case. The real pages and the bare views
take turns (A B C C B A), so that a burst of load on the machine falls on all of them.

Two floors are measured, and the ratio to each is printed:
- the bare view: a two-byte answer through the same server and the whole middleware stack (the
  target's floor; the pages skip most of that stack, see `core.public_cache`);
- the sized bare view: the same view answering as many bytes as the two pages' full bodies on
  average, uncompressed. Against it the ratio says what Concord costs over handing out those
  bytes; Concord sends them compressed, which is part of what it does to be fast."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.db import connection
from django.urls import reverse

from bench import served
from bench.served import Request, Run, ms, percentile
from bench.urls import BARE_PATH, BARE_SIZED_PATH
from concord.demo.steps import load_all

TARGET = 0.8
PASSWORD = "bench password, never used elsewhere"  # noqa: S105
ANSWERED = (HTTPStatus.OK, HTTPStatus.NOT_MODIFIED)


def _pages() -> list[str]:
    return [reverse("portal:home"), reverse("press:feed", args=["ru"])]


HEADERS = {"Accept-Language": "ru", "Accept-Encoding": "gzip"}


def _etags(port: int, pages: list[str]) -> tuple[dict[str, str], int]:
    """The ETag each page answers with now, as a reader who fetched it once holds it, and the
    pages' average size uncompressed."""
    client = served.Connection(port)
    tags, sizes = {}, []
    for page in pages:
        # Twice: the first answer renders and keeps the page, the second is the kept one.
        for _ in range(2):
            status, body, response = client.send(Request("page", "GET", page,
                                                         {"Accept-Language": "ru"}))
            if status != HTTPStatus.OK or response is None:
                raise RuntimeError(f"{page} answered {status}: {body[:300]!r}")
            tags[page] = response.getheader("ETag") or ""
        sizes.append(len(body))
    client.close()
    return tags, sum(sizes) // len(sizes)


def public_plan(pages: list[str], tags: dict[str, str]) -> Callable[[int, int], Request]:
    def plan(client: int, sent: int) -> Request:
        page = pages[client % len(pages)]
        if sent % 2:
            return Request("revalidated", "GET", page, {**HEADERS, "If-None-Match": tags[page]})
        return Request("page", "GET", page, HEADERS)

    return plan


def bare_plan(client: int, sent: int) -> Request:
    return Request("bare", "GET", BARE_PATH, HEADERS)


def sized_plan(size: int) -> Callable[[int, int], Request]:
    path = BARE_SIZED_PATH.format(size=size)

    def plan(client: int, sent: int) -> Request:
        return Request("bare", "GET", path, HEADERS)

    return plan


def _phases(server: served.Server, *, clients: int, seconds: float,
            plans: dict[str, Callable[[int, int], Request]]) -> list[Run]:
    port = server.port
    served.hammer(port, clients=clients, seconds=min(2.0, seconds / 4), plan=plans["pages"])
    turns: dict[str, list[Run]] = {side: [] for side in plans}
    order = [*plans, *reversed(plans)]
    for side in order:
        turns[side].append(served.hammer(port, clients=clients, seconds=seconds / 2,
                                         plan=plans[side], server=server))
    joined = []
    for runs in turns.values():
        total = sum(run.seconds for run in runs)
        joined.append(Run(seconds=total, samples=[s for run in runs for s in run.samples],
                          client_cpu=sum(r.client_cpu * r.seconds for r in runs) / total,
                          server_cpu=sum(r.server_cpu * r.seconds for r in runs) / total))
    return joined


def run(*, clients: int, seconds: float, threads: int) -> int:
    load_all(password=PASSWORD)
    pages = _pages()
    print(f"\nPublic press site: {clients} anonymous readers for {seconds:g} s on "
          f"{', '.join(pages)} and {seconds:g} s of a bare view, interleaved, on "
          f"{connection.vendor}; `concord serve` with {threads} threads")
    connection.close()
    with served.running("concord serve", served.concord_serve(threads=threads)) as server:
        tags, size = _etags(server.port, pages)
        real, bare, sized = _phases(server, clients=clients, seconds=seconds, plans={
            "pages": public_plan(pages, tags), "bare": bare_plan, "sized": sized_plan(size)})
    header = f"{'requests':<11} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}"
    print(header)
    print("-" * len(header))
    for label, measured, kind in (("bare view", bare, None), (f"bare {size} B", sized, None),
                                  ("public", real, None), ("  full", real, "page"),
                                  ("  304", real, "revalidated")):
        samples = measured.of(kind)
        times = [s.seconds for s in samples]
        bad = sum(1 for s in samples if s.status not in ANSWERED)
        print(f"{label:<11} {len(samples):>7} {len(samples) / measured.seconds:8.1f} "
              f"{ms(percentile(times, 0.5)):>8} {ms(percentile(times, 0.95)):>8} {bad:>7}")
    ratio = real.rate / bare.rate
    print(f"public/bare throughput: {ratio:.2f} (target >= {TARGET}) "
          f"{'PASS' if ratio >= TARGET else 'UNDER'}")
    print(f"public/bare of {size} bytes throughput: {real.rate / sized.rate:.2f}")
    return 0
