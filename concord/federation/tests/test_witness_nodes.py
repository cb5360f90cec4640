"""Two real nodes, each with its own database, keys and name, witnessing over HTTP on loopback:
the Tajik node cosigns the Russian node's checkpoints, and catches the Russian node when, put
back to an older backup, it grows another history to a size already witnessed."""

from __future__ import annotations

import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from concord.core.tests.processes import ROOT, child_env

pytestmark = pytest.mark.slow

REGISTER = """
from concord.core import clock
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.federation.models import Node, NodeKey
party, _ = Party.objects.get_or_create(code={code!r}, defaults=dict(
    kind=PartyKind.STATE, name_ru={code!r}, name_en={code!r}))
node = Node.objects.create(name={name!r}, party=party, endpoint={endpoint!r})
NodeKey.objects.create(node=node, public_key={key!r}, key_id=NodeKey.id_of({key!r}),
                       valid_from=clock.now())
"""

GROW = """
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
for n in range(3):
    audit_record(actor=SYSTEM, action="dossier.create", detail={{"n": n, "branch": {branch!r}}})
"""


class LocalNode:
    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.home = root / name
        self.home.mkdir()
        self.database = self.home / "concord.sqlite3"
        self.env = child_env(
            DJANGO_SETTINGS_MODULE="config.settings", CONCORD_VAR_DIR=str(self.home),
            DATABASE_URL=f"sqlite:///{self.database}", CONCORD_NODE_NAME=name,
            CONCORD_AUDIT_KEY_FILE=str(self.home / "node-ed25519.pem"),
            CONCORD_AUDIT_CHAIN_KEY_FILE=str(self.home / "audit-chain.key"),
            CONCORD_AUDIT_CHECKPOINT_DIR=str(self.home / "checkpoints"))

    def command(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "concord.cli", *args], cwd=ROOT,
                                env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)

    def run(self, *args: str) -> tuple[int, str]:
        process = self.command(*args)
        out, _ = process.communicate(timeout=180)
        return process.returncode, out

    def python(self, code: str) -> str:
        status, out = self.run("shell", "-v", "0", "-c", code)
        assert status == 0, out
        return out.strip()


def _read_until(process: subprocess.Popen[str], pattern: str, seconds: float = 60) -> str:
    assert process.stdout is not None
    deadline, seen = time.monotonic() + seconds, []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if not ready:
            continue
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if found := re.search(pattern, line):
            return found.group(1)
    raise AssertionError(f"no {pattern!r} in the output: {''.join(seen)}")


@pytest.fixture
def nodes(tmp_path):
    ru, tj = LocalNode(tmp_path, "ru"), LocalNode(tmp_path, "tj")
    migrations = [node.command("migrate", "--no-input", "-v", "0") for node in (ru, tj)]
    for process in migrations:
        out, _ = process.communicate(timeout=300)
        assert process.returncode == 0, out
    keys = {node.name: node.python("from concord.federation.local import public_key_b64; "
                                   "print(public_key_b64())") for node in (ru, tj)}
    # Port 0: the server picks a free port on loopback and says which.
    server = tj.command("serve", "--port", "0", "--threads", "2")
    try:
        url = _read_until(server, r"serving on (http://\S+)")
        assert url.startswith("http://127.0.0.1:")
        ru.python(REGISTER.format(code="TJ", name="tj", endpoint=url, key=keys["tj"]))
        tj.python(REGISTER.format(code="RU", name="ru", endpoint="", key=keys["ru"]))
        yield ru, tj
    finally:
        server.kill()
        server.communicate(timeout=30)


def _backup(node: LocalNode, to: Path) -> None:
    to.mkdir()
    for path in node.home.glob("concord.sqlite3*"):
        shutil.copy2(path, to / path.name)


def _restore(node: LocalNode, backup: Path) -> None:
    for path in node.home.glob("concord.sqlite3*"):
        path.unlink()
    for path in backup.iterdir():
        shutil.copy2(path, node.home / path.name)


def test_two_nodes_witness_each_other_and_catch_a_forked_history(nodes, tmp_path):
    ru, tj = nodes
    status, said = ru.run("witness", "request")
    assert status == 0, said
    assert re.search(r"tj cosigned \d+ entries", said)
    _backup(ru, tmp_path / "backup")

    ru.python(GROW.format(branch="the history the witnesses saw"))
    status, said = ru.run("witness", "request", "--node", "tj")
    assert status == 0, said
    found = re.search(r"tj cosigned (\d+) entries", said)
    assert found is not None, said
    witnessed = int(found.group(1))
    status, said = ru.run("audit", "verify")
    assert status == 0, said
    assert f"witnessed by tj: {witnessed} entries" in said

    # Put back to the backup, the node grows another history to the same size.
    _restore(ru, tmp_path / "backup")
    ru.python(GROW.format(branch="another history"))
    status, said = ru.run("witness", "request")

    assert status == 1, said
    assert f"tj did not cosign: HTTP 409: ru shows two different heads for {witnessed} " \
           "entries" in said
    evidence = tj.python(
        "from concord.federation.models import ForkEvidence; "
        "e = ForkEvidence.objects.get(); print(e.node.name, e.kind, e.seen_size, "
        "e.offered_size, e.seen_note != e.offered_note)")
    assert evidence == f"ru fork {witnessed} {witnessed} True"
    refusals = tj.python(
        "from concord.core.models import AuditEntry; "
        "print(AuditEntry.objects.filter(action='federation.witness.refuse').count())")
    assert refusals == "1"
