"""What the witnessing of checkpoints shows in the shell: its page, for the secretariat, and how
its audit actions read."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, NavEntry, Place, RoleGrant
from concord.federation.selectors.witness import PERMISSION

_NODE = "federation.node"

ACTIVITIES = (
    Activity("federation.witness.cosign", _("You cosigned a peer node's audit checkpoint."),
             _("You cosigned an audit checkpoint of the node %(record)s."), _NODE),
    Activity("federation.witness.refuse", _("You refused to cosign a peer node's audit "
                                            "checkpoint."),
             _("You refused to cosign an audit checkpoint of the node %(record)s."), _NODE),
    Activity("federation.witness.cosignature",
             _("You received a witness's cosignature of this node's audit checkpoint."),
             _("You received the cosignature of the witness %(record)s."), _NODE),
    Activity("federation.witness.request",
             _("You asked a witness to cosign this node's audit checkpoint, without success."),
             _("You asked the witness %(record)s to cosign this node's audit checkpoint, "
               "without success."), _NODE),
)

SHELL = AppShell(
    entries=(
        NavEntry(key="witnesses", label=_("Witnessed checkpoints"), icon="patch-check",
                 order=15, url_name="federation:witness-overview", place=Place.ACCOUNT,
                 permission=PERMISSION),
    ),
    grants=(
        RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=(PERMISSION,)),
        RoleGrant(role=Role.SECRETARY_GENERAL, permissions=(PERMISSION,)),
    ),
    activities=ACTIVITIES,
)
