"""Appending to the audit chain and proving it intact.

Each entry's hash covers its own fields and the previous entry's hash, so a changed byte, a
removed, reordered or inserted row breaks the chain at that entry; the head row, moved in the
same transaction as every append, makes a truncated tail visible too.

Whoever controls the database could still recompute the hashes, so each entry and the head also
carry an HMAC under the chain key, a file beside the checkpoint signing key and never in the
database: a rewritten, forged, truncated or wiped chain cannot be made to verify without it.
The signed checkpoints (concord.core.checkpoint) vouch for the chain up to their entry even to a
witness who holds neither key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction

from concord.core import clock, context
from concord.core.actors import Actor, Viewer, acting
from concord.core.labels import Classification
from concord.core.models import AuditEntry, AuditHead, LabelledModel

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = prev_hash + "\n" + canonical_json(fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def chain_key_path() -> Path:
    return Path(settings.CONCORD_AUDIT_CHAIN_KEY_FILE)


_keys: dict[str, bytes] = {}

# The chain's HMAC key: 256 bits, as SHA-256's own block strength asks.
KEY_BYTES = 32


def _read_key(path: Path) -> bytes:
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        raise ValueError(f"{path} does not hold an audit chain key (hexadecimal).") from None
    if len(key) < KEY_BYTES:
        raise ValueError(f"{path} holds an audit chain key shorter than {KEY_BYTES} bytes.")
    return key


def chain_key() -> bytes:
    """The chain key, made on the first append (0600). Written under a temporary name and linked
    into place, so that two processes starting at once agree on one key and a process killed
    midway leaves no half-written key behind."""
    path = chain_key_path()
    cached = _keys.get(str(path))
    if cached is not None:
        return cached
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    key = _read_key(path)
    _keys[str(path)] = key
    return key


def chain_key_if_present() -> bytes | None:
    """For verification, which never makes a key: a missing one is a finding."""
    path = chain_key_path()
    return _read_key(path) if path.exists() else None


def entry_mac(key: bytes, entry_hash_hex: str) -> str:
    return hmac.new(key, b"concord-audit-entry\n" + entry_hash_hex.encode("ascii"),
                    hashlib.sha256).hexdigest()


def head_mac(key: bytes, seq: int, head_hash: str) -> str:
    # Another message than an entry's, so that no entry's MAC can be copied into the head.
    message = f"concord-audit-head\n{seq}\n{head_hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": entry.actor_id,
        "actor_name": entry.actor_name,
        "party": entry.party_code,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "classification": int(entry.classification),
        "label_originator": entry.label_originator,
        "label_releasable": entry.label_releasable,
        "outcome": entry.outcome,
        "client_address": entry.client_address,
        "detail": entry.detail,
    }


def _label_of(target: models.Model | None) -> tuple[int, str, str]:
    if not isinstance(target, LabelledModel):
        return Classification.PUBLIC, "", ""
    releasable = "*" if target.release_to_all_members else ""
    if target.pk is not None:
        codes = sorted(target.releasable_to.values_list("code", flat=True))
        releasable = ",".join(([releasable] if releasable else []) + codes)
    return int(target.classification), target.originator.code, releasable


# Called with each entry appended and its target, inside the appending transaction: what a
# listener writes commits or rolls back with the entry and the change it records, and a
# listener that fails rolls them back too. Apps above core register here from `ready()`; the
# kernel names none of them.
AuditListener = Callable[[AuditEntry, models.Model | None], None]
_listeners: list[AuditListener] = []


def audit_listen(listener: AuditListener) -> Callable[[], None]:
    """Registers `listener` once; the function returned removes it again."""
    if listener not in _listeners:
        _listeners.append(listener)

    def remove() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return remove


def audit_record(
    *,
    actor: Actor | Viewer,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    outcome: str = AuditEntry.Outcome.SUCCESS,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Called inside the service's transaction, it commits or rolls back with
    the change it records. An entry of `SYSTEM` (or of a system reader, or of a signed-out user)
    names no user: its actor and actor name are empty, as system entries have always been."""
    actor = acting(actor)
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(getattr(target, "public_id", None) or target.pk)
    classification, originator, releasable = _label_of(target)
    # Only a signed-in user is named; the system, a system reader and a signed-out user are not.
    user: Any = actor if getattr(actor, "is_authenticated", False) else None
    party = getattr(user, "party", None)
    ctx = context.current()
    key = chain_key()
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS}
        )
        entry = AuditEntry(
            seq=head.seq + 1,
            at=clock.now(),
            actor=user,
            actor_name=user.get_username() if user is not None else "",
            party_code=party.code if party is not None else "",
            action=action,
            target_type=target_type,
            target_id=target_id,
            classification=classification,
            label_originator=originator,
            label_releasable=releasable,
            outcome=outcome,
            client_address=ctx.client_address,
            detail=canonical_json(detail or {}),
            prev_hash=head.hash,
        )
        entry.hash = entry_hash(head.hash, _hashed_fields(entry))
        entry.mac = entry_mac(key, entry.hash)
        entry.save(force_insert=True)
        # The database lets the head move only one step, onto the entry just written.
        AuditHead.objects.filter(pk=1).update(
            seq=entry.seq, hash=entry.hash, mac=head_mac(key, entry.seq, entry.hash)
        )
        for listener in tuple(_listeners):
            listener(entry, target)
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def _walk(entries: Iterable[AuditEntry], key: bytes | None) -> tuple[int, str, int | None, str]:
    expected, prev = 1, GENESIS
    for entry in entries:
        if entry.seq != expected:
            if entry.seq > expected:
                return expected - 1, prev, expected, f"entry {expected} is missing"
            return expected - 1, prev, entry.seq, f"entry {entry.seq} is out of order"
        if entry.prev_hash != prev:
            return expected - 1, prev, entry.seq, f"entry {entry.seq} does not link to its predecessor"
        if entry_hash(prev, _hashed_fields(entry)) != entry.hash:
            return expected - 1, prev, entry.seq, f"entry {entry.seq} was altered"
        if key is not None and not hmac.compare_digest(entry.mac, entry_mac(key, entry.hash)):
            return (expected - 1, prev, entry.seq,
                    f"entry {entry.seq} is not bound by the chain key (forged or rewritten)")
        prev = entry.hash
        expected += 1
    return expected - 1, prev, None, ""


