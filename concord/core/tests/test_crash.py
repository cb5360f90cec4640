"""A writer killed with SIGKILL at random moments loses nothing it acknowledged, and leaves
neither a half-written change nor a broken audit chain."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from concord.core.audit import audit_verify
from concord.core.labels import PartyKind
from concord.core.models import AuditEntry, Party
from concord.core.tests.processes import ROOT, child_env
from tests.labelprobe.models import Dossier

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROUNDS = 6


def _run_and_kill(rng: random.Random) -> tuple[list[int], str]:
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", "RU"], cwd=ROOT, env=child_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert writer.stdout is not None and writer.stderr is not None
    lines: list[str] = []
    first = threading.Event()

    def collect() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            lines.append(line)
            first.set()

    reader = threading.Thread(target=collect, daemon=True)
    reader.start()
    try:
        assert first.wait(timeout=60), "the writer never committed"
        time.sleep(rng.uniform(0.0, 0.4))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        reader.join(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    errors = writer.stderr.read()
    writer.stdout.close()
    writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL, errors
    # A line cut short by the kill was never acknowledged.
    return [int(line) for line in lines if line.endswith("\n")], errors


def test_it_keeps_every_acknowledged_write_across_kills():
    Party.objects.create(code="RU", kind=PartyKind.STATE, name_ru="Россия", name_en="Russia")
    rng = random.Random()
    acknowledged: list[int] = []
    for _ in range(ROUNDS):
        ids, errors = _run_and_kill(rng)
        assert ids, errors
        acknowledged.extend(ids)

    stored = set(Dossier.objects.unscoped(reason="crash test").values_list("pk", flat=True))
    assert set(acknowledged) <= stored
    # Each dossier and its audit entry were committed together or not at all.
    entries = AuditEntry.objects.filter(action="labelprobe.dossier.create")
    assert set(entries.values_list("target_id", flat=True)) == {str(pk) for pk in stored}
    report = audit_verify()
    assert report.ok, report.problem
    assert report.entries == len(stored)
