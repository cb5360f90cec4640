"""What the registry shows in the shell: its menu, the registry editing of the secretariat,
and the organization's overview (on the public front page and every dashboard)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core import clock
from concord.core.shell import AppShell, Audience, DashboardPanel, NavEntry, NavMenu, RoleGrant
from concord.registry import selectors

_EDIT = (
    "registry.add_memberstate", "registry.change_memberstate",
    "registry.add_body", "registry.change_body",
    "registry.add_position", "registry.change_position",
    "registry.add_official", "registry.change_official",
    "registry.add_chairmanship", "registry.change_chairmanship",
)


def overview(request: HttpRequest) -> dict[str, Any]:
    year = clock.current_year()
    states = list(selectors.member_state_list(viewer=request.user))
    schedule = selectors.chairmanship_schedule(
        viewer=request.user, first_year=max(year, selectors.FIRST_CHAIR_YEAR),
        last_year=min(year + 2, selectors.LAST_CHAIR_YEAR))
    return {
        "states": states,
        "status_counts": Counter(s.status for s in states),
        "chair": schedule[0],
        "next_chairs": schedule[1:],
        "bodies": [node for node in selectors.body_tree(viewer=request.user)
                   if node.body.takes_decisions],
        "map_states": [{"numeric": s.iso_numeric, "name": s.name, "status": s.status,
                        "status_label": str(s.get_status_display()),
                        "url": s.get_absolute_url()} for s in states],
    }


SHELL = AppShell(
    menus=(NavMenu(key="registry", label=_("Registry"), icon="journal-text", order=20,
                   url_name="registry:state-list"),),
    entries=(
        NavEntry(key="registry-states", menu="registry", label=_("Member states"), icon="flag",
                 order=10, url_name="registry:state-list", active_on=("registry:state-",)),
        NavEntry(key="registry-bodies", menu="registry", label=_("Bodies"), icon="diagram-3",
                 order=20, url_name="registry:body-list", active_on=("registry:body-",)),
        NavEntry(key="registry-officials", menu="registry", label=_("Officials"),
                 icon="person-badge", order=30, url_name="registry:official-list",
                 active_on=("registry:official-", "registry:term-add")),
        NavEntry(key="registry-chairmanship", menu="registry", label=_("Chairmanship"),
                 icon="arrow-repeat", order=40, url_name="registry:chairmanship"),
    ),
    grants=(RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=_EDIT),
            RoleGrant(role=Role.SECRETARY_GENERAL, permissions=_EDIT)),
    panels=(DashboardPanel(key="organization-overview", order=20,
                           template="registry/partials/overview.html", context=overview,
                           audience=Audience.EVERYONE),),
)
