"""The served benchmarks leave nothing running: a server they started stops, with its task
worker, even when the benchmark fails half-way."""

from __future__ import annotations

import pytest

from bench import served
from bench.urls import BARE_PATH
from concord.core.tests.processes import database_url
from concord.core.tests.test_serve import _alive

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_it_stops_the_server_and_its_worker_when_the_benchmark_fails(tmp_path):
    env = served.child_env(DATABASE_URL=database_url(), CONCORD_VAR_DIR=str(tmp_path),
                           PYTHONUNBUFFERED="1")
    started: list[int] = []
    with pytest.raises(RuntimeError, match="interrupted"), served.running(
            "concord serve", served.concord_serve(threads=2), env=env) as server:
        server.wait_for(r"worker running \(pid \d+\)")
        started = [server.process.pid, *server.worker_pids]
        status, body, _ = served.Connection(server.port).send(
            served.Request("bare", "GET", BARE_PATH, {}))
        assert (status, body) == (200, b"ok")
        raise RuntimeError("benchmark interrupted")
    assert len(started) == 2
    assert not any(_alive(pid) for pid in started)
