"""Concord under load: 50 simulated users at once against `concord serve` (waitress) on
127.0.0.1, on the demo organization, for a bounded time. Target: at least 0.6 of the rate the
same server reaches with a bare Django view in the same run.

The users are the demo's personas: delegates and the press officer read pages with a session
(signed in through the login form, one-time code included), the officer, a delegate and the
analyst read the API with tokens, and two analysts record incidents through the API. The real
mix and the bare view take turns (A B B A), so that a burst of load on the machine falls on both.

When gunicorn is importable the same two phases are also measured behind it (gthread workers),
for the choice of a production server; otherwise that line says it was skipped.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from http import HTTPStatus
from typing import Any

import pyotp
from django.db import connection
from django.urls import reverse

from bench import served
from bench.served import Request, Run, json_request, ms, percentile
from bench.urls import BARE_PATH
from concord.accounts import services as accounts
from concord.accounts.models import TotpDevice, User
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.council.models import Session
from concord.demo.steps import load_all
from concord.monitoring.taxonomy import SUB_CATEGORIES

TARGET = 0.6
PASSWORD = "bench password, never used elsewhere"  # noqa: S105
# The share of simulated users of each kind, out of every ten.
PAGE_READERS, API_READERS, API_WRITERS = 4, 4, 2
PAGE_PERSONAS = ("delegate.ru", "delegate.tj", "press")
API_READ_PERSONAS = ("officer", "delegate.am", "analyst")
API_WRITE_PERSONAS = ("analyst", "analyst.bench")
MEMBER_STATES = ("AM", "BY", "KZ", "KG", "RU", "TJ")


def populate() -> dict[str, Any]:
    """The demo organization, a second analyst, a one-time-code device for whoever needs one,
    and a token for each API persona."""
    load_all(password=PASSWORD)
    if not User.objects.filter(username="analyst.bench").exists():
        party = User.objects.get(username="analyst").party
        assert party is not None
        accounts.user_create(actor=SYSTEM, username="analyst.bench", password=PASSWORD,
                             party=party, clearance=Classification.OFFICIAL_USE,
                             roles=["crisis_analyst"])
    secrets: dict[str, str] = {}
    for username in PAGE_PERSONAS:
        user = User.objects.get(username=username)
        if not user.check_password(PASSWORD):
            # The organization was loaded by another benchmark, with a password of its own.
            accounts.user_set_password(actor=SYSTEM, user=user, password=PASSWORD)
        if user.needs_second_factor:
            # A device of an earlier benchmark in this database: its secret is not known here.
            TotpDevice.objects.filter(user=user).delete()
            user = User.objects.get(pk=user.pk)
            secret = accounts.totp_new_secret()
            accounts.totp_enrol(user=user, secret=secret, code=pyotp.TOTP(secret).now(),
                                client_address="127.0.0.1")
            secrets[username] = secret
    tokens = {username: accounts.token_create(
        actor=SYSTEM, user=User.objects.get(username=username), name="load benchmark").plaintext
        for username in {*API_READ_PERSONAS, *API_WRITE_PERSONAS}}
    return {"totp": secrets, "tokens": tokens}


def _sign_in_all(port: int, totp: dict[str, str]) -> dict[str, dict[str, str]]:
    sessions = {}
    for username in PAGE_PERSONAS:
        secret = totp.get(username)
        # The code was used once at enrolment; the next time step's code is accepted too.
        code = (lambda s=secret: pyotp.TOTP(s).at(int(time.time()) + 30)) if secret else None
        sessions[username] = served.sign_in(port, username=username, password=PASSWORD,
                                            code=code)
    return sessions


def _visible_incidents(port: int, headers: dict[str, str]) -> list[str]:
    """Some incidents the persona may read, found as it would find them: through the API."""
    connection_ = served.Connection(port)
    status, body, _ = connection_.send(
        Request("x", "GET", "/api/v1/incidents?limit=5", {**headers, "Accept": "application/json"}))
    connection_.close()
    if status != HTTPStatus.OK:
        raise RuntimeError(f"the incident list answered {status}: {body[:300]!r}")
    return [item["id"] for item in json.loads(body)["items"]]


def _paths(port: int, sessions: dict[str, dict[str, str]],
           tokens: dict[str, str]) -> dict[str, list[str]]:
    """What each persona reads: its pages, or its API calls, over records it can see."""
    sochi = Session.objects.visible_to(None).order_by("id").first()
    paths: dict[str, list[str]] = {}
    for persona, jar in sessions.items():
        incidents = _visible_incidents(port, served.session_headers(jar))
        paths[persona] = [
            reverse("portal:dashboard"), reverse("monitoring:incident-list"),
            reverse("council:document-list"), reverse("council:session-list"),
            *(reverse("monitoring:incident-detail", args=[i]) for i in incidents)]
        if sochi is not None:
            paths[persona].append(sochi.get_absolute_url())
    today = clock.today()
    window = f"from={(today - timedelta(days=90)).isoformat()}&to={today.isoformat()}"
    for persona in API_READ_PERSONAS:
        incidents = _visible_incidents(port, {"Authorization": f"Bearer {tokens[persona]}"})
        paths[persona] = [
            "/api/v1/incidents?limit=50", "/api/v1/documents?limit=25", "/api/v1/sessions",
            f"/api/v1/situation/summary?{window}&zoom=4",
            *(f"/api/v1/incidents/{i}" for i in incidents)]
    return paths


def _incident(rng: random.Random, number: int) -> dict[str, Any]:
    return {"date": (clock.today() - timedelta(days=rng.randrange(60))).isoformat(),
            "country": rng.choice(MEMBER_STATES),
            "sub_category": rng.choice(SUB_CATEGORIES).code,
            "location": f"Load test place {number}", "fatalities": rng.randrange(3),
            "narrative": "Recorded by the load benchmark.", "classification": "official_use"}


def mix_plan(sessions: dict[str, dict[str, str]], tokens: dict[str, str],
             paths: dict[str, list[str]], seed: int) -> Callable[[int, int], Request]:
    rngs: dict[int, random.Random] = {}

    def plan(client: int, sent: int) -> Request:
        rng = rngs.setdefault(client, random.Random(seed * 1000 + client))
        share = client % 10
        if share < PAGE_READERS:
            persona = PAGE_PERSONAS[client % len(PAGE_PERSONAS)]
            return Request("page", "GET", rng.choice(paths[persona]),
                           served.session_headers(sessions[persona]))
        if share < PAGE_READERS + API_READERS:
            persona = API_READ_PERSONAS[client % len(API_READ_PERSONAS)]
            return json_request("api read", "GET", rng.choice(paths[persona]), tokens[persona])
        persona = API_WRITE_PERSONAS[client % len(API_WRITE_PERSONAS)]
        return json_request("api write", "POST", "/api/v1/incidents", tokens[persona],
                            _incident(rng, client * 100_000 + sent))

    return plan


def bare_plan(client: int, sent: int) -> Request:
    return Request("bare", "GET", BARE_PATH, {})


def _phases(server: served.Server, *, clients: int, seconds: float,
            plan: Callable[[int, int], Request]) -> tuple[Run, Run]:
    """The mix and the bare view, A B B A, each for half the time per turn; the runs of each
    side are joined."""
    port = server.port
    warm = served.hammer(port, clients=clients, seconds=min(2.0, seconds / 4), plan=plan)
    del warm  # connections, caches and the first compiled templates: not measured
    turns: dict[str, list[Run]] = {"mix": [], "bare": []}
    for side in ("mix", "bare", "bare", "mix"):
        turns[side].append(served.hammer(port, clients=clients, seconds=seconds / 2,
                                         plan=plan if side == "mix" else bare_plan,
                                         server=server))
    joined = []
    for runs in (turns["mix"], turns["bare"]):
        total = sum(run.seconds for run in runs)
        joined.append(Run(seconds=total, samples=[s for run in runs for s in run.samples],
                          client_cpu=sum(r.client_cpu * r.seconds for r in runs) / total,
                          server_cpu=sum(r.server_cpu * r.seconds for r in runs) / total))
    return joined[0], joined[1]


def _report(server: str, mix: Run, bare: Run) -> float:
    ratio = mix.rate / bare.rate
    print(f"\n{server}")
    header = (f"{'requests':<11} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'errors':>7}")
    print(header)
    print("-" * len(header))
    for label, run, kind in (("bare view", bare, "bare"), ("mix", mix, None),
                             ("  pages", mix, "page"), ("  api read", mix, "api read"),
                             ("  api write", mix, "api write")):
        samples = run.of(kind)
        times = [s.seconds for s in samples]
        bad = sum(1 for s in samples if s.status not in (HTTPStatus.OK, HTTPStatus.CREATED))
        print(f"{label:<11} {len(samples):>7} {len(samples) / run.seconds:8.1f} "
              f"{ms(percentile(times, 0.5)):>8} {ms(percentile(times, 0.95)):>8} {bad:>7}")
    statuses = ", ".join(f"{code}: {count}" for code, count in sorted(mix.statuses().items()))
    print(f"mix answers by status: {statuses}")
    # CPU time per answer depends far less than the rates on how busy the machine was: it says
    # what a request costs the server, where the rates say what the machine gave it at the time.
    print(f"server CPU per answer: {mix.server_cpu / mix.rate * 1000:.2f} ms in the mix, "
          f"{bare.server_cpu / bare.rate * 1000:.2f} ms for the bare view; cores used: the "
          f"server {mix.server_cpu:.2f} and {bare.server_cpu:.2f}, the client "
          f"{mix.client_cpu:.2f} and {bare.client_cpu:.2f}")
    print(f"mix/bare throughput: {ratio:.2f} (target >= {TARGET}) "
          f"{'PASS' if ratio >= TARGET else 'UNDER'}")
    return ratio


def run(*, clients: int, seconds: float, threads: int, seed: int) -> int:
    data = populate()
    print(f"\nServe load: {clients} users for {seconds:g} s of the mix and {seconds:g} s of "
          f"a bare view, interleaved, on {connection.vendor}; `concord serve` with "
          f"{threads} threads")
    connection.close()  # the server's processes have the database to themselves between steps
    with served.running("concord serve", served.concord_serve(threads=threads)) as server:
        sessions = _sign_in_all(server.port, data["totp"])
        paths = _paths(server.port, sessions, data["tokens"])
        plan = mix_plan(sessions, data["tokens"], paths, seed)
        mix, bare = _phases(server, clients=clients, seconds=seconds, plan=plan)
    ratio = _report(f"waitress via concord serve, {threads} threads", mix, bare)
    if importlib.util.find_spec("gunicorn") is None:
        print("\ngunicorn is not installed: the comparison with it is skipped.")
    else:
        workers = 2
        port = served.free_port()
        command = [sys.executable, "-m", "gunicorn", "--bind", f"{served.HOST}:{port}",
                   "--worker-class", "gthread", "--workers", str(workers), "--threads",
                   str(max(1, threads // workers)), "--log-level", "warning",
                   "config.wsgi:application"]
        with served.running("gunicorn", command, port=port) as gunicorn:
            plan = mix_plan(sessions, data["tokens"], paths, seed + 1)
            g_mix, g_bare = _phases(gunicorn, clients=clients, seconds=seconds, plan=plan)
        _report(f"gunicorn gthread, {workers} workers x {max(1, threads // workers)} threads",
                g_mix, g_bare)
    del ratio
    return 0
