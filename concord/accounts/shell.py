"""What accounts shows in the shell: the account corner, and the kernel's own permissions
given to the roles that use them (core cannot name a role: roles are defined here)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, NavEntry, Place, RoleGrant

_APPROVE_LOWER_LABEL = "core.approve_labelchange"

_USER = "accounts.user"

# What the accounts' audit actions say on their actor's dashboard (a refused or failed one is
# marked so beside the sentence).
ACTIVITIES = (
    Activity("accounts.sign_in", _("You signed in.")),
    Activity("accounts.sign_out", _("You signed out.")),
    Activity("accounts.totp.enrol", _("You set up the second factor of your sign-in.")),
    Activity("accounts.token.create", _("You created an API token.")),
    Activity("accounts.token.revoke", _("You revoked an API token.")),
    Activity("accounts.token.revoke_all", _("You revoked all your API tokens.")),
    Activity("accounts.user.create", _("You created a user account."),
             _("You created the user account %(record)s."), _USER),
    Activity("accounts.user.deactivate", _("You deactivated a user account."),
             _("You deactivated the user account %(record)s."), _USER),
    Activity("accounts.user.set_password", _("You changed the password of a user account."),
             _("You changed the password of the user account %(record)s."), _USER),
)

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
    activities=ACTIVITIES,
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
