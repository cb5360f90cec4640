"""What the assistance app shows in the shell: its menu, what the secretariat and the
delegations may do in it, each delegation's panel of requests to answer and pledges overdue, the
secretariat's panel of requests to move on, and the sentence of each of its audit actions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.assistance import shell_allocation
from concord.assistance.selectors import requests as selectors
from concord.core import clock
from concord.core.labels import PartyKind
from concord.core.shell import Activity, AppShell, DashboardPanel, NavEntry, NavMenu, RoleGrant

# Delegations file their state's requests, pledge, ship and receive; the secretariat manages
# every request (opens, closes, completes) and may record any of these on a state's behalf.
_DELEGATION = ("assistance.add_assistancerequest", "assistance.add_pledge",
               "assistance.change_pledge", "assistance.add_delivery",
               "assistance.change_delivery")
_SECRETARIAT = (*_DELEGATION, "assistance.change_assistancerequest")

_REQUEST, _PLEDGE = "assistance.assistancerequest", "assistance.pledge"


def _pledge_name(pledge: Any) -> str:
    return f"{pledge.state} → {pledge.request.reference}" if pledge.request else str(pledge.state)


ACTIVITIES = (
    Activity("assistance.request.create", _("You filed an assistance request."),
             _("You filed the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.line_add", _("You added a line to an assistance request."),
             _("You added a line to the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.update", _("You edited an assistance request."),
             _("You edited the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.submit", _("You submitted an assistance request."),
             _("You submitted the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.open", _("You opened an assistance request for offers."),
             _("You opened the assistance request “%(record)s” for offers."), _REQUEST),
    Activity("assistance.request.close", _("You closed the offers on an assistance request."),
             _("You closed the offers on the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.complete", _("You completed an assistance request."),
             _("You completed the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.withdraw", _("You withdrew an assistance request."),
             _("You withdrew the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.remind",
             _("The delegations were reminded that an offer window closes soon."),
             _("The delegations were reminded that offers on “%(record)s” close soon."),
             _REQUEST),
    Activity("assistance.pledge.make", _("You recorded a pledge."),
             _("You recorded the pledge %(record)s."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
    Activity("assistance.pledge_line.revise", _("You revised a pledge."),
             _("You revised the pledge %(record)s."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
    Activity("assistance.pledge_line.commit", _("You recorded a commitment."),
             _("You recorded a commitment of the pledge %(record)s."), _PLEDGE,
             name=_pledge_name, related=("request", "state")),
    Activity("assistance.pledge_line.cancel", _("You cancelled a pledge line."),
             _("You cancelled a line of the pledge %(record)s."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
    Activity("assistance.pledge_line.respond", _("You answered a pledge."),
             _("You answered the pledge %(record)s."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
    Activity("assistance.pledge.overdue", _("A pledge was flagged overdue."),
             _("The pledge %(record)s was flagged overdue."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
    Activity("assistance.delivery.ship", _("You recorded a consignment shipped."),
             _("You recorded a consignment shipped under the pledge %(record)s."), _PLEDGE,
             name=_pledge_name, related=("request", "state")),
    Activity("assistance.delivery.receive", _("You recorded a consignment delivered."),
             _("You recorded a consignment delivered under the pledge %(record)s."), _PLEDGE,
             name=_pledge_name, related=("request", "state")),
    Activity("assistance.delivery.accept", _("You accepted a consignment."),
             _("You accepted a consignment under the pledge %(record)s."), _PLEDGE,
             name=_pledge_name, related=("request", "state")),
    # Opening a record labelled CONFIDENTIAL or above is audited as its read.
    Activity("assistance.assistancerequest.read", _("You opened an assistance request."),
             _("You opened the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.pledge.read", _("You opened a pledge."),
             _("You opened the pledge %(record)s."), _PLEDGE, name=_pledge_name,
             related=("request", "state")),
)

# The edit page's changes of a request's phases and lines.
EDIT_ACTIVITIES = (
    Activity("assistance.request.phase_add", _("You added a phase to an assistance request."),
             _("You added a phase to the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.phase_update", _("You changed a phase of an assistance "
                                                  "request."),
             _("You changed a phase of the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.phase_remove", _("You removed a phase of an assistance "
                                                  "request."),
             _("You removed a phase of the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.line_update", _("You changed a line of an assistance "
                                                 "request."),
             _("You changed a line of the assistance request “%(record)s”."), _REQUEST),
    Activity("assistance.request.line_remove", _("You removed a line of an assistance "
                                                 "request."),
             _("You removed a line of the assistance request “%(record)s”."), _REQUEST),
)

QUEUE_LENGTH = 5


def _first(items: Any) -> dict[str, Any]:
    found = list(items[:QUEUE_LENGTH + 1])
    return {"items": found[:QUEUE_LENGTH], "more": len(found) > QUEUE_LENGTH}


def _party_kind(user: Any) -> str:
    return str(getattr(getattr(user, "party", None), "kind", ""))


def delegation_panel(request: HttpRequest) -> dict[str, Any]:
    viewer = request.user
    party = selectors.party_of(viewer)
    state = selectors.state_of(viewer)
    overdue = (selectors.overdue_pledge_lines(viewer=viewer, state=state)
               if state is not None else [])
    return {"today": clock.today(), "state": state,
            "open": _first(selectors.requests_open_to(viewer=viewer, party=party)),
            "overdue": _first(overdue)}


def secretariat_panel(request: HttpRequest) -> dict[str, Any]:
    viewer = request.user
    return {"today": clock.today(),
            "waiting": _first(selectors.requests_to_manage(viewer=viewer)),
            "overdue": _first(selectors.overdue_pledge_lines(viewer=viewer))}


SHELL = AppShell(
    menus=(NavMenu(key="assistance", label=_("Assistance"), icon="box-seam", order=45,
                   url_name="assistance:request-list"),),
    entries=(
        NavEntry(key="assistance-requests", menu="assistance", label=_("Requests"),
                 icon="inboxes", order=10, url_name="assistance:request-list",
                 active_on=("assistance:request-", "assistance:pledge-")),
        NavEntry(key="assistance-my-pledges", menu="assistance", label=_("Our pledges"),
                 icon="hand-thumbs-up", order=20, url_name="assistance:my-pledges",
                 permission="assistance.add_pledge", active_on=("assistance:state-",
                                                                "assistance:my-pledges")),
    ),
    grants=(RoleGrant(role=Role.SECRETARIAT_OFFICER,
                      permissions=(*_SECRETARIAT, *shell_allocation.SECRETARIAT)),
            RoleGrant(role=Role.SECRETARY_GENERAL,
                      permissions=(*_SECRETARIAT, *shell_allocation.SECRETARIAT)),
            RoleGrant(role=Role.DELEGATE,
                      permissions=(*_DELEGATION, *shell_allocation.DELEGATION))),
    activities=(*ACTIVITIES, *EDIT_ACTIVITIES, *shell_allocation.ACTIVITIES),
    panels=(
        DashboardPanel(key="assistance-delegation", order=14,
                       template="assistance/panels/delegation.html",
                       context=delegation_panel, permission="assistance.add_pledge",
                       shown_to=lambda user: _party_kind(user) == PartyKind.STATE),
        DashboardPanel(key="assistance-secretariat", order=14,
                       template="assistance/panels/secretariat.html",
                       context=secretariat_panel,
                       permission="assistance.change_assistancerequest",
                       shown_to=lambda user: _party_kind(user) == PartyKind.SECRETARIAT),
    ),
)
