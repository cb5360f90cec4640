"""What each role may do, as Django permissions held by a group of the role's name."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from concord.accounts.models import Role

_REGISTRY_EDIT = [
    "registry.add_memberstate", "registry.change_memberstate",
    "registry.add_body", "registry.change_body",
    "registry.add_position", "registry.change_position",
    "registry.add_official", "registry.change_official",
    "registry.add_chairmanship", "registry.change_chairmanship",
]

# The secretariat prepares sessions, drafts documents, records positions, outcomes and
# signatures, and tracks instructions; a delegation states its own state's position and reports
# on instructions addressed to it (the services hold them to their own state).
_COUNCIL_SECRETARIAT = [
    "council.add_session", "council.change_session",
    "council.add_document", "council.change_document",
    "council.add_stateposition", "council.change_stateposition",
    "council.add_consensusoutcome", "council.add_signerkey", "council.change_signerkey",
    "council.add_signature",
    "council.add_treatyaction", "council.add_instruction", "council.change_instruction",
    "council.add_progressreport", "council.add_implementationreport",
    "council.change_implementationreport",
]
_COUNCIL_DELEGATE = ["council.add_stateposition", "council.add_progressreport"]

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.SECRETARIAT_OFFICER: [*_REGISTRY_EDIT, "core.view_auditentry", *_COUNCIL_SECRETARIAT,
                               "core.approve_labelchange"],
    Role.SECRETARY_GENERAL: [*_REGISTRY_EDIT, "core.view_auditentry", *_COUNCIL_SECRETARIAT,
                             "core.approve_labelchange"],
    Role.DELEGATE: [*_COUNCIL_DELEGATE, "core.approve_labelchange"],
    Role.JOINT_STAFF_OFFICER: [],
    Role.CRISIS_ANALYST: [
        "monitoring.add_incident", "monitoring.change_incident", "monitoring.verify_incident",
        "monitoring.add_indicator", "monitoring.change_indicator",
        "monitoring.add_situationreport", "monitoring.change_situationreport",
        "core.approve_labelchange",
    ],
    Role.PRESS_OFFICER: [],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def roles_sync(**kwargs: Any) -> None:
    """Make every role's group hold exactly its permissions; safe to run any number of times."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role, dotted_names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = {_permission(name).pk for name in dotted_names}
        current = set(group.permissions.values_list("pk", flat=True))
        if wanted != current:
            group.permissions.set(wanted)
