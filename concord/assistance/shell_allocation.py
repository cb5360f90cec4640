"""What the fair-share proposal, the handover acts and the end-use certificates add to the
assistance app's shell: the permissions each role holds for them and their activity sentences."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from concord.core.shell import Activity

_PROPOSAL = "assistance.allocationproposal"
_PLEDGE = "assistance.pledge"
_CAPACITY = "assistance.capacitydeclaration"

# The secretariat asks for proposals and records acts and certificates; a delegation answers
# its state's part of a proposal and signs for its state.
SECRETARIAT = ("assistance.add_allocationproposal", "assistance.add_burdenkey",
               "assistance.add_capacitydeclaration", "assistance.change_allocationrow",
               "assistance.add_handoversignature", "assistance.add_endusecertificate",
               "assistance.change_endusecertificate")
DELEGATION = ("assistance.change_allocationrow", "assistance.add_capacitydeclaration",
              "assistance.add_handoversignature",
              "assistance.add_endusecertificate", "assistance.change_endusecertificate")



def _proposal_name(proposal: Any) -> str:
    request = proposal.request
    day = proposal.created_at.date().isoformat()
    return f"{request.reference} ({day})" if request is not None else day


def _pledge_name(pledge: Any) -> str:
    request = pledge.request
    return f"{pledge.state.name}, {request.reference}" if request is not None else \
        pledge.state.name


ACTIVITIES = (
    Activity("assistance.allocation.propose", _("You asked for a fair-share proposal."),
             _("You asked for a fair-share proposal, %(record)s."), _PROPOSAL,
             name=_proposal_name),
    Activity("assistance.allocation.answer", _("You answered a fair-share proposal."),
             _("You answered the fair-share proposal %(record)s."), _PROPOSAL,
             name=_proposal_name),
    Activity("assistance.capacity.declare", _("You declared a state's capacity."),
             _("You declared a capacity of %(record)s."), _CAPACITY),
    Activity("assistance.burden_key.create", _("You created a burden-sharing key."),
             _("You created the burden-sharing key “%(record)s”."), "assistance.burdenkey"),
    Activity("assistance.capacitydeclaration.read", _("You opened a capacity declaration."),
             _("You opened a capacity declaration of %(record)s."), _CAPACITY),
    Activity("assistance.handover.draw", _("You drew up a handover act."),
             _("You drew up a handover act for the pledge of %(record)s."), _PLEDGE,
             name=_pledge_name),
    Activity("assistance.handover.sign", _("You recorded a signature of a handover act."),
             _("You recorded a signature of a handover act for the pledge of %(record)s."),
             _PLEDGE, name=_pledge_name),
    Activity("assistance.end_use.issue", _("You issued an end-use certificate."),
             _("You issued an end-use certificate for the pledge of %(record)s."), _PLEDGE,
             name=_pledge_name),
    Activity("assistance.end_use.sign", _("You signed an end-use certificate."),
             _("You signed an end-use certificate for the pledge of %(record)s."), _PLEDGE,
             name=_pledge_name),
    Activity("assistance.allocationproposal.read", _("You opened a fair-share proposal."),
             _("You opened the fair-share proposal %(record)s."), _PROPOSAL,
             name=_proposal_name),
)
