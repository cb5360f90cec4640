"""Listeners of the audit chain are called with each entry inside its transaction: what they
write stands or falls with the entry and the change it records."""

from __future__ import annotations

import pytest
from django.db import transaction

from concord.core.audit import audit_listen, audit_record
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.core.policy import withheld_count
from tests.labelprobe.models import Dossier

pytestmark = pytest.mark.django_db


def test_it_hands_each_entry_and_its_target_to_a_listener(personas):
    heard: list[tuple[str, object]] = []
    remove = audit_listen(lambda entry, target: heard.append((entry.action, target)))
    try:
        record = Dossier.objects.create(title="Заявка", originator=personas.state_a)
        audit_record(actor=personas.officer, action="dossier.create", target=record)
        audit_record(actor=personas.officer, action="dossier.note")
    finally:
        remove()
    audit_record(actor=personas.officer, action="dossier.after")
    assert heard == [("dossier.create", record), ("dossier.note", None)]


def test_it_registers_a_listener_once_and_removes_it_once(personas):
    heard: list[str] = []

    def listener(entry: AuditEntry, target: object) -> None:
        heard.append(entry.action)

    remove = audit_listen(listener)
    audit_listen(listener)
    try:
        audit_record(actor=personas.officer, action="dossier.create")
    finally:
        remove()
        remove()
    assert heard == ["dossier.create"]


def test_it_rolls_the_entry_back_when_a_listener_fails(personas):
    def listener(entry: AuditEntry, target: object) -> None:
        Dossier.objects.create(title="Записано слушателем", originator=personas.state_a)
        raise RuntimeError("the listener's write was refused")

    remove = audit_listen(listener)
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            audit_record(actor=personas.officer, action="dossier.create")
    finally:
        remove()
    assert AuditEntry.objects.filter(action="dossier.create").count() == 0
    assert not Dossier.objects.unscoped(reason="test").filter(
        title="Записано слушателем").exists()


def test_it_counts_what_a_viewer_may_not_read(personas):
    Dossier.objects.create(title="Открыто", originator=personas.state_a,
                           classification=Classification.PUBLIC)
    Dossier.objects.create(title="Секретно", originator=personas.state_a,
                           classification=Classification.SECRET)
    assert withheld_count(Dossier, viewer=personas.delegate_b, title__in=["Открыто", "Секретно"]) == 1
    assert withheld_count(Dossier, viewer=personas.delegate_b, title="Открыто") == 0
