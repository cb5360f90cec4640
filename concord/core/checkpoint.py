"""Signed checkpoints of the audit chain, for a witness outside the system.

A checkpoint states "the chain had N entries ending in hash H at time T", signed with the
deployment's Ed25519 key. Anyone holding only the public key can check the signature; holding
the database as well, they can check that entry N still has hash H.

The schedule makes one every hour and after each incident import (`checkpoint_soon`). Each is
kept twice: as an entry of the chain itself, and as a file in the checkpoint directory beside the
signing key, outside the database. `concord audit verify` holds the chain against the newest of
each, so that a chain rewritten or cut short behind a checkpoint contradicts it.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import transaction

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import GENESIS, audit_record, audit_verify, canonical_json
from concord.core.errors import InvalidState
from concord.core.models import AuditEntry, AuditHead

FORMAT = "concord-audit-checkpoint/1"
ACTION = "audit.checkpoint"


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} does not hold an Ed25519 private key.")
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


def public_key_pem(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def checkpoint_create(*, key: Ed25519PrivateKey) -> dict[str, Any]:
    head = AuditHead.objects.filter(pk=1).first() or AuditHead(seq=0, hash=GENESIS)
    statement = {
        "format": FORMAT,
        "entries": head.seq,
        "head_hash": head.hash,
        "signed_at": clock.now().isoformat(timespec="seconds"),
    }
    signature = key.sign(canonical_json(statement).encode("utf-8"))
    return {
        "statement": statement,
        "signature": base64.b64encode(signature).decode("ascii"),
        "public_key": public_key_pem(key),
    }


def checkpoint_signature_valid(document: dict[str, Any], public_key: str) -> bool:
    """Checks the signature with nothing but the public key (PEM)."""
    key = serialization.load_pem_public_key(public_key.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        return False
    try:
        statement = document["statement"]
        signature = base64.b64decode(document["signature"], validate=True)
        key.verify(signature, canonical_json(statement).encode("utf-8"))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        return False
    return bool(statement.get("format") == FORMAT)


def checkpoint_in_chain(document: dict[str, Any]) -> bool:
    """True when the chain still holds the checkpointed entry with the checkpointed hash."""
    statement = document["statement"]
    entries = int(statement["entries"])
    if entries == 0:
        return True
    entry = AuditEntry.objects.filter(seq=entries).only("hash").first()
    return entry is not None and entry.hash == statement["head_hash"]


def read_document(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a checkpoint document.")
    return data


def signing_key_path() -> Path:
    return Path(settings.CONCORD_AUDIT_KEY_FILE)


def checkpoint_dir() -> Path:
    return Path(settings.CONCORD_AUDIT_CHECKPOINT_DIR)


def _file_name(statement: dict[str, Any]) -> str:
    # The entry count leads, so that the newest checkpoint is also the last name in order.
    signed_at = datetime.fromisoformat(statement["signed_at"]).strftime("%Y%m%dT%H%M%SZ")
    return f"checkpoint-{int(statement['entries']):012d}-{signed_at}.json"


def _write_file(document: dict[str, Any]) -> Path:
    directory = checkpoint_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / _file_name(document["statement"])
    draft = directory / f".{path.name}.{secrets.token_hex(4)}"
    with draft.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(document, indent=2, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, path)
    return path


def _recorded(entry: AuditEntry) -> dict[str, Any] | None:
    try:
        detail = json.loads(entry.detail)
        document = {"statement": detail["statement"], "signature": detail["signature"]}
    except (ValueError, KeyError, TypeError):
        return None
    return document


def checkpoint_make(*, key: Ed25519PrivateKey | None = None) -> tuple[dict[str, Any], Path] | None:
    """Verify the chain, sign its head, record the checkpoint in the chain and write it to the
    checkpoint directory. None when the chain has not moved since the last checkpoint (its last
    entry is that checkpoint). A broken chain is never signed: that would lend it the witness's
    trust."""
    key = key or load_or_create_key(signing_key_path())
    report = audit_verify()
    if not report.ok:
        raise InvalidState(f"no checkpoint signed, the audit chain is broken: {report.problem}")
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        last = AuditEntry.objects.filter(seq=head.seq).first() if head is not None else None
        if last is not None and last.action == ACTION:
            # A file lost to a crash between the commit and its writing is written again.
            recorded = _recorded(last)
            if recorded and not (checkpoint_dir() / _file_name(recorded["statement"])).exists():
                _write_file({**recorded, "public_key": public_key_pem(key)})
            return None
        document = checkpoint_create(key=key)
        statement = document["statement"]
        audit_record(actor=SYSTEM, action=ACTION, target_type=ACTION,
                     target_id=str(statement["entries"]),
                     detail={"statement": statement, "signature": document["signature"]})
    return document, _write_file(document)


def checkpoint_soon() -> None:
    """Queue a checkpoint once the caller's transaction commits (after an import, say)."""
    # concord.core.tasks imports this module for the task's body.
    from concord.core.tasks import checkpoint_audit_chain  # noqa: PLC0415

    transaction.on_commit(checkpoint_audit_chain.enqueue)


