"""The force deployments a case's decision sends: a contingent's contribution, earmarked in the
forces' deployment lifecycle, made to belong to the case under an instruction of the decision,
so that every later step of it (alerted, assembling, deployed, redeploying, released) is
written to the case's log and its unit shown on the case's map."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, SystemActor
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import can_read
from concord.council.models import Document, Instruction
from concord.crisis.models import Case, CaseLink
from concord.crisis.services.cases import _link, _name_of
from concord.crisis.services.log import happened_at
from concord.forces.models import Contribution, ContributionStatus, DeploymentStep, Formation, Unit
from concord.forces.services._common import require_own_state
from concord.forces.services.contributions import contribution_advance, contribution_earmark

DEPLOYING = (Document.Status.ADOPTED, Document.Status.PROCLAIMED)
# Sending a contingent is moving a contribution: the forces' permission, as on their pages.
MOVE_CONTRIBUTION = "forces.change_contribution"


def _instruction_errors(actor: Actor, case: Case, instruction: Instruction) -> dict[str, list[str]]:
    readable = isinstance(actor, SystemActor) or can_read(actor, instruction)
    if not readable:
        return {"instruction": [_("You may not read this instruction.")]}
    document_type, document_id = _name_of(instruction.document)
    if not CaseLink.objects.filter(case=case, target_type=document_type,
                                   target_id=document_id).exists():
        return {"instruction": [_("The instruction is not of a decision taken on this case.")]}
    if instruction.document.status not in DEPLOYING:
        return {"instruction": [_("The decision is %(status)s, not adopted.") % {
            "status": instruction.document.get_status_display()}]}
    return {}


@transaction.atomic
def case_deploy(*, actor: Actor, case: Case, instruction: Instruction,
                contribution: Contribution | None = None, formation: Formation | None = None,
                unit: Unit | None = None, period_from: date | None = None,
                at: datetime | None = None) -> Contribution:
    """Makes a contribution belong to the case under `instruction` of its decision: the one
    named, or one earmarked here of `unit` to `formation` from `period_from` (by the unit's own
    state, as the forces earmark). `at` dates the case's log entries when the deployment is
    entered after the fact."""
    require_permission(actor, MOVE_CONTRIBUTION)
    if not case.is_open:
        raise InvalidState(_("The case is closed."))
    errors = _instruction_errors(actor, case, instruction)
    if contribution is None:
        for field, given in (("formation", formation), ("unit", unit),
                             ("period_from", period_from)):
            if given is None:
                errors[field] = [_("Required unless a contribution is named.")]
    elif not (isinstance(actor, SystemActor) or can_read(actor, contribution)):
        errors["contribution"] = [_("You may not read this contribution.")]
    elif contribution.status == ContributionStatus.RELEASED:
        errors["contribution"] = [_("The contribution has been released.")]
    else:
        require_own_state(actor, contribution.state)
    if errors:
        raise ValidationError(_("The deployment was not added to the case."), errors=errors)
    if contribution is None:
        assert formation is not None and unit is not None and period_from is not None  # noqa: S101
        contribution = contribution_earmark(actor=actor, formation=formation, unit=unit,
                                            period_from=period_from)
    _link(case, *_name_of(instruction))
    if _link(case, *_name_of(contribution)):
        _audit_link(actor, case, instruction, contribution, at)
    return contribution


def _audit_link(actor: Actor, case: Case, instruction: Instruction, contribution: Contribution,
                at: datetime | None) -> None:
    # Audited on the contribution, now linked, so that the log entry naming its unit carries
    # the contribution's label rather than the case's.
    detail: dict[str, Any] = {
        "text": _("%(unit)s under instruction %(number)s of %(decision)s")
        % {"unit": contribution.unit.name, "number": instruction.number,
           "decision": instruction.document.symbol},
        "case": str(case.public_id), "instruction": str(instruction.public_id)}
    if at is not None:
        detail["event_at"] = at.isoformat()
    audit_record(actor=actor, action="crisis.deployment.link", target=contribution,
                 detail=detail)


@transaction.atomic
def case_deployment_advance(*, actor: Actor, case: Case, contribution: Contribution,
                            status: str, at: datetime | None = None,
                            **step: Any) -> DeploymentStep:
    """The next step of a contribution the case deployed, through the forces' lifecycle
    (`contribution_advance`, whose other fields `step` carries), on the day of `at` and logged
    at that moment: a step entered after the fact keeps its own time in the case's log."""
    if not CaseLink.objects.filter(case=case, target_type=Contribution._meta.label_lower,
                                   target_id=str(contribution.public_id)).exists():
        raise ValidationError(_("The deployment was not advanced."), errors={
            "contribution": [_("The contribution does not belong to this case.")]})
    moment = at or clock.now()
    on = moment.astimezone(clock.organization_time_zone()).date()
    with happened_at(at):
        return contribution_advance(actor=actor, contribution=contribution, status=status,
                                    on=on, **step)
