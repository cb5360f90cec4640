"""The system actor is one named object that stays itself, acts where the system may, is named in
no audit entry, and cannot be confused with a missing actor."""

from __future__ import annotations

import copy
import pickle

import pytest
from django.contrib.auth.models import AnonymousUser

from concord.core.actors import SYSTEM, MissingActor, SystemActor, person, user_id
from concord.core.audit import audit_record
from concord.core.errors import Forbidden, require_permission
from concord.core.labels import Classification, Viewer
from concord.core.models import Party
from concord.core.policy import clearance_errors


def test_it_keeps_one_system_actor_through_copies_and_pickling():
    assert copy.deepcopy(SYSTEM) is SYSTEM
    assert pickle.loads(pickle.dumps(SYSTEM)) is SYSTEM  # noqa: S301  (our own bytes)
    with pytest.raises(TypeError):
        SystemActor()
    assert repr(SYSTEM) == "SYSTEM"


def test_it_lets_the_system_pass_a_permission_and_refuses_a_signed_out_user():
    require_permission(SYSTEM, "registry.add_body")
    with pytest.raises(Forbidden):
        require_permission(AnonymousUser(), "registry.add_body")


def test_it_refuses_a_permission_check_with_no_actor():
    with pytest.raises(MissingActor, match="pass the user, or SYSTEM"):
        require_permission(None, "registry.add_body")  # type: ignore[arg-type]


def test_it_lets_the_system_label_at_any_level_but_not_a_missing_actor(personas):
    assert clearance_errors(SYSTEM, Classification.SECRET) == {}
    assert clearance_errors(personas.delegate_b, Classification.CONFIDENTIAL) != {}
    with pytest.raises(MissingActor):
        clearance_errors(None, Classification.SECRET)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_it_writes_a_system_entry_with_no_user_and_refuses_one_with_no_actor():
    entry = audit_record(actor=SYSTEM, action="core.guard.repair", target_type="database_guard",
                         target_id="probe")
    assert (entry.actor_id, entry.actor_name, entry.party_code) == (None, "", "")
    with pytest.raises(MissingActor):
        audit_record(actor=None, action="core.guard.repair")  # type: ignore[arg-type]


def test_it_refuses_a_missing_actor_whichever_app_calls():
    # No app may stand None in for the system: monitoring's code, the last to move, names SYSTEM.
    monitoring: dict[str, object] = {"__name__": "concord.monitoring.probe",
                                      "require_permission": require_permission}
    exec("def check(actor):\n    require_permission(actor, 'monitoring.add_incident')\n",  # noqa: S102
         monitoring)
    with pytest.raises(MissingActor):
        monitoring["check"](None)  # type: ignore[operator]
    monitoring["check"](SYSTEM)  # type: ignore[operator]


def test_it_names_a_person_only_for_a_signed_in_user(personas):
    assert person(personas.officer) == personas.officer
    assert user_id(personas.officer) == personas.officer.pk
    for nobody in (SYSTEM, AnonymousUser()):
        with pytest.raises(Forbidden):
            person(nobody)
        assert user_id(nobody) is None
    party = Party(pk=1, code="SEC", kind="secretariat", release_bit=0)
    assert user_id(Viewer.for_party(party, Classification.SECRET)) is None