def _stored_head() -> AuditHead:
    return AuditHead.objects.filter(pk=1).first() or AuditHead(seq=0, hash=GENESIS)


@contextmanager
def _one_snapshot() -> Iterator[None]:
    """Reads that see the database as it stood at one moment, without taking the write lock.

    Appending moves the head with its entry in one transaction, so entries and head read in
    one snapshot always agree, however many writers commit meanwhile; read at two moments they
    would disagree, and a live log would be reported as cut short or written behind its head.
    """
    if connection.in_atomic_block:
        # Already one transaction (a caller's, or a test's).
        yield
        return
    if connection.vendor == "sqlite":
        # Django opens SQLite's transactions IMMEDIATE, which would hold every writer off for the
        # whole walk; a deferred one only reads, from the snapshot of its first read.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def audit_verify() -> ChainReport:
    """Recompute the whole chain from the first entry, check every entry's and the head's MAC
    under the chain key, and compare the chain with its head, both read in one snapshot."""
    with _one_snapshot():
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=5000)
        return chain_verify(entries, read_head=_stored_head, key=chain_key_if_present(),
                            key_path=chain_key_path())


def chain_verify(entries: Iterable[AuditEntry], *, read_head: Callable[[], AuditHead],
                 key: bytes | None, key_path: Path) -> ChainReport:
    """Judge a chain given as its entries in order and its head, wherever they were read from
    (the database, or a copy of it in a backup). The head is read once the entries are walked."""
    count, last_hash, bad, problem = _walk(entries, key)
    head = read_head()
    if bad is not None:
        return ChainReport(False, count, head.seq, head.hash, bad, problem)
    if key is None and (count or head.seq):
        return ChainReport(
            False, count, head.seq, head.hash, 1,
            f"the chain key {key_path} is missing: no entry can be proved genuine "
            f"(set CONCORD_AUDIT_CHAIN_KEY_FILE to where it is kept)",
        )
    if head.seq > count:
        return ChainReport(
            False, count, head.seq, head.hash, count + 1,
            f"entry {count + 1} is missing: the chain ends at {count} but its head is at "
            f"{head.seq} (truncated)",
        )
    if head.seq < count:
        return ChainReport(
            False, count, head.seq, head.hash, head.seq + 1,
            f"entry {head.seq + 1} was added behind the chain head (head at {head.seq})",
        )
    if head.hash != last_hash:
        return ChainReport(
            False, count, head.seq, head.hash, count, f"entry {count} differs from the chain head"
        )
    if count == 0:
        if key is not None:
            return ChainReport(
                False, 0, head.seq, head.hash, 1,
                f"the chain is empty, but its key {key_path} has bound entries: the log was "
                f"wiped (or this database is new beside an old key)",
            )
        return ChainReport(True, 0, head.seq, head.hash)
    if key is not None and not hmac.compare_digest(head.mac, head_mac(key, head.seq, head.hash)):
        return ChainReport(
            False, count, head.seq, head.hash, count + 1,
            f"the chain head at {head.seq} is not bound by the chain key: it was moved by hand "
            f"(entries after {head.seq} truncated?)",
        )
    return ChainReport(True, count, head.seq, head.hash)


def audit_denial(*, actor: Actor, action: str, target_type: str = "", target_id: str = "",
                 reason: str = "") -> AuditEntry:
    """A refused action, written after the refused transaction has rolled back so that the
    refusal itself is kept."""
    return audit_record(actor=actor, action=action, target_type=target_type,
                        target_id=target_id[:100], outcome=AuditEntry.Outcome.DENIED,
                        detail={"reason": reason} if reason else None)
