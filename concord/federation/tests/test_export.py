"""What a bundle for a peer carries: the records released to the peer's party, signed by this
node, with their chain positions; and the withdrawals it is owed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.labelling import label_change
from concord.core.labels import Classification
from concord.federation import bundles, local
from concord.federation.models import Node
from concord.federation.services.exchange import bundle_export
from concord.federation.tests import factories as f
from concord.monitoring.tests.factories import incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    armenia = f.party("AM", "Армения")
    f.this_node("SEC")
    return f.peer("tj", "TJ").node, f.peer("am", "AM").node, armenia


def _ids(bundle: dict[str, Any], kind: str = "record") -> list[str]:
    return [c["recordID"] for c in bundle["contentObjects"] if c["contentKind"] == kind]


def test_it_sends_a_record_released_to_tajikistan_to_the_tajik_node_only(world, personas):
    tajik, armenian, _armenia = world
    released = incident(personas.secretariat, release_to_all_members=False,
                        releasable_to=[personas.state_b])
    to_tajik = bundle_export(actor=SYSTEM, node=tajik)
    assert _ids(to_tajik) == [str(released.public_id)]
    assert _ids(bundle_export(actor=SYSTEM, node=armenian)) == []


def test_it_signs_each_record_and_the_envelope_with_this_nodes_key(world, personas):
    tajik, _armenian, _armenia = world
    incident(personas.secretariat, classification=Classification.CONFIDENTIAL)
    sent = bundle_export(actor=SYSTEM, node=tajik)
    key = bundles.public_key_of(local.public_key_b64())
    content = sent["contentObjects"][0]
    assert bundles.signature_valid(key, content["signature"], bundles.object_message(content))
    assert bundles.signature_valid(key, sent["signature"], bundles.envelope_message(sent))
    assert sent["combinedConfidentiality"] == "CONFIDENTIAL"
    assert content["confidentialityLabel"]["originator"] == "SEC"
    assert json.loads(content["record"])["location"] == "Panj"
    assert content["position"]["seq"] > 0


def test_it_sends_a_withdrawal_once_the_release_is_narrowed(world, personas):
    tajik, _armenian, _armenia = world
    record = incident(personas.secretariat, release_to_all_members=False,
                      releasable_to=[personas.state_b])
    bundle_export(actor=SYSTEM, node=tajik)
    label_change(actor=personas.officer, record=record, classification=record.classification,
                 release_to_all_members=False, releasable_to=[])
    after = bundle_export(actor=SYSTEM, node=tajik)
    assert _ids(after) == []
    assert _ids(after, "withdrawal") == [str(record.public_id)]
    assert _ids(bundle_export(actor=SYSTEM, node=tajik), "withdrawal") == []


def test_it_sends_only_what_changed_after_the_position_given(world, personas):
    tajik, _armenian, _armenia = world
    incident(personas.secretariat)
    first = bundle_export(actor=SYSTEM, node=tajik)
    later = incident(personas.secretariat, location="Хорог")
    assert _ids(bundle_export(actor=SYSTEM, node=tajik, since=first["cursor"])) == [
        str(later.public_id)]


def test_it_does_not_send_a_record_back_to_its_originating_party(world, personas):
    tajik, _armenian, _armenia = world
    incident(personas.state_b)
    assert _ids(bundle_export(actor=SYSTEM, node=tajik)) == []


def test_it_refuses_to_send_to_itself(world):
    with pytest.raises(ValidationError):
        bundle_export(actor=SYSTEM, node=Node.objects.get(is_local=True))
