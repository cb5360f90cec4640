"""API writes while a large incident import runs: the p95 latency of recording an incident
through the API during the import, against the same writes on the idle server. Target: at most
5 times idle, for an import of 250,000 rows (`--import-rows 250000`).

The import is started as the upload page starts it (`services.import_start` by the analyst,
queued as a task) and carried out by the task worker that `concord serve` runs beside waitress,
in its own process; the writers are API clients with tokens, each sending one incident every
100 ms. The idle writes are measured before the import and again after it, and joined.
A write that answers 503 (the database stayed busy past the busy limit) is counted apart:
the p95 is given without and with those.
"""

from __future__ import annotations

import io
import random
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.db import connection, connections

from bench import served
from bench.monitoring_import import acled_file
from bench.serve_load import API_WRITE_PERSONAS, _incident, populate
from bench.served import Request, Run, json_request, ms, percentile
from concord.accounts.models import User
from concord.monitoring import services
from concord.monitoring.models import ImportStatus, IncidentImport

TARGET = 5.0
IDLE_SECONDS = 8.0
WRITE_EVERY = 0.1
LONGEST_IMPORT_SECONDS = 900


def _writes(tokens: dict[str, str], seed: int) -> Callable[[int, int], Request]:
    rngs: dict[int, random.Random] = {}

    def plan(writer: int, sent: int) -> Request:
        rng = rngs.setdefault(writer, random.Random(seed * 1000 + writer))
        persona = API_WRITE_PERSONAS[writer % len(API_WRITE_PERSONAS)]
        return json_request("api write", "POST", "/api/v1/incidents", tokens[persona],
                            _incident(rng, writer * 1_000_000 + sent))

    return plan


def _start_import(data: bytes) -> Any:
    analyst = User.objects.get(username="analyst")
    return services.import_start(actor=analyst, upload=io.BytesIO(data),
                                 file_name="bench-acled.csv", fmt="acled")


def _watch(public_id: Any, done: threading.Event, outcome: dict[str, Any]) -> None:
    """Set `done` when the worker has finished the import (or the longest wait is over)."""
    began = time.perf_counter()
    try:
        while time.perf_counter() - began < LONGEST_IMPORT_SECONDS:
            found = IncidentImport.objects.filter(public_id=public_id).values(
                "status", "created").first()
            if found and found["status"] == ImportStatus.RUNNING and "running" not in outcome:
                outcome["running"] = time.perf_counter() - began
            if found and found["status"] in (ImportStatus.DONE, ImportStatus.FAILED):
                outcome.update(found)
                break
            time.sleep(0.25)
        outcome["seconds"] = time.perf_counter() - began
    finally:
        connections.close_all()
        done.set()


def _line(label: str, samples: list[served.Sample], seconds: float) -> None:
    ok = [s.seconds for s in samples if s.status == HTTPStatus.CREATED]
    every = [s.seconds for s in samples]
    busy = sum(1 for s in samples if s.status == HTTPStatus.SERVICE_UNAVAILABLE)
    other = sum(1 for s in samples if s.status not in (HTTPStatus.CREATED, HTTPStatus.SERVICE_UNAVAILABLE))
    print(f"{label:<14} {len(samples):>6} {len(samples) / seconds:7.1f} {ms(percentile(ok, 0.5))} "
          f"{ms(percentile(ok, 0.95))} {busy:>6} {ms(percentile(every, 0.95))} {other:>6}")


def run(*, rows: int, writers: int, threads: int, seed: int) -> int:
    data = populate()
    started = time.perf_counter()
    upload = acled_file(records=rows, seed=seed)
    print(f"\nWrites during an import: {writers} API writers, one incident each per "
          f"{WRITE_EVERY * 1000:.0f} ms, while the task worker imports {rows:,} ACLED rows "
          f"({len(upload) / 1e6:.0f} MB, made in {time.perf_counter() - started:.0f} s) on "
          f"{connection.vendor}; `concord serve` with {threads} threads")
    plan = _writes(data["tokens"], seed)
    outcome: dict[str, Any] = {}
    with served.running("concord serve", served.concord_serve(threads=threads)) as server:
        def writing(seconds: float, stop: threading.Event | None = None) -> Run:
            return served.hammer(server.port, clients=writers, seconds=seconds, plan=plan,
                                 pause=WRITE_EVERY, stop=stop)

        writing(1.0)  # connections and first requests: not measured
        before = writing(IDLE_SECONDS)
        done = threading.Event()
        queued = _start_import(upload)
        connection.close()
        watcher = threading.Thread(target=_watch, args=(queued.public_id, done, outcome),
                                   daemon=True)
        watcher.start()
        during = writing(LONGEST_IMPORT_SECONDS, stop=done)
        watcher.join()
        after = writing(IDLE_SECONDS)
        # The worker logs how long the import's final transaction held the lock.
        final_step = [line.strip() for line in server.lines if "staged rows in" in line]
    idle = Run(seconds=before.seconds + after.seconds, samples=before.samples + after.samples,
               client_cpu=0.0)
    status = outcome.get("status", "unfinished")
    print(f"import: {status}, {outcome.get('created', 0):,} incidents created, "
          f"{outcome.get('seconds', float('nan')):.1f} s from queueing to the end (the worker "
          f"took it after {outcome.get('running', float('nan')):.1f} s)")
    for line in final_step:
        print(f"worker: {line}")
    header = (f"{'writes':<14} {'count':>6} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'503':>6} {'p95+503':>7} {'other':>6}")
    print(header)
    print("-" * len(header))
    _line("idle", idle.samples, idle.seconds)
    _line("during import", during.samples, during.seconds)
    refused = sorted(s.seconds for s in during.samples if s.status == HTTPStatus.SERVICE_UNAVAILABLE)
    slowest = max(during.samples, key=lambda s: s.seconds, default=None)
    if refused:
        print(f"the 503 answers came after {refused[0]:.1f} to {refused[-1]:.1f} s")
    if slowest is not None:
        print(f"the slowest write during the import: {slowest.seconds:.1f} s ({slowest.status})")
    idle_p95 = percentile([s.seconds for s in idle.samples if s.status == HTTPStatus.CREATED], 0.95)
    busy_ok = [s.seconds for s in during.samples if s.status == HTTPStatus.CREATED]
    ratio = percentile(busy_ok, 0.95) / idle_p95 if busy_ok else float("inf")
    with_busy = percentile([s.seconds for s in during.samples], 0.95) / idle_p95
    print(f"p95 during/idle: {ratio:.1f} without the 503 answers, {with_busy:.1f} with them "
          f"(target <= {TARGET:g}) {'PASS' if with_busy <= TARGET else 'OVER'}")
    if status != "done":
        print(f"The import did not finish well ({status}); the figures above are incomplete.")
    return 0
