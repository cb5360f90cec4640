"""The case's deployments: a contribution sent under an instruction of the case's decision, and
the next step of its lifecycle recorded from the case, through the forces' services."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.forms import form_page, posted
from concord.crisis.forms import DeployForm
from concord.crisis.selectors import cases as read
from concord.crisis.selectors import deployments as deployed
from concord.crisis.services.deployments import MOVE_CONTRIBUTION, case_deploy
from concord.crisis.views.case_forms import case_form
from concord.forces.forms import AdvanceForm
from concord.forces.selectors import formations as forces_read
from concord.forces.services import contributions


@form_page(MOVE_CONTRIBUTION)
def deployment_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    instructions = [(str(i.public_id), f"{i.document.symbol}, {_('instruction')} {i.number}: "
                     f"{i.text[:120]}")
                    for i in deployed.case_instructions(viewer=request.user, case=case)]
    offered = [(str(c.public_id), str(c))
               for c in deployed.deployable_contributions(viewer=request.user, case=case)]
    form = DeployForm(posted(request), instructions=instructions, contributions=offered)

    def deploy(data: dict[str, Any]) -> Any:
        return case_deploy(
            actor=request.user, case=case,
            instruction=deployed.case_instruction_get(viewer=request.user, case=case,
                                                      public_id=data["instruction"]),
            contribution=deployed.deployable_get(viewer=request.user, case=case,
                                                 public_id=data["contribution"]))

    return case_form(
        request, case, form, call=deploy, heading=_("Deploy a contingent"), submit=_("Deploy"),
        done=lambda made: _("“%(record)s” now belongs to the case.") % {"record": str(made)},
        help_text=_("The contribution is sent under an instruction of a decision taken on this "
                    "case; its next steps are written to the case's log and its unit is shown "
                    "on the case's map."))


@form_page(MOVE_CONTRIBUTION)
def deployment_step(request: HttpRequest, public_id: uuid.UUID,
                    contribution_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    contribution = deployed.case_deployment_get(viewer=request.user, case=case,
                                                public_id=contribution_id)
    # The decision the case's deployments go under is offered first for the "deployed" step.
    first = deployed.case_instructions(viewer=request.user, case=case).first()
    form = AdvanceForm(posted(request),
                       decisions=forces_read.decision_choices(viewer=request.user),
                       initial={"on": clock.today(),
                                "decision": str(first.document.public_id) if first else ""})
    # The strength at a step is the contributing state's report, made on the forces' page.
    for name in ("personnel_on_hand", "equipment_on_hand", "strength_withheld"):
        del form.fields[name]

    def advance(data: dict[str, Any]) -> Any:
        decision = forces_read.decision_by_id(viewer=request.user,
                                              public_id=data.pop("decision", "") or "")
        return contributions.contribution_advance(actor=request.user, contribution=contribution,
                                                  decision=decision, **data)

    return case_form(
        request, case, form, call=advance,
        heading=_("Deployment step of %(record)s") % {"record": str(contribution)},
        submit=_("Record the step"),
        done=lambda step: _("The contribution is now “%(status)s”.")
        % {"status": step.get_status_display()},
        help_text=_("Alerted, assembling, deployed, redeploying, released: each step is "
                    "written to the case's log."))
