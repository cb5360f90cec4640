"""What accounts shows in the shell: the account corner, and the kernel's own permissions
given to the roles that use them (core cannot name a role: roles are defined here)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import AppShell, Audience, NavEntry, Place, RoleGrant

_APPROVE_LOWER_LABEL = "core.approve_labelchange"

SHELL = AppShell(
    entries=(
        NavEntry(key="profile", label=_("Profile"), icon="person", order=10,
                 url_name="accounts:profile", place=Place.ACCOUNT, audience=Audience.SIGNED_IN),
        NavEntry(key="sign-out", label=_("Sign out"), icon="box-arrow-right", order=20,
                 url_name="accounts:logout", place=Place.ACCOUNT, audience=Audience.SIGNED_IN,
                 post=True),
        NavEntry(key="sign-in", label=_("Sign in"), icon="box-arrow-in-right", order=10,
                 url_name="accounts:login", place=Place.ACCOUNT,
                 audience=Audience.SIGNED_OUT),
    ),
    grants=(
        # The secretariat reads the audit log; whoever may lower a label of their party's
        # records may also be the second person who approves it.
        RoleGrant(role=Role.SECRETARIAT_OFFICER,
                  permissions=("core.view_auditentry", _APPROVE_LOWER_LABEL)),
        RoleGrant(role=Role.SECRETARY_GENERAL,
                  permissions=("core.view_auditentry", _APPROVE_LOWER_LABEL)),
        RoleGrant(role=Role.DELEGATE, permissions=(_APPROVE_LOWER_LABEL,)),
        RoleGrant(role=Role.CRISIS_ANALYST, permissions=(_APPROVE_LOWER_LABEL,)),
    ),
)
