"""Filing bundles from a peer: what is accepted, what is refused and why, and that a refusal
files nothing and is audited."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.models import AuditEntry
from concord.federation.models import Distribution, NodeKey, ReceivedCopy
from concord.federation.selectors.copies import copy_list
from concord.federation.services.exchange import bundle_import
from concord.federation.services.nodes import node_key_revoke, node_key_rotate
from concord.federation.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def nodes(personas):
    f.party("AM", "Армения")
    tajik = f.this_node("TJ")
    org = f.peer("org", "SEC")
    return tajik, org


def _refusals(action: str) -> list[dict[str, Any]]:
    return [json.loads(entry.detail) for entry in
            AuditEntry.objects.filter(action=action).order_by("seq")]


def test_it_files_a_released_record_readable_by_the_tajik_delegate_only(nodes, personas):
    tajik, org = nodes
    content = f.record_object(org, to_all=False, releasable_to=("TJ",), title="Пяндж")
    report = bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [content]))
    assert len(report.accepted) == 1
    assert [c.title for c in copy_list(viewer=personas.delegate_b)] == ["Пяндж"]
    assert list(copy_list(viewer=personas.delegate_a)) == []
    accepted = _refusals("federation.bundle.accept")[-1]
    filed = Distribution.objects.get(distribution_id=accepted["distribution"])
    assert json.loads(filed.records) == [["monitoring.incident", content["recordID"]]]
    assert accepted["accepted"] == 1
    assert accepted["records"] == "sha256:" + hashlib.sha256(filed.records.encode()).hexdigest()


def test_it_refuses_a_bundle_with_a_tampered_record_whole_naming_the_object(nodes):
    tajik, org = nodes
    good = f.record_object(org, title="Хорог")
    bad = f.record_object(org, title="Пяндж")
    bad["record"] = bad["record"].replace("Пяндж", "Душанбе")
    with pytest.raises(ValidationError) as refused:
        bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [good, bad]))
    assert refused.value.errors == {
        "contentObjects[1].digest": ["Хеш не соответствует записи."]}
    assert ReceivedCopy.objects.unscoped(reason="test").count() == 0
    assert _refusals("federation.bundle.refuse")[-1]["field"] == "contentObjects[1].digest"


def test_it_refuses_a_bundle_whose_envelope_was_changed_and_files_nothing(nodes):
    tajik, org = nodes
    sent = f.bundle(org, tajik, [f.record_object(org)])
    sent["distributionStatus"] = "Exercise"
    with pytest.raises(ValidationError) as refused:
        bundle_import(actor=SYSTEM, bundle=sent)
    assert "signature" in refused.value.errors
    assert ReceivedCopy.objects.unscoped(reason="test").count() == 0
    assert _refusals("federation.bundle.refuse")[-1]["field"] == "signature"


def test_it_refuses_a_replayed_bundle(nodes):
    tajik, org = nodes
    sent = f.bundle(org, tajik, [f.record_object(org)])
    bundle_import(actor=SYSTEM, bundle=copy.deepcopy(sent))
    with pytest.raises(ValidationError) as refused:
        bundle_import(actor=SYSTEM, bundle=sent)
    assert refused.value.errors == {"distributionID": ["Этот пакет уже был получен."]}


def test_it_refuses_an_older_position_of_a_record_it_holds(nodes, personas):
    tajik, org = nodes
    newer = f.record_object(org, seq=20, title="Новое")
    older = f.record_object(org, seq=10, record_id=newer["recordID"], title="Старое")
    bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [newer]))
    report = bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [older]))
    assert report.refused[0][:2] == (0, "position.seq")
    assert [c.title for c in copy_list(viewer=personas.delegate_b)] == ["Новое"]


def test_it_refuses_a_bundle_signed_by_an_unknown_key(nodes):
    tajik, org = nodes
    stranger = f.Peer(org.node, Ed25519PrivateKey.generate())
    with pytest.raises(ValidationError) as refused:
        bundle_import(actor=SYSTEM, bundle=f.bundle(stranger, tajik, [f.record_object(stranger)]))
    assert refused.value.errors == {"keyID": ["У отправителя нет ключа с таким идентификатором."]}
    assert _refusals("federation.bundle.refuse")[-1]["field"] == "keyID"


def test_it_refuses_a_bundle_signed_after_its_key_was_revoked(nodes):
    tajik, org = nodes
    node_key_revoke(actor=SYSTEM, name="org", reason="Ключ скомпрометирован",
                    at=clock.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError) as refused:
        bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [f.record_object(org)]))
    assert refused.value.errors == {
        "keyID": ["Ключ отозван до того, как пакет был подписан."]}


def test_it_accepts_what_a_retired_key_signed_before_the_rotation(nodes):
    tajik, org = nodes
    NodeKey.objects.filter(node=org.node).update(valid_from=clock.now() - timedelta(days=30))
    sent = f.bundle(org, tajik, [f.record_object(org)],
                    sent_at=(clock.now() - timedelta(minutes=5)).isoformat())
    node_key_rotate(actor=SYSTEM, name="org", public_key=f.raw_b64(Ed25519PrivateKey.generate()))
    assert len(bundle_import(actor=SYSTEM, bundle=sent).accepted) == 1


def test_it_refuses_a_record_not_released_to_this_node(nodes):
    tajik, org = nodes
    content = f.record_object(org, to_all=False, releasable_to=("AM",))
    report = bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [content]))
    assert report.refused == [(0, "confidentialityLabel.releasableTo",
                               "Запись не передана стороне этого узла.")]
    assert ReceivedCopy.objects.unscoped(reason="test").count() == 0


def test_it_hides_a_withdrawn_copy(nodes, personas):
    tajik, org = nodes
    content = f.record_object(org, seq=5)
    bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [content]))
    withdrawal = f.withdrawal_object(org, record_id=content["recordID"], seq=7)
    report = bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [withdrawal]))
    assert report.withdrawn == [("monitoring.incident", content["recordID"])]
    assert list(copy_list(viewer=personas.delegate_b)) == []
    assert AuditEntry.objects.filter(action="federation.copy.withdraw").count() == 1


def test_it_files_exercise_bundles_apart_from_real_copies(nodes, personas):
    tajik, org = nodes
    sent = f.bundle(org, tajik, [f.record_object(org, title="Учение")], status="Exercise")
    bundle_import(actor=SYSTEM, bundle=sent)
    assert list(copy_list(viewer=personas.delegate_b)) == []
    assert [c.title for c in copy_list(viewer=personas.delegate_b, exercise=True)] == ["Учение"]


def test_it_maps_a_national_marking_to_the_organizations_classification(nodes, personas):
    tajik, org = nodes
    content = f.record_object(org, classification="СЕКРЕТНО")
    content["confidentialityLabel"]["policyIdentifier"] = "urn:concord:label:national"
    bundle_import(actor=SYSTEM, bundle=f.bundle(org, tajik, [f.sign_object(org, content)]))
    filed = ReceivedCopy.objects.unscoped(reason="test").get()
    assert filed.classification == 2  # CONFIDENTIAL
    # The Tajik delegate is cleared for official use only.
    assert list(copy_list(viewer=personas.delegate_b)) == []
