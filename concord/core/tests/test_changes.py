"""Every correction of a record's fields is saved and audited alike (concord.core.changes)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db import transaction

from concord.core.audit import audit_verify
from concord.core.changes import audited_update
from concord.core.errors import ValidationError
from concord.core.models import AuditEntry
from concord.registry.models import MemberState
from concord.registry.tests.factories import member_state


def _entries() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="test.state.update"))


def test_it_saves_and_audits_only_the_fields_that_changed(personas):
    state = member_state("KG")
    name_ru = state.name_ru

    changed = audited_update(actor=personas.officer, record=state, action="test.state.update",
                             values={"name_en": "Kyrgyz Republic", "name_ru": name_ru,
                                     "joined_on": date(1994, 4, 20)})

    state.refresh_from_db()
    [entry] = _entries()
    assert state.name_en == "Kyrgyz Republic"
    assert set(changed) == {"name_en", "joined_on"}
    assert json.loads(entry.detail)["changed"]["name_en"] == ["Kyrgyzstan", "Kyrgyz Republic"]
    assert json.loads(entry.detail)["changed"]["joined_on"][1] == "1994-04-20"
    assert audit_verify().ok


def test_it_writes_nothing_when_nothing_differs(personas):
    state = member_state("KG")

    changed = audited_update(actor=personas.officer, record=state, action="test.state.update",
                             values={"name_en": state.name_en})

    assert changed == {}
    assert _entries() == []


def test_it_leaves_the_record_as_it_was_when_the_new_values_are_refused(personas):
    state = member_state("KG")

    def refuse(record: MemberState) -> None:
        raise ValidationError("No.", errors={"name_en": ["Too short."]})

    with pytest.raises(ValidationError), transaction.atomic():
        audited_update(actor=personas.officer, record=state, action="test.state.update",
                       values={"name_en": "K"}, prepare=refuse)

    assert MemberState.objects.get(pk=state.pk).name_en == "Kyrgyzstan"
    assert _entries() == []
