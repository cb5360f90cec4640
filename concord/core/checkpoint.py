"""Signed checkpoints of the audit chain, for a witness outside the system.

A checkpoint states "the chain had N entries ending in hash H at time T", signed with the
deployment's Ed25519 key. Anyone holding only the public key can check the signature; holding
the database as well, they can check that entry N still has hash H.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from concord.core.audit import GENESIS, canonical_json
from concord.core.models import AuditEntry, AuditHead

FORMAT = "concord-audit-checkpoint/1"


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
        "signed_at": datetime.now(UTC).isoformat(timespec="seconds"),
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
