"""Mutual witnessing: a node cosigns its peers' audit checkpoints, and collects their
cosignatures on its own.

The chain's hashes are keyed and its entries hold labelled records, so a witness cannot replay
the chain between two checkpoints. What it can hold an origin to is its own word: one head per
size, never fewer entries than already shown, and the predecessor each note names
(`concord-previous`) matching what this witness saw. The origin, holding the whole chain, checks
the growth itself at `concord audit verify`, against every checkpoint a witness cosigned.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.db import transaction

from concord.core import clock
from concord.core.actors import SYSTEM, Actor, Viewer
from concord.core.audit import audit_record
from concord.core.checkpoint import (
    checkpoint_dir,
    checkpoint_file_name,
    checkpoint_latest_recorded,
    checkpoint_make,
    checkpoint_recorded_before,
)
from concord.core.errors import Conflict, InvalidState, NotFound, ValidationError
from concord.core.models import AuditEntry
from concord.federation import witness_note
from concord.federation.local import node_key, node_name
from concord.federation.models import Cosignature, ForkEvidence, Node, NodeKey, PeerCheckpoint
from concord.federation.witness_note import CheckpointNote, NoteError

COSIGN_PATH = "witness/cosign"
API_PREFIX = "/api/v1/federation"
# A witness answers at once or not at all; the next round asks again.
REQUEST_TIMEOUT_SECONDS = 20


def _parse(text: str) -> CheckpointNote:
    try:
        return witness_note.parse(text)
    except NoteError as error:
        raise ValidationError(str(error), errors={"note": [str(error)]}) from None


def _raw(key: NodeKey) -> bytes:
    return base64.b64decode(key.public_key, validate=True)


# --- The origin's side: its checkpoints as notes ------------------------------------------------


def note_of(statement: dict[str, Any]) -> CheckpointNote:
    """The signed note of a checkpoint statement of this node's chain, naming the checkpoint
    recorded before it. Ed25519 signs alike every time, so the same checkpoint always gives
    the same note."""
    entries = int(statement["entries"])
    previous = checkpoint_recorded_before(entries)
    note = witness_note.checkpoint_note(
        node=node_name(), size=entries, root_hex=str(statement["head_hash"]),
        previous=(int(previous["entries"]), str(previous["head_hash"])) if previous else None)
    return witness_note.sign(note, key=node_key())


def _write_note(statement: dict[str, Any], note: CheckpointNote) -> Path:
    directory = checkpoint_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / checkpoint_file_name(statement).removesuffix(".json")
    path = path.with_name(path.name + ".note")
    if path.exists() and path.read_text(encoding="utf-8") == note.text():
        return path
    draft = directory / f".{path.name}.{secrets.token_hex(4)}"
    draft.write_text(note.text(), encoding="utf-8")
    os.replace(draft, path)
    return path


def note_latest() -> tuple[CheckpointNote, Path]:
    """Sign a checkpoint of the chain's head (unless the last one still is the head) and give
    its note, also written beside the checkpoint's JSON document."""
    made = checkpoint_make(key=node_key())
    if made is not None:
        statement = made[0]["statement"]
    else:
        recorded = checkpoint_latest_recorded()
        if recorded is None or "entries" not in recorded.document["statement"]:
            raise InvalidState("the last checkpoint cannot be read")
        statement = recorded.document["statement"]
    note = note_of(statement)
    return note, _write_note(statement, note)


# --- The witness's side ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Refusal:
    reason: str
    kind: str = ""


def _origin_key(node: Node, note: CheckpointNote) -> NodeKey | _Refusal:
    """The key of `node` that signed the note, if it is active and the signature holds."""
    named = {s.key_hash for s in note.signatures if s.name == note.origin}
    for key in node.keys.all():
        raw = _raw(key)
        if witness_note.key_hash(note.origin, raw, witness_note.ED25519) not in named:
            continue
        if key.status != NodeKey.Status.ACTIVE:
            return _Refusal(f"the note is signed with the {key.status} key "
                            f"{key.key_id} of {node.name}", "key")
        if not witness_note.signed_by_origin(note, raw):
            return _Refusal(f"the signature of {note.origin} does not match the note", "signature")
        return key
    return _Refusal(f"the note is signed by no key known for {node.name}", "key")


