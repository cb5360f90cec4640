"""`concord serve` answers HTTP, keeps the task worker running beside it, and stops both."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from concord.core.tests.processes import ROOT, child_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _read_until(process: subprocess.Popen[str], pattern: str, seconds: float = 30) -> re.Match[str]:
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if not ready:
            continue
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if found := re.search(pattern, line):
            return found
    raise AssertionError(f"no {pattern!r} in the output: {''.join(seen)}")


@pytest.fixture
def server(tmp_path):
    # The production settings, whose task backend is the database one the worker serves.
    env = child_env(DJANGO_SETTINGS_MODULE="config.settings", CONCORD_VAR_DIR=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "serve", "--port", "0", "--threads", "2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        frozen = int(_read_until(process, r"heap frozen \((\d+) objects\)").group(1))
        # Every module and view is loaded before the freeze: Django alone is tens of thousands.
        assert frozen > 50_000
        url = _read_until(process, r"serving on (http://\S+)").group(1)
        worker = int(_read_until(process, r"worker running \(pid (\d+)\)").group(1))
        yield process, url, worker
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        if "worker" in locals() and _alive(worker):
            os.kill(worker, signal.SIGKILL)
        if process.stdout is not None:
            process.stdout.close()


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def test_it_serves_and_stops_with_its_worker(server):
    process, url, worker = server
    # A page that needs no collected static files: the language switch answers with a redirect.
    address = urlsplit(url)
    client = HTTPConnection(address.hostname or "", address.port, timeout=10)
    client.request("GET", "/i18n/setlang/?next=/registry/")
    answer = client.getresponse()
    client.close()
    assert (answer.status, answer.getheader("Location")) == (302, "/registry/")
    assert _alive(worker)

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
    assert not _alive(worker)


def _get(url: str, path: str) -> int:
    address = urlsplit(url)
    client = HTTPConnection(address.hostname or "", address.port, timeout=10)
    client.request("GET", path)
    status = client.getresponse().status
    client.close()
    return status


def test_it_starts_a_worker_that_dies_again_and_keeps_serving(server):
    process, url, worker = server
    os.kill(worker, signal.SIGKILL)
    _read_until(process, r"Task worker stopped \(exit -9\); starting it again")
    second = int(_read_until(process, r"worker running \(pid (\d+)\)").group(1))
    assert second != worker
    assert _alive(second)
    assert process.poll() is None
    assert _get(url, "/i18n/setlang/?next=/registry/") == 302

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
    assert not _alive(second)


def test_it_takes_its_worker_with_it_when_killed(server):
    process, _, worker = server
    process.kill()
    process.wait(timeout=10)

    deadline = time.monotonic() + 20
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker)
