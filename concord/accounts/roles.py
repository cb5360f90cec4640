"""What each role may do, as Django permissions held by a group of the role's name. The
permissions come from what each app grants the roles in its shell.py."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured

from concord.accounts.models import Role
from concord.core import shell


def role_permissions(role: Role) -> set[str]:
    """The permissions (`app_label.codename`) that the apps grant `role`."""
    return shell.registry.role_permissions(role.value)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    permission = Permission.objects.filter(content_type__app_label=app_label,
                                           codename=codename).first()
    if permission is None:
        raise ImproperlyConfigured(f"A role is granted {dotted!r}, which is no permission.")
    return permission


def roles_sync(**kwargs: Any) -> None:
    """Make every role's group hold exactly its permissions; safe to run any number of times."""
    unknown = sorted(shell.registry.granted_roles() - set(Role.values))
    if unknown:
        raise ImproperlyConfigured(f"Permissions are granted to {unknown[0]!r}, which is no role.")
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = {_permission(name).pk for name in role_permissions(role)}
        current = set(group.permissions.values_list("pk", flat=True))
        if wanted != current:
            group.permissions.set(wanted)