@dataclass(frozen=True)
class Checkpoint:
    document: dict[str, Any]
    source: str

    @property
    def entries(self) -> int:
        return int(self.document["statement"]["entries"])

    @property
    def head_hash(self) -> str:
        return str(self.document["statement"]["head_hash"])

    @property
    def signed_at(self) -> datetime:
        return datetime.fromisoformat(self.document["statement"]["signed_at"])


def checkpoint_latest_file() -> Checkpoint | None:
    directory = checkpoint_dir()
    if not directory.is_dir():
        return None
    names = sorted(p for p in directory.glob("checkpoint-*.json") if p.is_file())
    if not names:
        return None
    return Checkpoint(read_document(names[-1]), str(names[-1]))


def checkpoint_latest_recorded() -> Checkpoint | None:
    entry = AuditEntry.objects.filter(action=ACTION).order_by("-seq").first()
    if entry is None:
        return None
    document = _recorded(entry)
    return Checkpoint(document or {"statement": {}, "signature": ""}, f"audit entry {entry.seq}")


@dataclass(frozen=True)
class CheckpointReport:
    ok: bool
    checkpoint: Checkpoint | None = None
    problem: str = ""


def _hold(checkpoint: Checkpoint, public_key: str, chain_entries: int) -> str:
    """What is wrong with the chain against this checkpoint; empty when it holds."""
    if not checkpoint_signature_valid(checkpoint.document, public_key):
        return f"the checkpoint in {checkpoint.source} is not signed by this deployment's key"
    if checkpoint.entries > chain_entries:
        return (f"the chain ends at entry {chain_entries}, but the checkpoint in "
                f"{checkpoint.source} vouches for {checkpoint.entries} entries (truncated)")
    if not checkpoint_in_chain(checkpoint.document):
        return (f"entry {checkpoint.entries} no longer has the hash the checkpoint in "
                f"{checkpoint.source} vouches for")
    return ""


def checkpoint_latest() -> list[Checkpoint]:
    """The newest checkpoint on file and the newest recorded in the chain, those that exist;
    OSError or ValueError when one cannot be read."""
    return [c for c in (checkpoint_latest_file(), checkpoint_latest_recorded()) if c]


def checkpoint_check(*, chain_entries: int, found: list[Checkpoint] | None = None) -> CheckpointReport:
    """Hold the chain against the newest checkpoint on file and the newest recorded in the
    chain; report the newer of the two. A caller checking while others keep appending reads
    the checkpoints (`found`) before the chain: a checkpoint made meanwhile would vouch for
    entries its walk never reached."""
    if found is None:
        try:
            found = checkpoint_latest()
        except (OSError, ValueError) as error:
            return CheckpointReport(False, problem=f"a checkpoint cannot be read: {error}")
    if not found:
        return CheckpointReport(True)
    path = signing_key_path()
    if not path.exists():
        return CheckpointReport(False, found[0], f"the signing key {path} is missing: the "
                                "checkpoints cannot be checked (set CONCORD_AUDIT_KEY_FILE)")
    public_key = public_key_pem(load_or_create_key(path))
    for checkpoint in found:
        try:
            problem = _hold(checkpoint, public_key, chain_entries)
        except (KeyError, TypeError, ValueError):
            problem = f"the checkpoint in {checkpoint.source} cannot be read"
        if problem:
            return CheckpointReport(False, checkpoint, problem)
    newest = max(found, key=lambda c: (c.entries, c.signed_at))
    return CheckpointReport(True, newest)


def checkpoint_file_name(statement: dict[str, Any]) -> str:
    """The name a checkpoint's file has in the checkpoint directory."""
    return _file_name(statement)


def checkpoint_recorded_before(entries: int) -> dict[str, Any] | None:
    """The statement of the newest checkpoint the chain recorded before the one of `entries`
    entries (which itself is recorded as entry `entries` + 1), or None."""
    entry = (AuditEntry.objects.filter(action=ACTION, seq__lte=entries).order_by("-seq")
             .first())
    recorded = _recorded(entry) if entry is not None else None
    return recorded["statement"] if recorded else None


@dataclass(frozen=True)
class WitnessReport:
    """What an app that collects others' signatures on the checkpoints (the federation's
    witnesses) says of the chain: lines to show, and a problem when one contradicts it."""

    lines: tuple[str, ...] = ()
    problem: str = ""


WitnessCheck = Callable[[int], WitnessReport]
# Registered by apps above the kernel from `ready()`; the kernel names none of them.
_witness_checks: list[WitnessCheck] = []


def checkpoint_witnessed_by(check: WitnessCheck) -> None:
    """Registers `check`, called with the chain's entry count at `audit verify`."""
    if check not in _witness_checks:
        _witness_checks.append(check)


def checkpoint_witness_reports(*, chain_entries: int) -> list[WitnessReport]:
    return [check(chain_entries) for check in _witness_checks]
