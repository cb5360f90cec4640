"""`concord backup` and `concord restore`: a backup taken while another process keeps writing
restores, onto another database, every write acknowledged before it began, with an intact audit
chain; a broken chain, or a copy that differs from it, is never archived; a missing, damaged or
truncated archive, a wrong engine, a later Concord's migrations, a non-empty database, and a
different key or foreign checkpoints already in place are each refused in one line, with
nothing written."""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from concord.core.actors import SYSTEM
from concord.core.audit import audit_record, audit_verify
from concord.core.audit_guard import guard_lifted
from concord.core.backup import BackupRefused, engines
from concord.core.checkpoint import checkpoint_make
from concord.core.labels import PartyKind
from concord.core.models import AuditEntry, Party
from concord.core.tests.processes import ROOT, child_env, database_url

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Target:
    """Another, empty database with its own place for the audit keys and checkpoints."""

    url: str
    audit: Path

    def env(self) -> dict[str, str]:
        return child_env(
            DATABASE_URL=self.url,
            CONCORD_AUDIT_KEY_FILE=str(self.audit / "checkpoint-ed25519.pem"),
            CONCORD_AUDIT_CHAIN_KEY_FILE=str(self.audit / "audit-chain.key"),
            CONCORD_AUDIT_CHECKPOINT_DIR=str(self.audit / "checkpoints"),
        )

    def concord(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "concord.cli", *args], cwd=ROOT,
                              env=self.env(), capture_output=True, text=True, timeout=300,
                              check=False)

    def query(self, sql: str) -> list[tuple[object, ...]]:
        if self.url.startswith("sqlite:"):
            with sqlite3.connect(urlsplit(self.url).path) as db:
                return db.execute(sql).fetchall()
        with psycopg.connect(self.url) as db:
            return db.execute(sql).fetchall()

    def tables(self) -> list[str]:
        if self.url.startswith("sqlite:"):
            return [str(r[0]) for r in self.query("SELECT name FROM sqlite_master WHERE type='table'")]
        return [str(r[0]) for r in self.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Target]:
    audit = tmp_path / "restored-audit"
    if connection.vendor == "sqlite":
        yield Target("sqlite:///" + str(tmp_path / "restored.sqlite3"), audit)
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    server = urlsplit(database_url())
    admin_url = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        _drop(admin, name)
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Target(urlunsplit(server._replace(path=f"/{name}")), audit)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            _drop(admin, name)


def _drop(admin: psycopg.Connection[Any], name: str) -> None:
    """Drop a scratch database. A plain DROP stops the server's own autovacuum worker on it,
    which FORCE may not (the worker is the superuser's); FORCE then ends the test's sessions."""
    for _ in range(20):
        try:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(0.25)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def chain() -> list[AuditEntry]:
    Party.objects.create(code="RU", kind=PartyKind.STATE, name_ru="Россия", name_en="Russia")
    entries = [audit_record(actor=SYSTEM, action="dossier.create", detail={"n": n}) for n in range(5)]
    checkpoint_make()
    return entries


def _backup(path: Path) -> None:
    call_command("backup", "-o", str(path), stdout=io.StringIO())


def _repacked(source: Path, destination: Path, *, manifest: dict[str, object] | None = None,
              member: str | None = None) -> Path:
    """A copy of an archive with its manifest replaced, or one member's bytes changed."""
    with tarfile.open(source, "r:gz") as reading, tarfile.open(destination, "w:gz") as writing:
        for info in reading:
            data = reading.extractfile(info).read()  # type: ignore[union-attr]
            if info.name == "manifest.json" and manifest is not None:
                data = json.dumps(manifest).encode()
            if info.name == member:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
            info.size = len(data)
            writing.addfile(info, io.BytesIO(data))
    return destination


# --- Backing up ---------------------------------------------------------------------------------

