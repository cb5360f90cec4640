"""Nodes for the tests: this one under the test's own key, and peers whose private keys the test
holds, so that it can sign bundles as they would."""

from __future__ import annotations

import base64
import copy
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import canonical_json
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.federation import bundles
from concord.federation.models import Node, NodeKey
from concord.federation.services.nodes import node_register, node_register_self


def raw_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def party(code: str, name: str) -> Party:
    found = Party.objects.filter(code=code).first()
    return found or Party.objects.create(code=code, kind=PartyKind.STATE, name_ru=name,
                                         name_en=name)


@dataclass
class Peer:
    node: Node
    key: Ed25519PrivateKey

    @property
    def key_id(self) -> str:
        return NodeKey.id_of(raw_b64(self.key))


def this_node(party_code: str) -> Node:
    return node_register_self(actor=SYSTEM, party_code=party_code)


def peer(name: str, party_code: str, *, endpoint: str = "") -> Peer:
    key = Ed25519PrivateKey.generate()
    node = node_register(actor=SYSTEM, name=name, party_code=party_code,
                         public_key=raw_b64(key), endpoint=endpoint)
    return Peer(node, key)


def record_object(peer: Peer, *, record_type: str = "monitoring.incident",
                  record_id: str | None = None, seq: int = 10,
                  record: dict[str, Any] | None = None, classification: str = "OFFICIAL USE",
                  originator: str = "", releasable_to: tuple[str, ...] = (),
                  to_all: bool = True, title: str = "Пяндж") -> dict[str, Any]:
    record_json = canonical_json(record or {"location": title, "country": "TJ"})
    content: dict[str, Any] = {
        "contentKind": "record", "recordType": record_type,
        "recordID": record_id or str(uuid.uuid4()), "title": title,
        "confidentialityLabel": {
            "policyIdentifier": "urn:concord:label:org", "classification": classification,
            "originator": originator or peer.node.party.code,
            "releasableToAllMembers": to_all, "releasableTo": list(releasable_to)},
        "record": record_json, "digest": bundles.record_digest(record_json),
        "position": {"seq": seq, "hash": "a" * 64}, "keyID": peer.key_id}
    return sign_object(peer, content)


def withdrawal_object(peer: Peer, *, record_id: str, seq: int,
                      record_type: str = "monitoring.incident") -> dict[str, Any]:
    return sign_object(peer, {"contentKind": "withdrawal", "recordType": record_type,
                              "recordID": record_id, "position": {"seq": seq, "hash": "b" * 64},
                              "reason": "no longer released", "keyID": peer.key_id})


def sign_object(peer: Peer, content: dict[str, Any]) -> dict[str, Any]:
    content = copy.deepcopy(content)
    content.pop("signature", None)
    content["signature"] = bundles.sign(peer.key, bundles.object_message(content))
    return content


def bundle(peer: Peer, to: Node, contents: list[dict[str, Any]], *,
           status: str = "Actual", sent_at: str = "") -> dict[str, Any]:
    envelope: dict[str, Any] = {
        "format": bundles.FORMAT, "distributionID": str(uuid.uuid4()),
        "senderID": peer.node.name, "recipientID": to.name,
        "dateTimeSent": sent_at or clock.now().isoformat(), "distributionStatus": status,
        "distributionType": "Report", "combinedConfidentiality": "OFFICIAL USE", "cursor": 0,
        "keyID": peer.key_id, "contentObjects": contents}
    return sign_envelope(peer, envelope)


def sign_envelope(peer: Peer, envelope: dict[str, Any]) -> dict[str, Any]:
    envelope = dict(envelope)
    envelope.pop("signature", None)
    envelope["signature"] = bundles.sign(peer.key, bundles.envelope_message(envelope))
    return envelope
