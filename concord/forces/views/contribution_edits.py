"""The page that corrects a contribution's period and note; its label is changed on the label
page of the portal, where the originating state's lowering waits for a second approver."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.forms import form_page, posted, submit_to_service
from concord.forces.contribution_forms import ContributionForm
from concord.forces.selectors import formations as reads
from concord.forces.services import contribution_edits as services


@form_page("forces.change_contribution")
def contribution_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contribution = reads.contribution_get(viewer=request.user, public_id=public_id)
    form = ContributionForm(posted(request), initial={
        "period_from": contribution.period_from, "period_to": contribution.period_to,
        "note": contribution.note})
    own = getattr(request.user, "party_id", None) == contribution.originator_id
    lead = (_("The label of the contribution is changed on its label page; a lower label waits "
              "for a second approver.") if own else
            _("The label of the contribution is its state's to change."))
    return submit_to_service(
        request, form,
        call=lambda data: services.contribution_update(actor=request.user,
                                                       contribution=contribution, **data),
        success_url=contribution.get_absolute_url(),
        success_message=_("The contribution was saved."), template="forces/units/form.html",
        context={"title": _("Contribution %(record)s") % {"record": str(contribution)},
                 "back": contribution.get_absolute_url(), "lead": lead,
                 "lead_url": reverse("portal:relabel", args=["forces.contribution",
                                                             contribution.public_id])
                 if own else ""})
