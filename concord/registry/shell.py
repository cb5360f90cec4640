"""What the registry shows in the shell: its menu, the registry editing of the secretariat,
and the organization's overview (on the public front page and every dashboard)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core import clock
from concord.core.shell import (
    Activity,
    AppShell,
    Audience,
    DashboardPanel,
    NavEntry,
    NavMenu,
    RoleGrant,
)
from concord.registry import selectors

_EDIT = (
    "registry.add_memberstate", "registry.change_memberstate",
    "registry.add_body", "registry.change_body",
    "registry.add_position", "registry.change_position",
    "registry.add_official", "registry.change_official",
    "registry.add_chairmanship", "registry.change_chairmanship",
)

_STATE, _BODY = "registry.memberstate", "registry.body"
_OFFICIAL, _CHAIR = "registry.official", "registry.chairmanship"

# What the registry's audit actions say on their actor's dashboard.
ACTIVITIES = (
    Activity("registry.member_state.register", _("You registered a member state."),
             _("You registered the member state %(record)s."), _STATE),
    Activity("registry.member_state.status_change", _("You changed a member state's status."),
             _("You changed the status of the member state %(record)s."), _STATE),
    Activity("registry.member_state.update", _("You edited a member state."),
             _("You edited the member state %(record)s."), _STATE),
    Activity("registry.body.create", _("You created a body."),
             _("You created the body “%(record)s”."), _BODY),
    Activity("registry.body.update", _("You edited a body."),
             _("You edited the body “%(record)s”."), _BODY),
    Activity("registry.position.create", _("You created a position."),
             _("You created the position “%(record)s”."), "registry.position"),
    Activity("registry.official.create", _("You entered an official."),
             _("You entered the official %(record)s."), _OFFICIAL),
    Activity("registry.official.update", _("You edited an official."),
             _("You edited the official %(record)s."), _OFFICIAL),
    Activity("registry.term.add", _("You recorded a term of office."),
             _("You recorded a term of office of %(record)s."), _OFFICIAL),
    Activity("registry.chairmanship.record", _("You recorded a chairmanship."),
             _("You recorded the chairmanship of %(record)s."), _CHAIR,
             name=lambda chair: f"{chair.state.name} ({chair.year})", related=("state",)),
    Activity("registry.chairmanship.update", _("You changed a chairmanship."),
             _("You changed the chairmanship of %(record)s."), _CHAIR,
             name=lambda chair: f"{chair.state.name} ({chair.year})", related=("state",)),
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
    activities=ACTIVITIES,
    panels=(DashboardPanel(key="organization-overview", order=20,
                           template="registry/partials/overview.html", context=overview,
                           audience=Audience.EVERYONE),),
)