def _contradiction(seen: PeerCheckpoint, note: CheckpointNote) -> _Refusal | None:
    root = note.root_hex
    if note.size < seen.size:
        return _Refusal(f"{note.node} shows {note.size} entries after showing {seen.size}",
                        ForkEvidence.Kind.ROLLBACK)
    if note.size == seen.size and root != seen.root_hash:
        return _Refusal(f"{note.node} shows two different heads for {note.size} entries",
                        ForkEvidence.Kind.FORK)
    previous = note.previous()
    if note.size > seen.size and previous is not None:
        size, previous_root = previous
        if size == seen.size and previous_root.hex() != seen.root_hash:
            return _Refusal(f"{note.node} names another head for {size} entries than the one "
                            "it showed before", ForkEvidence.Kind.FORK)
        if size < seen.size:
            return _Refusal(f"{note.node} names its checkpoint of {size} entries as the one "
                            f"before, skipping the one of {seen.size} it showed",
                            ForkEvidence.Kind.FORK)
    return None


def _refuse(*, actor: Actor | Viewer, node: Node | None, note: CheckpointNote,
            refusal: _Refusal) -> None:
    audit_record(actor=actor, action="federation.witness.refuse", target=node,
                 target_type="" if node else "federation.node",
                 target_id="" if node else note.node,
                 outcome=AuditEntry.Outcome.DENIED,
                 detail={"origin": note.origin, "size": note.size, "head": note.root_hex,
                         "reason": refusal.reason})


def witness_cosign(*, actor: Actor | Viewer = SYSTEM, text: str) -> CheckpointNote:
    """Cosign a peer's checkpoint note if it follows from the one last seen of that peer.
    A fork or a rollback is kept as evidence with the note it contradicts; every refusal is
    audited and raised (ValidationError for a malformed note, Conflict otherwise)."""
    note = _parse(text)
    local = node_name()
    if note.node == local:
        raise ValidationError(f"the note is this node's own ({note.origin}): a node does not "
                              "witness itself", errors={"note": ["origin"]})
    refusal: _Refusal | None = None
    with transaction.atomic():
        # The node row is locked so that two notes of one origin are compared one after the other.
        node = (Node.objects.select_for_update().filter(name=note.node, is_local=False).first()
                if note.node else None)
        if node is None:
            refusal = _Refusal(f"{note.origin!r} is not the origin of a known node")
            _refuse(actor=actor, node=None, note=note, refusal=refusal)
        else:
            key = _origin_key(node, note)
            if isinstance(key, _Refusal):
                refusal = key
            else:
                seen = PeerCheckpoint.objects.select_for_update().filter(node=node).first()
                refusal = _contradiction(seen, note) if seen is not None else None
                if refusal is None:
                    return _accept(actor=actor, node=node, key=key, note=note, seen=seen)
                ForkEvidence.objects.create(
                    node=node, kind=refusal.kind, seen_size=seen.size if seen else 0,
                    seen_note=seen.note if seen else "", offered_size=note.size,
                    offered_note=note.text(), detected_at=clock.now())
            _refuse(actor=actor, node=node, note=note, refusal=refusal)
    # Outside the block: the evidence and the audit entry stay written.
    if refusal is None:
        raise InvalidState("the note was neither cosigned nor refused")
    if refusal.kind == "signature":
        raise ValidationError(refusal.reason, errors={"note": [refusal.reason]})
    raise Conflict(refusal.reason)


def _accept(*, actor: Actor | Viewer, node: Node, key: NodeKey, note: CheckpointNote,
            seen: PeerCheckpoint | None) -> CheckpointNote:
    now = clock.now()
    cosigned = witness_note.cosign(note, name=node_name(), key=node_key(),
                                   timestamp=int(now.timestamp()))
    # Only the origin's own signature and this one travel back.
    own = tuple(s for s in cosigned.signatures if s.name in (note.origin, node_name()))
    cosigned = CheckpointNote(note.origin, note.size, note.root_hash, note.extensions, own)
    PeerCheckpoint.objects.update_or_create(node=node, defaults={
        "size": note.size, "root_hash": note.root_hex, "note": note.text(),
        "cosigned_note": cosigned.text(), "cosigned_at": now})
    audit_record(actor=actor, action="federation.witness.cosign", target=node,
                 detail={"origin": note.origin, "size": note.size, "head": note.root_hex,
                         "key": key.key_id, "before": seen.size if seen else None})
    return cosigned


# --- The origin's side: asking the witnesses ------------------------------------------------


def _peer_key_at(witness: Node, note: CheckpointNote) -> tuple[NodeKey, int] | None:
    for key in witness.keys.filter(status=NodeKey.Status.ACTIVE):
        timestamp = witness_note.cosigned_at(note, name=witness.name, public_key=_raw(key))
        if timestamp is not None:
            return key, timestamp
    return None


