"""The demo's federation: this installation as the secretariat's node, the member states' nodes
with their keys (Kazakhstan's rotated once, Kyrgyzstan's revoked), and what the Tajik node sent:
its released records as a signed bundle, an exercise bundle filed apart, a withdrawal, and a
checkpoint of its chain that this node witnessed.

The demo keeps every state's records in one database, so the Tajik node's bundles are composed
here from the records the Tajik delegation originated, signed with the Tajik node's demo key,
and filed through the same import as a bundle that came over the wire. The nodes' private keys
are derived from a fixed seed per state: they are public knowledge, fit for a demo only."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.core.actors import SYSTEM
from concord.core.policy import system_viewer
from concord.federation import local, witness_note
from concord.federation.models import (
    Distribution,
    DistributionStatus,
    Node,
    NodeKey,
    PeerCheckpoint,
    ReceivedCopy,
)
from concord.federation.services.exchange import bundle_compose, bundle_import
from concord.federation.services.nodes import (
    node_key_revoke,
    node_key_rotate,
    node_register,
    node_register_self,
)
from concord.federation.services.witness import witness_cosign

STATES = ("RU", "KZ", "TJ", "AM", "BY", "KG")
ROTATED, REVOKED, SENDER = "KZ", "KG", "TJ"
REVOKED_BECAUSE = ("Носитель ключа утрачен при передаче в узел связи; выдан запрос на новый "
                   "ключ.")
# What the Tajik node released to the secretariat: its assistance request, its contributions
# to the collective forces and the results of the operations it took part in; its units'
# readiness rated in exercises travels in an exercise bundle.
ACTUAL_TYPES = ("assistance.assistancerequest", "forces.contribution",
                "forces.operationresult")
EXERCISE_TYPES = ("forces.readinessreport",)
WITHDRAWN_TYPE = "forces.operationresult"


def node_name_of(code: str) -> str:
    return f"concord-{code.lower()}"


def demo_node_key(code: str, generation: int = 0) -> Ed25519PrivateKey:
    """The demo key of a state's node; a rotation moves to the next generation."""
    seed = hashlib.sha256(f"concord demo node: {code} #{generation}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def _nodes(created: dict[str, int]) -> Node:
    me = Node.objects.filter(is_local=True).first()
    if me is None:
        me = node_register_self(actor=SYSTEM, party_code="SEC")
        created["federation nodes"] += 1
    for code in STATES:
        name = node_name_of(code)
        if Node.objects.filter(name=name).exists():
            continue
        node_register(actor=SYSTEM, name=name, party_code=code,
                      public_key=local.public_key_b64(demo_node_key(code)))
        created["federation nodes"] += 1
        if code == ROTATED:
            node_key_rotate(actor=SYSTEM, name=name,
                            public_key=local.public_key_b64(demo_node_key(code, 1)))
        if code == REVOKED:
            node_key_revoke(actor=SYSTEM, name=name, reason=REVOKED_BECAUSE)
    return me


def _bundles(me: Node, tajik: Node, created: dict[str, int]) -> None:
    if Distribution.objects.filter(sender=tajik).exists():
        return
    key = demo_node_key(SENDER)
    report = bundle_import(actor=SYSTEM, bundle=bundle_compose(
        origin=tajik, key=key, to=me, record_types=ACTUAL_TYPES))
    created["received copies"] += len(report.accepted)
    exercise = bundle_import(actor=SYSTEM, bundle=bundle_compose(
        origin=tajik, key=key, to=me, status=DistributionStatus.EXERCISE,
        record_types=EXERCISE_TYPES))
    created["received copies"] += len(exercise.accepted)
    # The Tajik delegation narrowed the release of one operation result after sending it.
    withdrawn = sorted(record_id for record_type, record_id in report.accepted
                       if record_type == WITHDRAWN_TYPE)[:1]
    if withdrawn:
        bundle_import(actor=SYSTEM, bundle=bundle_compose(
            origin=tajik, key=key, to=me, record_types=(),
            withdraw=[(WITHDRAWN_TYPE, withdrawn[0])]))
        created["withdrawn copies"] += 1


def _witnessed(me: Node, tajik: Node, created: dict[str, int]) -> None:
    if PeerCheckpoint.objects.filter(node=tajik).exists():
        return
    # The Tajik node's checkpoint at the newest chain position its bundles named.
    viewer = system_viewer(me.party, reason="demo checkpoint of the Tajik node")
    top = (ReceivedCopy.objects.visible_to(viewer).filter(origin=tajik)
           .order_by("-position_seq")
           .values_list("position_seq", "position_hash").first())
    if top is None:
        return
    note = witness_note.sign(witness_note.checkpoint_note(
        node=tajik.name, size=int(top[0]), root_hex=str(top[1])), key=demo_node_key(SENDER))
    witness_cosign(actor=SYSTEM, text=note.text())
    created["witnessed checkpoints"] += 1


def load_federation() -> dict[str, int]:
    created = {"federation nodes": 0, "received copies": 0, "withdrawn copies": 0,
               "witnessed checkpoints": 0}
    me = _nodes(created)
    tajik = Node.objects.select_related("party").get(name=node_name_of(SENDER))
    # Only a Tajik node still under its demo key can have sent what the demo files from it.
    if NodeKey.objects.filter(node=tajik, status=NodeKey.Status.ACTIVE,
                              public_key=local.public_key_b64(demo_node_key(SENDER))).exists():
        _bundles(me, tajik, created)
        _witnessed(me, tajik, created)
    return created
