"""Three nodes on loopback, each with its own database and key: this test's process is the
secretariat's node; the Tajik and Armenian nodes are `concord` processes on SQLite files of
their own. Bundles travel as files and over signed HTTP."""

from __future__ import annotations

import json
import re
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labelling import label_change
from concord.core.tests.processes import ROOT, child_env
from concord.federation import local, transport
from concord.federation.models import Node
from concord.federation.services.exchange import bundle_export
from concord.federation.services.nodes import node_register
from concord.federation.tests import factories as f
from concord.monitoring.tests.factories import incident

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@dataclass
class Remote:
    name: str
    directory: Path
    database: Path
    public_key: str

    def env(self) -> dict[str, str]:
        return child_env(
            DATABASE_URL=f"sqlite:///{self.database}", CONCORD_NODE_NAME=self.name,
            CONCORD_VAR_DIR=str(self.directory),
            CONCORD_AUDIT_KEY_FILE=str(self.directory / "node.pem"),
            CONCORD_AUDIT_CHAIN_KEY_FILE=str(self.directory / "chain.key"),
            CONCORD_AUDIT_CHECKPOINT_DIR=str(self.directory / "checkpoints"))

    def concord(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "concord.cli", *args], cwd=ROOT,
                              env=self.env(), capture_output=True, text=True, timeout=300,
                              check=False)

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.database) as db:
            return db.execute(sql, params).fetchall()

    def titles(self, *, exercise: int = 0) -> list[str]:
        return [row[0] for row in self.rows(
            "SELECT title FROM federation_receivedcopy WHERE withdrawn_at IS NULL "
            "AND is_exercise = ? ORDER BY title", exercise)]

    def refusals(self) -> list[dict[str, Any]]:
        return [json.loads(row[0]) for row in self.rows(
            "SELECT detail FROM core_auditentry WHERE action = 'federation.bundle.refuse' "
            "ORDER BY seq")]


def _remote(tmp_path: Path, name: str, party: str, endpoint: str) -> Remote:
    directory = tmp_path / name
    directory.mkdir()
    key = Ed25519PrivateKey.generate()
    (directory / "node.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    database = directory / "concord.sqlite3"
    # A copy of the test database as it stands: the schema and the organization's parties, with
    # no record and no audit entry yet.
    with sqlite3.connect(database) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    remote = Remote(name, directory, database, f.raw_b64(key))
    shown = remote.concord("federation", "node", "show-self", "--party", party)
    assert shown.returncode == 0, shown.stderr
    added = remote.concord("federation", "node", "add", "org", "--party", "SEC",
                           "--key", local.public_key_b64(), "--endpoint", endpoint)
    assert added.returncode == 0, added.stderr
    return remote


@pytest.fixture
def federation(personas, tmp_path, settings, live_server):
    if connection.vendor != "sqlite":
        pytest.skip("the other nodes run on SQLite files copied from the test database")
    settings.CONCORD_NODE_NAME = "org"
    f.party("AM", "Армения")
    tajik = _remote(tmp_path, "tj", "TJ", live_server.url)
    armenian = _remote(tmp_path, "am", "AM", live_server.url)
    f.this_node("SEC")
    for remote, party in ((tajik, "TJ"), (armenian, "AM")):
        node_register(actor=SYSTEM, name=remote.name, party_code=party,
                        public_key=remote.public_key)
    return tajik, armenian


def _export(tmp_path: Path, to: str, name: str, **options) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(bundle_export(actor=SYSTEM, node=Node.objects.get(name=to),
                                             **options)), encoding="utf-8")
    return path


def test_it_carries_a_record_released_to_tajikistan_to_the_tajik_node_only(
        federation, personas, tmp_path):
    tajik, armenian = federation
    incident(personas.secretariat, location="Пяндж", release_to_all_members=False,
             releasable_to=[personas.state_b])
    incident(personas.secretariat, location="Ереван", release_to_all_members=False, releasable_to=[])
    for remote in federation:
        done = remote.concord("federation", "import", str(_export(tmp_path, remote.name,
                                                                  f"{remote.name}.json")))
        assert done.returncode == 0, done.stderr
    assert tajik.titles() == ["Пяндж"]
    assert armenian.titles() == []