@transaction.atomic
def cosignature_accept(*, actor: Actor | Viewer = SYSTEM, witness: Node,
                       text: str) -> Cosignature:
    """Keep `witness`'s cosignature of one of this node's checkpoints: the note must be this
    node's, signed by it, and cosigned by the witness's active key."""
    note = _parse(text)
    if note.node != node_name():
        raise ValidationError(f"the note is of {note.origin}, not of this node",
                              errors={"note": ["origin"]})
    if not witness_note.signed_by_origin(note, witness_note.raw_public_key(node_key())):
        raise ValidationError("the note does not carry this node's signature",
                              errors={"note": ["signature"]})
    found = _peer_key_at(witness, note)
    if found is None:
        raise ValidationError(f"the note carries no valid cosignature of {witness.name}",
                              errors={"note": ["cosignature"]})
    key, timestamp = found
    cosignature, _created = Cosignature.objects.update_or_create(
        witness=witness, size=note.size, defaults={
            "key": key, "root_hash": note.root_hex, "note": note.text(),
            "cosigned_at": datetime.fromtimestamp(timestamp, UTC),
            "received_at": clock.now()})
    audit_record(actor=actor, action="federation.witness.cosignature", target=witness,
                 detail={"size": note.size, "head": note.root_hex, "key": key.key_id,
                         "cosigned_at": cosignature.cosigned_at.isoformat()})
    return cosignature


def cosign_url(endpoint: str) -> str:
    """The cosigning address of a node whose endpoint is its site or its federation API."""
    base = endpoint.rstrip("/")
    if not base.endswith(API_PREFIX):
        base += API_PREFIX
    return f"{base}/{COSIGN_PATH}"


Post = Callable[[str, str], tuple[int, str]]


def http_post(url: str, text: str) -> tuple[int, str]:
    request = urllib.request.Request(  # noqa: S310 (the operator registers the endpoint)
        url, data=text.encode("utf-8"), method="POST",
        headers={"Content-Type": "text/plain; charset=utf-8", "Accept": "text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as answer:  # noqa: S310
            return int(answer.status), answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode("utf-8", "replace")


@dataclass(frozen=True)
class RequestResult:
    witness: str
    cosignature: Cosignature | None = None
    problem: str = ""


def _problem_text(status: int, body: str) -> str:
    try:
        detail = json.loads(body).get("detail", "")
    except (ValueError, AttributeError):
        detail = body[:200]
    return f"HTTP {status}: {detail}"


def witness_request(*, actor: Actor | Viewer = SYSTEM, node: str = "",
                    post: Post | None = None) -> list[RequestResult]:
    """Send this node's latest checkpoint note to each peer with an endpoint (or to `node`)
    and keep the cosignatures they give. A witness that refuses or cannot be reached is
    audited and named in the result; the others are still asked."""
    witnesses = Node.objects.filter(is_local=False).exclude(endpoint="").order_by("name")
    if node:
        witnesses = witnesses.filter(name=node)
        if not witnesses.exists():
            raise NotFound(f"no peer node named {node!r} with an endpoint")
    elif not witnesses.exists():
        return []
    post = post or http_post
    note, _path = note_latest()
    results: list[RequestResult] = []
    for witness in witnesses:
        try:
            status, body = post(cosign_url(witness.endpoint), note.text())
        except (OSError, ValueError) as error:
            status, body = 0, str(error)
        problem = "" if status == 200 else _problem_text(status, body)  # noqa: PLR2004
        if not problem:
            try:
                results.append(RequestResult(witness.name, cosignature_accept(
                    actor=actor, witness=witness, text=body)))
                continue
            except ValidationError as error:
                problem = error.detail
        with transaction.atomic():
            audit_record(actor=actor, action="federation.witness.request", target=witness,
                         outcome=AuditEntry.Outcome.FAILURE,
                         detail={"size": note.size, "problem": problem})
        results.append(RequestResult(witness.name, problem=problem))
    return results


def cosignature_accept_file(*, actor: Actor | Viewer = SYSTEM, witness: str,
                            text: str) -> Cosignature:
    found = Node.objects.filter(name=witness, is_local=False).first()
    if found is None:
        raise NotFound(f"no peer node named {witness!r}")
    return cosignature_accept(actor=actor, witness=found, text=text)


def decode_note(data: bytes, *, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(f"{source}: byte {error.start} is not UTF-8",
                              errors={"note": ["encoding"]}) from None

