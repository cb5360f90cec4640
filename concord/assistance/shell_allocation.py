"""What the fair-share proposal, the handover acts and the end-use certificates add to the
assistance app's shell: the permissions each role holds for them and their activity sentences."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from concord.core.shell import Activity

_PROPOSAL = "assistance.allocationproposal"
_DELIVERY = "assistance.delivery"
_PLEDGE = "assistance.pledge"

# The secretariat asks for proposals and records acts and certificates; a delegation answers
# its state's part of a proposal and signs for its state.
SECRETARIAT = ("assistance.add_allocationproposal", "assistance.change_allocationrow",
               "assistance.add_handoversignature", "assistance.add_endusecertificate",
               "assistance.change_endusecertificate")
DELEGATION = ("assistance.change_allocationrow", "assistance.add_handoversignature",
              "assistance.add_endusecertificate", "assistance.change_endusecertificate")



def _proposal_name(proposal: Any) -> str:
    request = proposal.request
    day = proposal.created_at.date().isoformat()
    return f"{request.reference} ({day})" if request is not None else day


ACTIVITIES = (
    Activity("assistance.allocation.propose", _("You asked for a fair-share proposal."),
             _("You asked for a fair-share proposal, %(record)s."), _PROPOSAL,
             name=_proposal_name),
    Activity("assistance.allocation.answer", _("You answered a fair-share proposal."),
             _("You answered the fair-share proposal %(record)s."), _PROPOSAL,
             name=_proposal_name),
    Activity("assistance.allocationproposal.read", _("You opened a fair-share proposal."),
             _("You opened the fair-share proposal %(record)s."), _PROPOSAL,
             name=_proposal_name),
)
