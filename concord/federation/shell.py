"""What the federation shows in the shell: the copies received from other nodes, for signed-in
users (each sees those the read rule lets them), and the node registry for the secretariat."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, NavEntry, RoleGrant

_SIGNED_IN = Audience.SIGNED_IN
_COPY = "federation.receivedcopy"

# What the federation's audit actions say on their actor's dashboard. Bundles are exported and
# filed by the system (the command line or a peer node's request), so most name no user.
ACTIVITIES = (
    Activity("federation.node.register", _("A node of the federation was registered.")),
    Activity("federation.node.rotate", _("A node's key was replaced.")),
    Activity("federation.node.revoke", _("A node's key was revoked.")),
    Activity("federation.bundle.export", _("A bundle was prepared for another node.")),
    Activity("federation.bundle.accept", _("A bundle from another node was filed.")),
    Activity("federation.bundle.refuse", _("A bundle from another node was refused.")),
    Activity("federation.copy.refuse", _("A record in a bundle from another node was refused.")),
    Activity("federation.copy.withdraw", _("A received copy was withdrawn by its origin."),
             _("The copy “%(record)s” was withdrawn by its origin."), _COPY),
    # Opening a copy labelled CONFIDENTIAL or above is audited as its read.
    Activity("federation.receivedcopy.read", _("You opened a received copy."),
             _("You opened the received copy “%(record)s”."), _COPY),
)

# The federation's pages sit in the registry's menu, beside the member states whose nodes they
# are: the bar has no room for another menu.
SHELL = AppShell(
    entries=(
        NavEntry(key="federation-copies", menu="registry", label=_("Received copies"),
                 icon="inboxes", order=50, url_name="federation:copy-list",
                 audience=_SIGNED_IN, active_on=("federation:copy-",)),
        NavEntry(key="federation-nodes", menu="registry", label=_("Federation nodes"),
                 icon="hdd-network", order=60, url_name="federation:node-list",
                 audience=_SIGNED_IN, permission="federation.view_node"),
    ),
    grants=(RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=("federation.view_node",)),),
    activities=ACTIVITIES,
)
