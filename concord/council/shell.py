"""What the council shows in the shell: its menu, what the secretariat and the delegations may
do in it, and its records whose label the label page changes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core import clock
from concord.core.labels import PartyKind
from concord.core.shell import (
    Activity,
    AppShell,
    DashboardPanel,
    NavEntry,
    NavMenu,
    Relabelled,
    RoleGrant,
)
from concord.council import selectors

# The secretariat prepares sessions, drafts documents, records positions, outcomes and
# signatures, and tracks instructions; a delegation states its own state's position and reports
# on instructions addressed to it (the services hold them to their own state).
_SECRETARIAT = (
    "council.add_session", "council.change_session",
    "council.add_document", "council.change_document",
    "council.add_stateposition", "council.change_stateposition",
    "council.add_consensusoutcome", "council.add_signerkey", "council.change_signerkey",
    "council.add_signature",
    "council.add_treatyaction", "council.add_instruction", "council.change_instruction",
    "council.add_progressreport", "council.add_implementationreport",
    "council.change_implementationreport",
)
_DELEGATION = ("council.add_stateposition", "council.add_progressreport")

_SESSION, _DOCUMENT, _INSTRUCTION = "council.session", "council.document", "council.instruction"
_REPORT, _OFFICIAL = "council.implementationreport", "registry.official"

# What the council's audit actions say on their actor's dashboard.
ACTIVITIES = (
    Activity("council.session.create", _("You convened a session."),
             _("You convened the session “%(record)s”."), _SESSION),
    Activity("council.session.status", _("You changed the status of a session."),
             _("You changed the status of the session “%(record)s”."), _SESSION),
    Activity("council.session.participant_add", _("You added a participant to a session."),
             _("You added a participant to the session “%(record)s”."), _SESSION),
    Activity("council.session.participants_add_all",
             _("You added every member state to a session."),
             _("You added every member state to the session “%(record)s”."), _SESSION),
    Activity("council.session.participant_edit", _("You edited a participant of a session."),
             _("You edited a participant of the session “%(record)s”."), _SESSION),
    Activity("council.session.participant_remove",
             _("You removed a participant from a session."),
             _("You removed a participant from the session “%(record)s”."), _SESSION),
    Activity("council.session.participants_reorder",
             _("You reordered the participants of a session."),
             _("You reordered the participants of the session “%(record)s”."), _SESSION),
    Activity("council.agenda_item.add", _("You added an item to a session's agenda."),
             _("You added an item to the agenda of the session “%(record)s”."), _SESSION),
    Activity("council.agenda_item.edit", _("You edited an item of a session's agenda."),
             _("You edited an item of the agenda of the session “%(record)s”."), _SESSION),
    Activity("council.agenda_item.remove", _("You removed an item from a session's agenda."),
             _("You removed an item from the agenda of the session “%(record)s”."), _SESSION),
    Activity("council.agenda_item.reorder", _("You reordered a session's agenda."),
             _("You reordered the agenda of the session “%(record)s”."), _SESSION),
    Activity("council.agenda_item.outcome", _("You recorded the outcome of an agenda item."),
             _("You recorded the outcome of an agenda item of the session “%(record)s”."),
             _SESSION),
    Activity("council.document.register", _("You registered a draft document."),
             _("You registered the draft document “%(record)s”."), _DOCUMENT),
    Activity("council.document.agenda_item", _("You changed the agenda item of a document."),
             _("You changed the agenda item of the document “%(record)s”."), _DOCUMENT),
    Activity("council.document.text_revise", _("You revised the text of a document."),
             _("You revised the text of the document “%(record)s”."), _DOCUMENT),
    Activity("council.document.withdraw", _("You withdrew a document."),
             _("You withdrew the document “%(record)s”."), _DOCUMENT),
    Activity("council.document.proclaim", _("You recorded the proclamation of an act."),
             _("You recorded the proclamation of “%(record)s”."), _DOCUMENT),
    Activity("council.position.record", _("You recorded a state's position on a document."),
             _("You recorded a state's position on the document “%(record)s”."), _DOCUMENT),
    Activity("council.document.decide", _("You recorded the decision on a document."),
             _("You recorded the decision on the document “%(record)s”."), _DOCUMENT),
    Activity("council.document.sign", _("You recorded a signature of a document."),
             _("You recorded a signature of the document “%(record)s”."), _DOCUMENT),
    Activity("council.treaty.record", _("You recorded a state's action on a treaty."),
             _("You recorded a state's action on the treaty “%(record)s”."), _DOCUMENT),
    Activity("council.silence.start", _("You started a silence procedure."),
             _("You started the silence procedure on the document “%(record)s”."), _DOCUMENT),
    Activity("council.signer_key.register", _("You registered a signer key."),
             _("You registered a signer key of %(record)s."), _OFFICIAL),
    Activity("council.signer_key.revoke", _("You revoked a signer key."),
             _("You revoked a signer key of %(record)s."), _OFFICIAL),
    Activity("council.instruction.add", _("You gave an instruction."),
             _("You gave the instruction %(record)s."), _INSTRUCTION, related=("document",)),
    Activity("council.instruction.report", _("You reported on an instruction."),
             _("You reported on the instruction %(record)s."), _INSTRUCTION,
             related=("document",)),
    Activity("council.instruction.cancel", _("You cancelled an instruction."),
             _("You cancelled the instruction %(record)s."), _INSTRUCTION, related=("document",)),
    Activity("council.implementation_report.generate", _("You prepared a report on "
                                                         "implementation."),
             _("You prepared the report “%(record)s”."), _REPORT),
    Activity("council.implementation_report.edit", _("You edited a report on implementation."),
             _("You edited the report “%(record)s”."), _REPORT),
    # Opening a record labelled CONFIDENTIAL or above is audited as its read.
    Activity("council.session.read", _("You opened a session."),
             _("You opened the session “%(record)s”."), _SESSION),
    Activity("council.document.read", _("You opened a document."),
             _("You opened the document “%(record)s”."), _DOCUMENT),
    Activity("council.instruction.read", _("You opened an instruction."),
             _("You opened the instruction %(record)s."), _INSTRUCTION, related=("document",)),
    Activity("council.implementationreport.read", _("You opened a report on implementation."),
             _("You opened the report “%(record)s”."), _REPORT),
)

# A queue shows its first few items and links to the list of them all.
QUEUE_LENGTH = 5


def _first(items: Any) -> dict[str, Any]:
    found = list(items[:QUEUE_LENGTH + 1])
    return {"items": found[:QUEUE_LENGTH], "more": len(found) > QUEUE_LENGTH}


def _party_kind(user: Any) -> str:
    return str(getattr(getattr(user, "party", None), "kind", ""))


def secretariat_queue(request: HttpRequest) -> dict[str, Any]:
    viewer = request.user
    return {
        "today": clock.today(),
        "missing": _first(selectors.drafts_missing_positions(viewer=viewer)),
        "expected": selectors.states_taking_part(),
        "unsigned": _first(selectors.adopted_unsigned(viewer=viewer)),
        "due": _first(selectors.instructions_due(viewer=viewer)),
        "sessions": _first(selectors.sessions_ahead(viewer=viewer)),
    }


def delegation_queue(request: HttpRequest) -> dict[str, Any]:
    viewer = request.user
    return {
        "today": clock.today(),
        "awaiting": _first(selectors.drafts_awaiting_state(
            viewer=viewer, party=getattr(viewer, "party", None))),
        "due": _first(selectors.instructions_due(viewer=viewer, mine=True)),
        "sessions": _first(selectors.sessions_ahead(viewer=viewer)),
    }


SHELL = AppShell(
    menus=(NavMenu(key="council", label=_("Council"), icon="people", order=30,
                   url_name="council:session-list"),),
    entries=(
        NavEntry(key="council-sessions", menu="council", label=_("Sessions"), icon="easel",
                 order=10, url_name="council:session-list", active_on=("council:session-",)),
        NavEntry(key="council-calendar", menu="council", label=_("Calendar"), icon="calendar3",
                 order=20, url_name="council:calendar"),
        NavEntry(key="council-documents", menu="council", label=_("Documents"),
                 icon="file-earmark-text", order=30, url_name="council:document-list",
                 active_on=("council:document-",)),
        NavEntry(key="council-instructions", menu="council", label=_("Instructions"),
                 icon="list-check", order=40, url_name="council:instruction-list",
                 active_on=("council:instruction-",)),
        NavEntry(key="council-reports", menu="council", label=_("Reports on implementation"),
                 icon="journal-check", order=50, url_name="council:report-list",
                 active_on=("council:report-",)),
        NavEntry(key="council-signer-keys", menu="council", label=_("Signer keys"), icon="key",
                 order=60, url_name="council:signer-key-list",
                 active_on=("council:signer-key-",)),
    ),
    grants=(RoleGrant(role=Role.SECRETARIAT_OFFICER, permissions=_SECRETARIAT),
            RoleGrant(role=Role.SECRETARY_GENERAL, permissions=_SECRETARIAT),
            RoleGrant(role=Role.DELEGATE, permissions=_DELEGATION)),
    # Sessions and documents relabel from the label page, with the permission of their edit
    # pages.
    relabelled=(Relabelled(model="council.session", permission="council.change_session"),
                Relabelled(model="council.document", permission="council.change_document")),
    activities=ACTIVITIES,
    # Each role's work queue comes first on its dashboard, before the organization's overview.
    panels=(
        DashboardPanel(key="council-secretariat-queue", order=12,
                       template="council/panels/secretariat_queue.html",
                       context=secretariat_queue, permission="council.change_document",
                       shown_to=lambda user: _party_kind(user) == PartyKind.SECRETARIAT),
        DashboardPanel(key="council-delegation-queue", order=12,
                       template="council/panels/delegation_queue.html",
                       context=delegation_queue, permission="council.add_stateposition",
                       shown_to=lambda user: _party_kind(user) == PartyKind.STATE),
    ),
)
