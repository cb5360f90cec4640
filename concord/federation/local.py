"""This node: its name and its signing key.

The key is the deployment's Ed25519 key that already signs the audit checkpoints, so that one
key, kept outside the database, speaks for the node in every exchange.
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

from concord.core.checkpoint import load_or_create_key, signing_key_path


def node_name() -> str:
    return str(settings.CONCORD_NODE_NAME)


def node_key() -> Ed25519PrivateKey:
    return load_or_create_key(signing_key_path())


def public_key_b64(key: Ed25519PrivateKey | None = None) -> str:
    raw = (key or node_key()).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")
