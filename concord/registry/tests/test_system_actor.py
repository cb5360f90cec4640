"""A registry write names who made it: a person, or the system as SYSTEM. No actor at all is a
mistake in the caller, refused before anything is written."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from concord.core.actors import SYSTEM, MissingActor
from concord.core.errors import Forbidden
from concord.core.models import AuditEntry, Party
from concord.registry import services
from concord.registry.models import Body, BodyKind, MemberState
from concord.registry.tests.test_services import UZBEKISTAN


def _body(code: str) -> dict[str, Any]:
    return dict(code=code, name_ru="Совет министров обороны", name_en="Council of Defence "
                "Ministers", kind=BodyKind.COUNCIL)


def test_it_refuses_a_registration_given_no_actor_and_writes_nothing(personas):
    with pytest.raises(MissingActor, match="SYSTEM"):
        services.member_state_register(actor=None, **UZBEKISTAN)  # type: ignore[arg-type]

    assert not MemberState.objects.exists()
    assert not Party.objects.filter(code="UZ").exists()
    assert not AuditEntry.objects.exists()


def test_it_refuses_a_body_given_no_actor(personas):
    with pytest.raises(MissingActor):
        services.body_create(actor=None, **_body("CMO"))  # type: ignore[arg-type]

    assert not Body.objects.filter(code="CMO").exists()


def test_it_audits_the_system_as_the_system_with_no_user_named(personas):
    state = services.member_state_register(actor=SYSTEM, **UZBEKISTAN)

    [entry] = AuditEntry.objects.all()
    assert (entry.action, entry.target_id) == ("registry.member_state.register", str(state.pk))
    assert (entry.actor_id, entry.actor_name, entry.party_code) == (None, "", "")
    assert [change.recorded_by for change in state.status_history.all()] == [None]


def test_it_still_refuses_a_signed_out_user_where_the_system_passes(personas):
    with pytest.raises(Forbidden):
        services.body_create(actor=AnonymousUser(), **_body("CMO"))

    services.body_create(actor=SYSTEM, **_body("CMO"))
    assert Body.objects.filter(code="CMO").exists()


def test_it_names_the_person_who_registered_a_state(personas):
    state = services.member_state_register(actor=personas.officer, **UZBEKISTAN)

    [entry] = AuditEntry.objects.all()
    assert entry.actor_name == personas.officer.username
    assert [change.recorded_by for change in state.status_history.all()] == [personas.officer]