def test_it_refuses_tampered_replayed_misaddressed_and_unknown_key_bundles(
        federation, personas, tmp_path):
    tajik, armenian = federation
    incident(personas.secretariat, location="Пяндж")
    sent = _export(tmp_path, "tj", "tj.json")
    tampered = json.loads(sent.read_text(encoding="utf-8"))
    tampered["contentObjects"][0]["title"] = "Душанбе"
    (tmp_path / "tampered.json").write_text(json.dumps(tampered), encoding="utf-8")

    refused = tajik.concord("federation", "import", str(tmp_path / "tampered.json"))
    assert refused.returncode != 0
    assert "signature" in refused.stderr
    assert tajik.titles() == []

    assert tajik.concord("federation", "import", str(sent)).returncode == 0
    replayed = tajik.concord("federation", "import", str(sent))
    assert replayed.returncode != 0 and "distributionID" in replayed.stderr

    misaddressed = armenian.concord("federation", "import", str(sent))
    assert misaddressed.returncode != 0 and "recipientID" in misaddressed.stderr

    other = f.raw_b64(Ed25519PrivateKey.generate())
    assert armenian.concord("federation", "node", "rotate", "org", "--key", other).returncode == 0
    unknown = armenian.concord("federation", "import",
                               str(_export(tmp_path, "am", "am.json")))
    assert unknown.returncode != 0 and "keyID" in unknown.stderr

    assert [r["field"] for r in tajik.refusals()] == ["contentObjects[0].signature",
                                                      "distributionID"]
    assert [r["field"] for r in armenian.refusals()] == ["recipientID", "keyID"]


def test_it_refuses_what_a_revoked_key_signed(federation, personas, tmp_path):
    tajik, _armenian = federation
    incident(personas.secretariat, location="Пяндж")
    sent = _export(tmp_path, "tj", "tj.json")
    time.sleep(1)
    revoked = tajik.concord("federation", "node", "revoke", "org", "--reason",
                            "Ключ скомпрометирован", "--at", "2000-01-01T00:00:00+00:00")
    assert revoked.returncode == 0, revoked.stderr
    refused = tajik.concord("federation", "import", str(sent))
    assert refused.returncode != 0 and "keyID" in refused.stderr
    assert tajik.titles() == []


def test_it_propagates_a_withdrawal_and_keeps_exercises_apart(federation, personas, tmp_path):
    tajik, _armenian = federation
    record = incident(personas.secretariat, location="Пяндж", release_to_all_members=False,
                      releasable_to=[personas.state_b])
    assert tajik.concord("federation", "import", str(_export(tmp_path, "tj", "1.json"))
                         ).returncode == 0
    drill = _export(tmp_path, "tj", "drill.json", status="Exercise")
    assert tajik.concord("federation", "import", str(drill)).returncode == 0
    assert tajik.titles(exercise=1) == ["Пяндж"]
    label_change(actor=personas.officer, record=record, classification=record.classification,
                 release_to_all_members=False, releasable_to=[])
    done = tajik.concord("federation", "import", str(_export(tmp_path, "tj", "2.json")))
    assert "withdrawn 1" in done.stdout, done.stderr
    assert tajik.titles() == []
    assert tajik.rows("SELECT count(*) FROM core_auditentry "
                      "WHERE action = 'federation.copy.withdraw'") == [(1,)]


def _serve(remote: Remote) -> Generator[tuple[subprocess.Popen[str], str], None, None]:
    process = subprocess.Popen(
        [sys.executable, "-m", "concord.cli", "serve", "--port", "0", "--threads", "2"],
        cwd=ROOT, env=remote.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        deadline, seen = time.monotonic() + 120, []
        while time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            line = process.stdout.readline() if ready else ""
            seen.append(line)
            if found := re.search(r"serving on (http://\S+)", line):
                yield process, found.group(1)
                return
        raise AssertionError("".join(seen))
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_it_pushes_and_pulls_over_signed_http(federation, personas):
    tajik, _armenian = federation
    incident(personas.secretariat, location="Пяндж")
    server = _serve(tajik)
    _process, url = next(server)
    try:
        Node.objects.filter(name="tj").update(endpoint=url)
        tj = Node.objects.get(name="tj")
        body = json.dumps(bundle_export(actor=SYSTEM, node=tj)).encode()
        at = clock.now().isoformat()
        headers = transport.signed_headers(
            transport.request_message("POST", transport.BUNDLES_PATH, at, body),
            key=local.node_key(), at=at)
        pushed = requests.post(url + transport.BUNDLES_PATH, data=body, headers=headers,
                               timeout=120)
        assert pushed.status_code == 200, pushed.text
        assert pushed.json()["accepted"] == 1
        # The same signed request again is a replay, refused before the bundle is read.
        replayed = requests.post(url + transport.BUNDLES_PATH, data=body, headers=headers,
                                 timeout=120)
        assert replayed.status_code == 403
        # A request signed by no registered node is refused alike.
        stranger = dict(headers, **{transport.NODE: "am"})
        assert requests.post(url + transport.BUNDLES_PATH, data=body, headers=stranger,
                             timeout=120).status_code == 403
    finally:
        server.close()
    assert tajik.titles() == ["Пяндж"]

    incident(personas.secretariat, location="Хорог")
    pulled = tajik.concord("federation", "pull", "--from", "org")
    assert pulled.returncode == 0, pulled.stderr
    assert tajik.titles() == ["Пяндж", "Хорог"]
