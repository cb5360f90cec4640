"""Node-to-node HTTPS: each request is signed with the caller's node key over its method, path,
time and body digest, and each answer with the responder's over its status, path, time, body
digest and the request's signature, so that both ends know which node spoke and that an answer
belongs to its request. TLS guards the channel; these signatures name the nodes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.utils.dateparse import parse_datetime

from concord.core import clock
from concord.federation import bundles, local
from concord.federation.models import Node, NodeKey

BUNDLES_PATH = "/api/v1/federation/bundles"
# How far a request's time may be from the responder's clock; with the signatures already seen
# kept as long, a request can be neither replayed nor held back and sent later.
WINDOW = timedelta(minutes=5)
TIMEOUT_SECONDS = 120
NODE, KEY, TIME, SIGNATURE = ("X-Concord-Node", "X-Concord-Key", "X-Concord-Time",
                              "X-Concord-Signature")


class TransportError(Exception):
    """The peer could not be reached, refused the request, or answered unsigned."""


def request_message(method: str, path: str, at: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"concord-node-request\n{method.upper()}\n{path}\n{at}\n{digest}".encode()


def response_message(status: int, path: str, at: str, body: bytes, request_signature: str) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return (f"concord-node-response\n{status}\n{path}\n{at}\n{digest}\n{request_signature}"
            .encode())


def signed_headers(message: bytes, *, key: Ed25519PrivateKey, at: str) -> dict[str, str]:
    return {NODE: local.node_name(), KEY: NodeKey.id_of(local.public_key_b64(key)), TIME: at,
            SIGNATURE: bundles.sign(key, message)}


def fresh_time(value: str) -> datetime | None:
    """The request's time when it is a time near enough to now, else None."""
    when = parse_datetime(value)
    if when is None or when.tzinfo is None or abs(clock.now() - when) > WINDOW:
        return None
    return when


@dataclass(frozen=True)
class Answer:
    status: int
    document: dict[str, Any]


def _active_key(node: Node) -> NodeKey:
    key = node.keys.filter(status=NodeKey.Status.ACTIVE).first()
    if key is None:
        raise TransportError(f"{node.name} has no active key.")
    return key


def call(node: Node, method: str, path: str, body: bytes = b"") -> Answer:
    """One signed request to `node`; its answer, refused unless the peer's active key signed
    it for this very request."""
    if not node.endpoint:
        raise TransportError(f"{node.name} has no endpoint; carry its bundles as files.")
    key = local.node_key()
    at = clock.now().isoformat()
    headers = signed_headers(request_message(method, path, at, body), key=key, at=at)
    headers["Content-Type"] = "application/json"
    try:
        reply = requests.request(method, node.endpoint.rstrip("/") + path, data=body,
                                 headers=headers, timeout=TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise TransportError(f"{node.name}: {error}") from None
    peer_key = _active_key(node)
    if reply.headers.get(NODE) != node.name or reply.headers.get(KEY) != peer_key.key_id or \
            not bundles.signature_valid(
                bundles.public_key_of(peer_key.public_key), reply.headers.get(SIGNATURE),
                response_message(reply.status_code, path, reply.headers.get(TIME, ""),
                                 reply.content, headers[SIGNATURE])):
        # A refusal written before the request was authenticated is not signed; its text is
        # shown as the peer's unproven word.
        raise TransportError(f"{node.name}: the answer ({reply.status_code}) is not signed by "
                             f"its node key: {reply.text[:300]}")
    try:
        document = json.loads(reply.content or b"{}")
    except ValueError:
        raise TransportError(f"{node.name}: the answer is not JSON.") from None
    if reply.status_code >= 400:  # noqa: PLR2004
        raise TransportError(f"{node.name} refused ({reply.status_code}): "
                             f"{document.get('detail', '')} {document.get('errors', '')}")
    return Answer(reply.status_code, document)