def test_it_writes_an_archive_only_its_owner_may_read(chain, tmp_path, settings):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)

    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        chain_key = tar.extractfile("keys/audit-chain.key").read()  # type: ignore[union-attr]
    assert names[0] == "manifest.json"
    assert chain_key == Path(settings.CONCORD_AUDIT_CHAIN_KEY_FILE).read_bytes()
    assert manifest["engine"] == connection.vendor
    # The backup is in the log it copies: the five entries, the checkpoint and the backup itself.
    assert manifest["audit"]["entries"] == 7
    assert "core.0001_initial" in manifest["migrations"]
    assert any(name.startswith("checkpoints/checkpoint-") for name in names)
    assert AuditEntry.objects.filter(action="backup.make").count() == 1


def test_it_refuses_to_back_up_a_broken_chain(chain, tmp_path):
    with guard_lifted():
        AuditEntry.objects.filter(seq=chain[2].seq).update(detail='{"n": 99}')
    archive = tmp_path / "concord.tar.gz"

    with pytest.raises(CommandError, match="no backup made: the audit chain is broken: entry 3"):
        _backup(archive)
    assert list(tmp_path.iterdir()) == []
    assert not AuditEntry.objects.filter(action="backup.make").exists()


def test_it_writes_no_archive_when_the_copy_differs_from_the_chain(chain, tmp_path, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("the copy is altered as a file here; pg_dump's output is not")
    copy_database = engines.sqlite_dump

    def altered_copy(destination: Path) -> None:
        copy_database(destination)
        with sqlite3.connect(destination) as db:
            db.execute("DROP TRIGGER core_auditentry_no_update")
            db.execute("UPDATE core_auditentry SET actor_name = 'someone else' WHERE seq = 2")

    monkeypatch.setattr(engines, "sqlite_dump", altered_copy)
    archive = tmp_path / "concord.tar.gz"

    with pytest.raises(CommandError, match="no backup made: the copy does not verify: entry 2 "
                                           "was altered"):
        _backup(archive)
    assert list(tmp_path.iterdir()) == []


def test_it_never_overwrites_an_existing_file(chain, tmp_path):
    archive = tmp_path / "concord.tar.gz"
    archive.write_text("an earlier backup")

    with pytest.raises(CommandError, match="exists already"):
        _backup(archive)
    assert archive.read_text() == "an earlier backup"


# --- Refusals on restoring ----------------------------------------------------------------------

def test_it_refuses_to_restore_onto_a_database_that_is_not_empty(chain, tmp_path, settings):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    entries = AuditEntry.objects.count()

    with pytest.raises(CommandError, match="is not empty: a backup is restored onto an empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert AuditEntry.objects.count() == entries


def test_it_refuses_an_archive_of_the_other_engine(chain, tmp_path):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    other = {"sqlite": "postgresql", "postgresql": "sqlite"}[connection.vendor]
    manifest["engine"] = other
    forged = _repacked(archive, tmp_path / "other.tar.gz", manifest=manifest)

    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    with pytest.raises(CommandError, match=(f"holds a {names[other]} database, but Concord is "
                                            f"configured for {names[connection.vendor]}")):
        call_command("restore", str(forged), stdout=io.StringIO())


def test_it_refuses_a_backup_of_a_later_concord(chain, tmp_path):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    manifest["migrations"].append("core.9999_from_the_future")
    later = _repacked(archive, tmp_path / "later.tar.gz", manifest=manifest)

    with pytest.raises(CommandError, match=r"made by a later Concord .*core\.9999_from_the_future"):
        call_command("restore", str(later), stdout=io.StringIO())


def _refused(target: Target, archive: Path) -> str:
    result = target.concord("restore", str(archive))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    # Nothing written: the database is as empty as it was, and no key or checkpoint is in place.
    assert target.tables() == []
    assert not (target.audit / "audit-chain.key").exists()
    assert not (target.audit / "checkpoints").exists()
    return lines[0]


@pytest.mark.slow
def test_it_refuses_missing_damaged_and_truncated_archives(chain, tmp_path, target):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    whole = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    noise = tmp_path / "noise.tar.gz"
    noise.write_bytes(bytes(range(256)) * 40)
    altered = _repacked(archive, tmp_path / "altered.tar.gz", member="keys/audit-chain.key")

    assert "no such backup archive" in _refused(target, tmp_path / "missing.tar.gz")
    assert "is not a Concord backup archive" in _refused(target, noise)
    assert "is truncated" in _refused(target, truncated)
    assert "keys/audit-chain.key does not match its checksum" in _refused(target, altered)


@pytest.mark.slow
def test_it_refuses_to_overwrite_a_different_key(chain, tmp_path, target):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    target.audit.mkdir()
    other_key = target.audit / "audit-chain.key"
    other_key.write_text("ab" * 32 + "\n")

    result = target.concord("restore", str(archive))

    assert result.returncode == 1
    assert "holds another file than the backup's: it is not overwritten" in result.stderr
    assert "CONCORD_AUDIT_CHAIN_KEY_FILE" in result.stderr
    assert other_key.read_text() == "ab" * 32 + "\n"
    assert not (target.audit / "checkpoints").exists()
    assert "labelprobe_dossier" not in target.tables()


@pytest.mark.slow
def test_it_refuses_checkpoints_in_place_that_the_backup_lacks(chain, tmp_path, target):
    archive = tmp_path / "concord.tar.gz"
    _backup(archive)
    later = target.audit / "checkpoints" / "checkpoint-000000000090-20300101T000000Z.json"
    later.parent.mkdir(parents=True)
    later.write_text("{}")

    result = target.concord("restore", str(archive))

    assert result.returncode == 1
    assert f"holds {later.name}, which the backup does not" in result.stderr
    assert sorted(p.name for p in later.parent.iterdir()) == [later.name]
    assert not (target.audit / "audit-chain.key").exists()
    assert "labelprobe_dossier" not in target.tables()


# --- A backup under load, restored elsewhere ----------------------------------------------------

class Writer:
    """tests.crash_writer in the background: audited writes, each id printed once committed."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", "RU"], cwd=ROOT, env=child_env(),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.acknowledged: list[int] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._collect, daemon=True)
        self._reader.start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith("\n"):
                with self._lock:
                    self.acknowledged.append(int(line))

    def so_far(self) -> set[int]:
        with self._lock:
            return set(self.acknowledged)

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 120
        while len(self.so_far()) < count:
            assert self.process.poll() is None, self.process.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the writer does not write"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.slow
def test_it_restores_every_write_acknowledged_before_the_backup_began(chain, tmp_path, target,
                                                                      settings):
    archive = tmp_path / "concord.tar.gz"
    writer = Writer()
    try:
        writer.wait_for(20)
        before = writer.so_far()
        backup = subprocess.run(
            [sys.executable, "-m", "concord.cli", "backup", "-o", str(archive)], cwd=ROOT,
            env=child_env(), capture_output=True, text=True, timeout=300, check=False)
        # The writer was never held up: it kept committing while the copy was made.
        writer.wait_for(len(writer.so_far()) + 20)
    finally:
        writer.stop()
    assert backup.returncode == 0, backup.stderr
    assert "verified on the copy" in backup.stdout

    restore = target.concord("restore", str(archive))

    assert restore.returncode == 0, restore.stderr
    assert "audit chain intact" in restore.stdout
    restored = {int(row[0]) for row in target.query("SELECT id FROM labelprobe_dossier")}
    assert before <= restored
    # The copy is one moment of a database still being written: what came after is not in it.
    assert writer.so_far() - restored
    # The restored node proves its chain with the keys and checkpoints that came with it.
    verify = target.concord("audit", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "holds against the checkpoint" in verify.stdout
    assert ((target.audit / "audit-chain.key").read_bytes()
            == Path(settings.CONCORD_AUDIT_CHAIN_KEY_FILE).read_bytes())
    # The live chain, written on throughout, is intact too.
    report = audit_verify()
    assert report.ok, report.problem


# --- Finding PostgreSQL's tools -----------------------------------------------------------------

@pytest.mark.django_db(transaction=False)
def test_it_names_the_client_package_when_no_pg_dump_can_read_the_server():
    # Every pg_dump on this machine is older than a server of a far later major version.
    with pytest.raises(BackupRefused, match=r"pg_dump for PostgreSQL 99 or later was not found "
                                            r"\(install Debian's postgresql-client-99"):
        engines.postgres_tool("pg_dump", 99)
