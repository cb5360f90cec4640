"""Ed25519 signatures over a document's authentic texts and metadata.

What is signed is a canonical JSON statement naming the document, its metadata and the SHA-256
of each authentic text. Verification rebuilds that statement from the texts as they are stored
now, so a changed byte in any text, in the metadata or in the signature fails it; anyone holding
the signer's public key can repeat the check from the statement and the signature alone.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

from concord.core.audit import canonical_json

FORMAT = "concord-council-signature/1"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def public_key_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_b64: str) -> str:
    return hashlib.sha256(base64.b64decode(public_b64, validate=True)).hexdigest()


def load_public_key(public_b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))


def key_directory() -> Path:
    return Path(settings.VAR_DIR) / "signer-keys"


def key_path(key_fingerprint: str) -> Path:
    return key_directory() / f"{key_fingerprint}.pem"


def store_private_key(key: Ed25519PrivateKey) -> Path:
    """Keeps a generated key where this installation's signers can use it, readable by the owner
    only; the database holds just the public half."""
    path = key_path(fingerprint(public_key_b64(key)))
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return path


def held_private_key(key_fingerprint: str) -> Ed25519PrivateKey | None:
    path = key_path(key_fingerprint)
    if not path.exists():
        return None
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    return key if isinstance(key, Ed25519PrivateKey) else None


def statement_bytes(statement: dict[str, Any]) -> bytes:
    return canonical_json(statement).encode("utf-8")


def sign(key: Ed25519PrivateKey, statement: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(statement_bytes(statement))).decode("ascii")


def signature_valid(public_b64: str, statement: dict[str, Any], signature_b64: str) -> bool:
    try:
        load_public_key(public_b64).verify(base64.b64decode(signature_b64, validate=True),
                                           statement_bytes(statement))
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True
