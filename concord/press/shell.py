"""What the press service shows in the shell: the public press pages for everyone, the desk for
the press officer and the secretariat, the public home page's lead, and the sentences of its
audit actions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import (
    Activity,
    AppShell,
    Audience,
    DashboardPanel,
    NavEntry,
    NavMenu,
    RoleGrant,
)
from concord.press.models import LANGUAGE_CODES
from concord.press.selectors import public
from concord.press.selectors import publications as desk

# The press officer drafts, corrects and withdraws; the secretariat reads the desk and is the
# second person who approves publication (the kernel's two-person rule holds the rest).
_PRESS = ("press.view_publication", "press.add_publication", "press.change_publication")
_SECRETARIAT = ("press.view_publication", "press.change_publication")

_PUBLICATION = "press.publication"

ACTIVITIES = (
    Activity("press.publication.draft", _("You drafted a publication."),
             _("You drafted the publication %(record)s."), _PUBLICATION),
    Activity("press.publication.issue", _("You drafted a publication from an adopted document."),
             _("You drafted the publication %(record)s from an adopted document."),
             _PUBLICATION),
    Activity("press.publication.write", _("You wrote the text of a publication."),
             _("You wrote the text of the publication %(record)s."), _PUBLICATION),
    Activity("press.publication.submit", _("You submitted a publication for approval."),
             _("You submitted the publication %(record)s for approval."), _PUBLICATION),
    Activity("press.publication.schedule", _("You approved a publication under embargo."),
             _("You approved the publication %(record)s under embargo."), _PUBLICATION),
    Activity("press.publication.publish", _("You approved and published a publication."),
             _("You approved and published the publication %(record)s."), _PUBLICATION),
    Activity("press.publication.release", _("A publication went out at the end of its embargo."),
             _("The publication %(record)s went out at the end of its embargo."),
             _PUBLICATION),
    Activity("press.publication.return", _("You sent a publication back to its drafter."),
             _("You sent the publication %(record)s back to its drafter."), _PUBLICATION),
    Activity("press.publication.correct", _("You corrected a publication."),
             _("You corrected the publication %(record)s."), _PUBLICATION),
    Activity("press.publication.translate", _("You published a translation."),
             _("You published the translation of %(record)s."), _PUBLICATION),
    Activity("press.publication.withdraw", _("You withdrew a publication."),
             _("You withdrew the publication %(record)s."), _PUBLICATION),
    Activity("press.file.add", _("You added a file to a publication."),
             _("You added a file to the publication %(record)s."), _PUBLICATION),
    Activity("press.section.create", _("You created a press section.")),
    Activity("press.section.update", _("You changed a press section.")),
    Activity("press.publication.read", _("You opened a publication."),
             _("You opened the publication %(record)s."), _PUBLICATION),
)

HOME_ITEMS, HOME_SESSIONS, HOME_DECISIONS = 6, 4, 5
DESK_QUEUE = 8


def public_home(request: HttpRequest) -> dict[str, Any]:
    language = (get_language() or "ru")[:2]
    language = language if language in LANGUAGE_CODES else "ru"
    return {
        "cards": [public.card(item, language) for item in public.published()[:HOME_ITEMS]],
        "sessions": public.sessions_ahead(limit=HOME_SESSIONS),
        "decisions": public.decisions_latest(limit=HOME_DECISIONS),
    }


def desk_queue(request: HttpRequest) -> dict[str, Any]:
    return {"items": list(desk.publication_list(viewer=request.user, status=(
        "draft", "review", "scheduled"))[:DESK_QUEUE])}


SHELL = AppShell(
    menus=(NavMenu(key="press", label=_("Press"), icon="megaphone", order=60,
                   url_name="press:index"),),
    entries=(
        NavEntry(key="press-news", menu="press", label=_("News"), icon="newspaper", order=10,
                 url_name="press:index", active_on=("press:index", "press:public-")),
        NavEntry(key="press-search", menu="press", label=_("Search"), icon="search", order=20,
                 url_name="press:search"),
        NavEntry(key="press-spokesman", menu="press", label=_("Spokesman"), icon="person-vcard",
                 order=30, url_name="press:spokesman"),
        NavEntry(key="press-desk", menu="press", label=_("Press desk"), icon="pencil-square",
                 order=40, url_name="press:publication-list", audience=Audience.SIGNED_IN,
                 permission="press.view_publication", active_on=("press:publication-",)),
    ),
    grants=(RoleGrant(role=Role.PRESS_OFFICER, permissions=_PRESS),
            RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=_SECRETARIAT),
            RoleGrant(role=Role.SECRETARY_GENERAL, permissions=_SECRETARIAT)),
    activities=ACTIVITIES,
    panels=(
        # The public home page leads with the news, the next sessions and the latest decisions.
        DashboardPanel(key="press-public-home", order=1, template="press/panels/home.html",
                       context=public_home, audience=Audience.SIGNED_OUT),
        DashboardPanel(key="press-desk-queue", order=14, template="press/panels/desk.html",
                       context=desk_queue, permission="press.change_publication"),
    ),
)
