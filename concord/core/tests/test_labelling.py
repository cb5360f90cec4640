"""Relabelling: a raise takes effect at once; a lower or wider label waits for a second person
of the originating party, who may read the record; each step is audited."""

from __future__ import annotations

import pytest

from concord.core.errors import Forbidden, InvalidState, NotFound
from concord.core.labelling import label_change, label_change_decide, label_changes_pending
from concord.core.labels import Classification
from concord.core.models import AuditEntry, LabelChange
from tests.labelprobe.models import Dossier


@pytest.fixture
def dossier(personas):
    return Dossier.objects.create(title="plan", classification=Classification.CONFIDENTIAL,
                                  originator=personas.secretariat)


def _lower(personas, dossier):
    return label_change(actor=personas.analyst, record=dossier,
                        classification=Classification.OFFICIAL_USE, release_to_all_members=True,
                        releasable_to=[], reason="declassified by the council")


def test_a_raise_takes_effect_at_once(personas, dossier):
    change = label_change(actor=personas.officer, record=dossier,
                          classification=Classification.SECRET, release_to_all_members=False,
                          releasable_to=[])

    dossier.refresh_from_db()
    assert change is None
    assert dossier.classification == Classification.SECRET
    assert AuditEntry.objects.filter(action="core.label.raise").exists()


def test_a_lower_label_waits_and_a_second_person_applies_it(personas, dossier):
    change = _lower(personas, dossier)
    before = Dossier.objects.visible_to(personas.delegate_b).filter(pk=dossier.pk).exists()

    assert [c for c, _ in label_changes_pending(viewer=personas.officer)] == [change]
    label_change_decide(actor=personas.officer, public_id=change.public_id, approve=True)

    assert not before
    assert Dossier.objects.visible_to(personas.delegate_b).filter(pk=dossier.pk).exists()
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (LabelChange.Status.APPROVED, personas.officer)
    assert AuditEntry.objects.filter(action="core.label.lower_requested").count() == 1
    assert AuditEntry.objects.filter(action="core.label.lower_approved").count() == 1


def test_the_one_who_asked_cannot_approve(personas, dossier):
    change = _lower(personas, dossier)

    with pytest.raises(Forbidden):
        label_change_decide(actor=personas.analyst, public_id=change.public_id, approve=True)
    dossier.refresh_from_db()
    assert dossier.classification == Classification.CONFIDENTIAL


def test_another_party_neither_sees_nor_decides_the_change(personas, dossier):
    change = _lower(personas, dossier)

    assert label_changes_pending(viewer=personas.delegate_a) == []
    with pytest.raises(NotFound):
        label_change_decide(actor=personas.delegate_a, public_id=change.public_id, approve=True)


def test_a_refusal_leaves_the_label_and_a_decided_change_stays_decided(personas, dossier):
    change = _lower(personas, dossier)

    label_change_decide(actor=personas.officer, public_id=change.public_id, approve=False)
    with pytest.raises(InvalidState):
        label_change_decide(actor=personas.officer, public_id=change.public_id, approve=True)

    dossier.refresh_from_db()
    assert dossier.classification == Classification.CONFIDENTIAL
    assert AuditEntry.objects.filter(action="core.label.lower_refused").count() == 1


def test_only_the_originating_party_asks(personas):
    record = Dossier.objects.create(title="theirs", classification=Classification.OFFICIAL_USE,
                                    originator=personas.state_a,
                                    release_to_all_members=True)

    with pytest.raises(Forbidden):
        label_change(actor=personas.delegate_b, record=record,
                     classification=Classification.PUBLIC, release_to_all_members=True,
                     releasable_to=[])


def test_the_dashboard_tells_an_approver_what_waits(client, personas, dossier):
    _lower(personas, dossier)
    client.force_login(personas.officer)

    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "1 lower label waits for a second approver of your party." in page
