"""What the portal shows in the shell: the front page, the dashboard entry, and the kernel's
panels of a dashboard (lower labels waiting for their second person, the user's recent
actions)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.core import labelling
from concord.core.activity import activity_lines
from concord.core.selectors import audit_list_for_actor
from concord.core.shell import Activity, AppShell, Audience, DashboardPanel, NavEntry


def _label_changes(request: HttpRequest) -> dict[str, Any]:
    return {"label_changes": labelling.label_changes_pending(viewer=request.user)}


def _recent_actions(request: HttpRequest) -> dict[str, Any]:
    return {"recent_actions": activity_lines(
        viewer=request.user, entries=audit_list_for_actor(viewer=request.user))}


# The kernel's own audit actions, told here as the portal shows the kernel's panels.
ACTIVITIES = (
    Activity("core.label.raise", _("You raised the label of a record.")),
    Activity("core.label.lower_requested", _("You asked for a lower label of a record.")),
    Activity("core.label.lower_approved", _("You approved a lower label of a record.")),
    Activity("core.label.lower_refused", _("You refused a lower label of a record.")),
)


SHELL = AppShell(
    home="portal:home",
    activities=ACTIVITIES,
    entries=(NavEntry(key="dashboard", label=_("Dashboard"), icon="speedometer2", order=10,
                      url_name="portal:dashboard", audience=Audience.SIGNED_IN),),
    panels=(
        DashboardPanel(key="label-changes", order=10,
                       template="portal/panels/label_changes.html", context=_label_changes,
                       permission="core.approve_labelchange"),
        DashboardPanel(key="recent-actions", order=90,
                       template="portal/panels/recent_actions.html", context=_recent_actions),
    ),
)
