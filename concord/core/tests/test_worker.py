"""The task worker outlasts a database locked past its busy limit: at the claim, and when it
records a task's outcome. It backs off, tries again, and runs every task to its end."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from concord.core.tests.lock_task import hold_the_lock
from concord.core.tests.processes import ROOT, child_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True),
              pytest.mark.skipif("connection.vendor != 'sqlite'",
                                 reason="SQLite's one writer lock")]

# Production settings, whose task backend is the database one; a short busy limit, so that the
# lock below outlasts it several times over.
SETTINGS = {"DJANGO_SETTINGS_MODULE": "config.settings", "CONCORD_DB_BUSY_SECONDS": "1"}
LOCK_SECONDS = 5


def _python(code: str, tmp_path) -> None:
    subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT,
                   env=child_env(CONCORD_VAR_DIR=str(tmp_path), **SETTINGS), check=True,
                   timeout=60)


def _worker(tmp_path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "concord.cli", "worker", "--batch", "--interval", "0",
         "--no-startup-delay"], cwd=ROOT, env=child_env(CONCORD_VAR_DIR=str(tmp_path), **SETTINGS),
        capture_output=True, text=True, timeout=120, check=False)


def test_it_waits_out_a_lock_at_the_claim_and_runs_the_queued_task(tmp_path):
    _python("from concord.core.tasks import checkpoint_audit_chain as t; t.enqueue()", tmp_path)
    # The lock is let go once the worker has said it met it, however slowly the worker starts
    # on a busy machine (a lock of fixed length could end before the worker's first claim).
    met = threading.Event()
    holder = hold_the_lock(connection.settings_dict["NAME"], 120, until=met)
    worker = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "worker", "--batch", "--interval", "0",
         "--no-startup-delay"], cwd=ROOT, env=child_env(CONCORD_VAR_DIR=str(tmp_path), **SETTINGS),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said = []
    assert worker.stdout is not None
    for line in worker.stdout:
        said.append(line)
        if "tries again" in line:
            met.set()
    met.set()
    returncode = worker.wait(timeout=120)
    holder.join()

    assert returncode == 0, "".join(said)
    assert any("tries again" in line for line in said), "".join(said)
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]


def test_it_records_the_outcome_of_a_task_once_the_lock_is_released(tmp_path):
    path = connection.settings_dict["NAME"]
    _python("from concord.core.tests.lock_task import return_then_hold_the_lock as t; "
            f"t.enqueue({path!r}, {LOCK_SECONDS})", tmp_path)

    done = _worker(tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "trying again" in done.stdout + done.stderr
    result = DBTaskResult.objects.get()
    assert (result.status, result.return_value) == ("SUCCESSFUL", "returned")
