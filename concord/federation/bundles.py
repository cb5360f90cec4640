"""The bundle's form and its signatures.

A bundle is an envelope shaped like OASIS EDXL-DE (distribution id, sender, time, status, type,
combined confidentiality) holding one content object per record. Each content object is signed
on its own by the origin's node key, so that a filed copy keeps its proof; the envelope's
signature covers its own fields and every content object's signature, so that none can be
added, removed or reordered. What is signed is canonical JSON, byte for byte what
`concord.core.audit.canonical_json` writes."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from concord.core.audit import canonical_json

FORMAT = "concord-bundle/1"
_OBJECT_CONTEXT = b"concord-bundle-object\n"
_ENVELOPE_CONTEXT = b"concord-bundle\n"


def record_digest(record_json: str) -> str:
    return "sha256:" + hashlib.sha256(record_json.encode("utf-8")).hexdigest()


def _unsigned(value: dict[str, Any], *leave_out: str) -> dict[str, Any]:
    return {key: item for key, item in value.items() if key not in leave_out}


def object_message(content: dict[str, Any]) -> bytes:
    return _OBJECT_CONTEXT + canonical_json(_unsigned(content, "signature")).encode("utf-8")


def envelope_message(envelope: dict[str, Any]) -> bytes:
    signatures = "\n".join(str(content.get("signature", ""))
                           for content in envelope.get("contentObjects", [])
                           if isinstance(content, dict))
    fields = _unsigned(envelope, "signature", "contentObjects")
    fields["contents"] = hashlib.sha256(signatures.encode("ascii", "replace")).hexdigest()
    return _ENVELOPE_CONTEXT + canonical_json(fields).encode("utf-8")


def sign(key: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(key.sign(message)).decode("ascii")


def public_key_of(public_key_b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))


def signature_valid(public_key: Ed25519PublicKey, signature: Any, message: bytes) -> bool:
    if not isinstance(signature, str):
        return False
    try:
        public_key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True
