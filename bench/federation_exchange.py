"""What the federation's exchange costs: a bundle of 100,000 incidents exported for a peer
(gathered under the read rule, each signed) and imported there (each signature, digest and label
checked, the copies filed, the acceptance audited), against writing the same copies with the ORM
directly (`bulk_create` of the rows and their release lists, nothing checked).

Run on its own with `python -m bench --only federation_exchange [--exchanged N]`. Both nodes
share the benchmark's database: after the export the receiver becomes "this node", as it would
be on its own installation. The target is a ratio of at least 0.3 (ORM time over exchange time).
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from datetime import date, timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection, transaction

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import canonical_json
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.federation import local
from concord.federation.models import Distribution, Node, ReceivedCopy, SentCopy
from concord.federation.services.exchange import bundle_export, bundle_import
from concord.federation.services.nodes import node_register, node_register_self
from concord.monitoring.models import Incident

TARGET = 0.3
ORIGIN, RECEIVER = "FXO", "FXR"


def _party(code: str, kind: str) -> Party:
    party, _ = Party.objects.get_or_create(code=code, defaults={
        "kind": kind, "name_ru": f"Узел {code}", "name_en": f"Node {code}"})
    return party


def populate(*, records: int) -> tuple[Party, Party]:
    origin = _party(ORIGIN, PartyKind.STATE)
    # The receiver is a second secretariat, so that no record of the other benchmarks released
    # to all member states travels with these.
    receiver = _party(RECEIVER, PartyKind.SECRETARIAT)
    start = date(2020, 1, 6)
    incidents = [Incident(
        originator=origin, classification=Classification.OFFICIAL_USE,
        release_to_all_members=False, release_mask=receiver.release_flag,
        public_id=uuid.uuid4(), occurred_on=start + timedelta(days=n % 1500),
        week=start + timedelta(days=(n % 1500) // 7 * 7), country="TJ",
        location=f"Пункт {n}", latitude=37.0 + (n % 100) / 100, longitude=69.0,
        category="drug_trafficking", sub_category="drug_seizure", fatalities=n % 3,
        injured=n % 5, narrative=f"Изъятие № {n} на границе") for n in range(records)]
    through: Any = Incident.releasable_to.through
    with transaction.atomic():
        made = Incident.objects.bulk_create(incidents, batch_size=2000)
        through.objects.bulk_create([through(incident_id=incident.pk, party_id=receiver.pk)
                                     for incident in made], batch_size=5000)
    return origin, receiver


def _clear() -> None:
    through: Any = ReceivedCopy.releasable_to.through
    through.objects.all().delete()
    ReceivedCopy._base_manager.all().delete()
    Distribution.objects.all().delete()
    SentCopy.objects.all().delete()


def _as(local_name: str) -> None:
    """Which of the two nodes is this installation."""
    Node.objects.update(is_local=False)
    Node.objects.filter(name=local_name).update(is_local=True)


def _orm_rows(bundle: dict[str, Any], sender: Node, receiver: Party, origin: Party) -> None:
    at = clock.now()
    copies = [ReceivedCopy(
        origin=sender, record_type=content["recordType"], record_id=content["recordID"],
        title=content["title"], record=content["record"], digest=content["digest"],
        key_id=content["keyID"], signature=content["signature"],
        position_seq=content["position"]["seq"], position_hash=content["position"]["hash"],
        distribution_id=bundle["distributionID"], received_at=at,
        classification=Classification.OFFICIAL_USE, originator=origin,
        release_mask=receiver.release_flag) for content in bundle["contentObjects"]]
    through: Any = ReceivedCopy.releasable_to.through
    with transaction.atomic():
        made = ReceivedCopy.objects.bulk_create(copies, batch_size=1000)
        through.objects.bulk_create([through(receivedcopy_id=copy.pk, party_id=receiver.pk)
                                     for copy in made], batch_size=2000)


def run(*, records: int, repeat: int) -> int:
    started = time.perf_counter()
    origin, receiver = populate(records=records)
    node_register_self(actor=SYSTEM, party_code=ORIGIN)
    sender_name = local.node_name()
    # The receiver's own key stays on its installation; here only its public half is needed.
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    peer = node_register(actor=SYSTEM, name="fxr", party_code=RECEIVER,
                         public_key=base64.b64encode(raw).decode("ascii"))
    print(f"\nFederation exchange: {records:,} incidents on {connection.vendor}; prepared in "
          f"{time.perf_counter() - started:.0f} s")
    sender = Node.objects.get(name=sender_name)
    times: dict[str, list[float]] = {"export": [], "import": [], "orm": []}
    for _round in range(max(1, repeat)):
        _clear()
        _as(sender_name)
        began = time.perf_counter()
        text = canonical_json(bundle_export(actor=SYSTEM, node=peer))
        times["export"].append(time.perf_counter() - began)
        _as("fxr")
        began = time.perf_counter()
        report = bundle_import(actor=SYSTEM, bundle=json.loads(text))
        times["import"].append(time.perf_counter() - began)
        assert len(report.accepted) >= records and not report.refused, report.refused[:3]
        bundle = json.loads(text)
        _clear()
        began = time.perf_counter()
        _orm_rows(bundle, sender, receiver, origin)
        times["orm"].append(time.perf_counter() - began)
    _as(sender_name)
    export, imported, orm = (min(times[side]) for side in ("export", "import", "orm"))
    ratio = orm / (export + imported)
    verdict = "ok" if ratio >= TARGET else "BELOW TARGET"
    print(f"  export {export:.1f} s ({records / export:,.0f} records/s), import {imported:.1f} s "
          f"({records / imported:,.0f} records/s), ORM bulk write {orm:.1f} s; "
          f"ratio {ratio:.2f} (target >= {TARGET}) {verdict}")
    return 0 if ratio >= TARGET else 1
