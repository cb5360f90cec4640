"""Each role's group holds exactly the permissions the role has always had, whoever declares
them: the pinned sets below change only when a role is meant to change."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from concord.accounts.models import Role
from concord.accounts.roles import roles_sync

_REGISTRY_EDIT = {
    "registry.add_memberstate", "registry.change_memberstate",
    "registry.add_body", "registry.change_body",
    "registry.add_position", "registry.change_position",
    "registry.add_official", "registry.change_official",
    "registry.add_chairmanship", "registry.change_chairmanship",
}
_COUNCIL_SECRETARIAT = {
    "council.add_session", "council.change_session",
    "council.add_document", "council.change_document",
    "council.add_stateposition", "council.change_stateposition",
    "council.add_consensusoutcome", "council.add_signerkey", "council.change_signerkey",
    "council.add_signature",
    "council.add_treatyaction", "council.add_instruction", "council.change_instruction",
    "council.add_progressreport", "council.add_implementationreport",
    "council.change_implementationreport",
}
# The secretariat reads the press desk and is the second person who approves publication.
_PRESS_APPROVAL = {"press.view_publication", "press.change_publication"}
# Delegations file their state's requests, pledge, ship and receive; the secretariat also opens,
# closes and completes requests.
_ASSISTANCE_DELEGATION = {
    "assistance.add_assistancerequest", "assistance.add_pledge", "assistance.change_pledge",
    "assistance.add_delivery", "assistance.change_delivery",
}
_ASSISTANCE_SECRETARIAT = _ASSISTANCE_DELEGATION | {"assistance.change_assistancerequest"}
PINNED = {
    Role.SECRETARIAT_OFFICER: _REGISTRY_EDIT | _COUNCIL_SECRETARIAT | _PRESS_APPROVAL
    | _ASSISTANCE_SECRETARIAT | {"core.view_auditentry", "core.approve_labelchange"},
    Role.SECRETARY_GENERAL: _REGISTRY_EDIT | _COUNCIL_SECRETARIAT | _PRESS_APPROVAL
    | _ASSISTANCE_SECRETARIAT
    | {"core.view_auditentry", "core.approve_labelchange"},
    Role.DELEGATE: {"council.add_stateposition", "council.add_progressreport",
                    "core.approve_labelchange"} | _ASSISTANCE_DELEGATION,
    Role.JOINT_STAFF_OFFICER: set(),
    Role.CRISIS_ANALYST: {
        "monitoring.add_incident", "monitoring.change_incident", "monitoring.verify_incident",
        "monitoring.add_indicator", "monitoring.change_indicator", "monitoring.change_alert",
        "monitoring.add_situationreport", "monitoring.change_situationreport",
        "core.approve_labelchange",
    },
    Role.PRESS_OFFICER: {"press.view_publication", "press.add_publication",
                         "press.change_publication"},
}
# Joint operations: the secretariat records them and publishes their figures, the Joint Staff
# records them, the press office publishes figures, and each state's delegates report results.
_OPERATIONS = {"forces.add_operation", "forces.change_operation"}
PINNED[Role.SECRETARIAT_OFFICER] |= _OPERATIONS | {"forces.add_operationpublication"}
PINNED[Role.JOINT_STAFF_OFFICER] |= _OPERATIONS
PINNED[Role.PRESS_OFFICER] |= {"forces.add_operationpublication"}
PINNED[Role.DELEGATE] |= {"forces.add_operationresult", "forces.change_operationresult"}

# The fair-share proposal: the secretariat proposes from declared capacities and a burden key; a
# delegation declares its state's capacity and answers its part; both sides sign handover acts
# and end-use certificates.
_ALLOCATION_BOTH = {"assistance.add_endusecertificate", "assistance.change_endusecertificate",
                    "assistance.add_handoversignature", "assistance.change_allocationrow"}
_ALLOCATION_SECRETARIAT = _ALLOCATION_BOTH | {
    "assistance.add_allocationproposal", "assistance.add_burdenkey",
    "assistance.add_capacitydeclaration"}
PINNED[Role.SECRETARIAT_OFFICER] |= _ALLOCATION_SECRETARIAT
PINNED[Role.SECRETARY_GENERAL] |= _ALLOCATION_SECRETARIAT
PINNED[Role.DELEGATE] |= _ALLOCATION_BOTH | {"assistance.add_capacitydeclaration"}
# The collective forces: the Joint Staff keeps formations, contributions and exercises; a
# delegation keeps its state's units, their strength and readiness, and its participations;
# lessons are read by the secretariat and the delegations.
PINNED[Role.JOINT_STAFF_OFFICER] |= {
    "forces.add_formation", "forces.change_formation", "forces.add_contribution",
    "forces.change_contribution", "forces.add_authoritytransfer", "forces.add_readinessreport",
    "forces.add_exercise", "forces.change_exercise", "forces.add_exerciseparticipant",
    "forces.add_evaluation", "forces.add_lesson", "forces.change_lesson", "forces.view_lesson"}
PINNED[Role.DELEGATE] |= {
    "forces.add_unit", "forces.change_unit", "forces.add_strength", "forces.add_contribution",
    "forces.change_contribution", "forces.add_readinessreport",
    "forces.add_exerciseparticipant", "forces.view_lesson"}
PINNED[Role.SECRETARIAT_OFFICER] |= {"forces.view_lesson"}
# Crisis cases: the crisis centre and the secretariat open and run them; the Joint Staff writes
# in their log.
_CASES = {"crisis.add_case", "crisis.change_case", "crisis.add_logentry"}
PINNED[Role.CRISIS_ANALYST] |= _CASES
PINNED[Role.SECRETARIAT_OFFICER] |= _CASES
PINNED[Role.JOINT_STAFF_OFFICER] |= {"crisis.add_logentry"}
# The federation's node registry is read by the secretariat.
PINNED[Role.SECRETARIAT_OFFICER] |= {"federation.view_node"}
# The secretariat sees the peers' checkpoints this node witnessed, and any fork evidence.
PINNED[Role.SECRETARIAT_OFFICER] |= {"federation.view_peercheckpoint"}
PINNED[Role.SECRETARY_GENERAL] |= {"federation.view_peercheckpoint"}


def _held(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return {f"{app}.{codename}" for app, codename in
            group.permissions.values_list("content_type__app_label", "codename")}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.name.lower())
def test_it_gives_each_role_exactly_its_pinned_permissions(role):
    roles_sync()
    assert _held(role) == PINNED[role]


@pytest.mark.django_db
def test_it_gives_back_a_permission_taken_from_a_role_and_takes_back_one_added():
    roles_sync()
    group = Group.objects.get(name=Role.DELEGATE.value)
    officer = Group.objects.get(name=Role.SECRETARIAT_OFFICER.value)
    group.permissions.set(officer.permissions.all())
    roles_sync()
    roles_sync()
    assert _held(Role.DELEGATE) == PINNED[Role.DELEGATE]
    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}


@pytest.mark.parametrize(("language", "shown", "hidden"), [
    ("ru", "Представитель государства-члена", "Delegate of a member state"),
    ("en", "Delegate of a member state", "Представитель государства-члена"),
])
def test_it_names_the_users_roles_on_the_profile_page_in_its_language(client, personas, language,
                                                                       shown, hidden):
    client.force_login(personas.delegate_b)

    page = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE=language)

    roles = re.search(r"<dd[^>]*>(<span class=\"badge[^\n]*)</dd>", page.content.decode())
    assert roles, "the profile lists the roles"
    assert shown in roles.group(1)
    assert hidden not in roles.group(1)
    assert Role.DELEGATE.value not in roles.group(1)
