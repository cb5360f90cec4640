"""What the council shows in the shell: its menu, what the secretariat and the delegations may
do in it, and its records whose label the label page changes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import AppShell, NavEntry, NavMenu, Relabelled, RoleGrant

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
)
