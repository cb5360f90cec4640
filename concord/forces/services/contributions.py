"""Contributions: a state earmarks a unit to a formation for a period; the contribution then
runs its deployment lifecycle, and command passes to the organization only by a transfer of
authority under a council decision."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.errors import (
    Conflict,
    Forbidden,
    InvalidState,
    ValidationError,
    require_permission,
)
from concord.core.models import Party
from concord.council.models import Document
from concord.forces.models import (
    TRANSITIONS,
    AuthorityTransfer,
    Contribution,
    ContributionStatus,
    DeploymentStep,
    Formation,
    Unit,
)
from concord.forces.services._common import (
    labelled_new,
    reader_for,
    require_own_state,
    validated,
)
from concord.forces.services.units import strength_record

_INVALID = _("Please correct the marked fields.")


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError(str(_INVALID), errors={field: [message]})


@transaction.atomic
def contribution_earmark(
    *, actor: Actor, formation: Formation, unit: Unit, period_from: date,
    period_to: date | None = None, note: str = "", illustrative: bool = False,
    classification: int | None = None, release_to_all_members: bool | None = None,
    releasable_to: Iterable[Party] | None = None,
) -> Contribution:
    """The state's earmark of `unit` to `formation`. Seen by whom the label says (by default
    whoever may see the unit); its strength figures keep their own labels."""
    require_permission(actor, "forces.add_contribution")
    require_own_state(actor, unit.state)
    if period_to is not None and period_to < period_from:
        raise _refuse("period_to", _("The period ends after it begins."))
    if unit.disbanded_on is not None and unit.disbanded_on <= period_from:
        raise _refuse("unit", _("The unit was disbanded on %(day)s.")
                      % {"day": unit.disbanded_on.isoformat()})
    reader = reader_for(actor, unit.originator, reason="forces: overlapping earmarks")
    overlapping = Contribution.objects.visible_to(reader).filter(
        formation=formation, unit=unit).exclude(status=ContributionStatus.RELEASED).filter(
        Q(period_to__isnull=True) | Q(period_to__gte=period_from))
    if period_to is not None:
        overlapping = overlapping.filter(period_from__lte=period_to)
    if overlapping.exists():
        raise Conflict(_("The unit is already earmarked to this formation for part of the "
                         "period."))
    contribution = Contribution(formation=formation, unit=unit, state=unit.state,
                                period_from=period_from, period_to=period_to,
                                status=ContributionStatus.EARMARKED, status_since=period_from,
                                note=note.strip(), illustrative=illustrative)
    labelled_new(
        contribution, actor=actor,
        classification=unit.classification if classification is None else classification,
        originator=unit.originator,
        release_to_all_members=(unit.release_to_all_members if release_to_all_members is None
                                else release_to_all_members),
        releasable_to=(list(unit.releasable_to.all()) if releasable_to is None
                       else releasable_to),
        sources=[formation, unit], action="forces.contribution.earmark",
        detail={"formation": formation.code, "unit": str(unit.public_id),
                "from": period_from.isoformat()})
    DeploymentStep.objects.create(contribution=contribution, status=ContributionStatus.EARMARKED,
                                  on=period_from, recorded_by_id=user_id(actor))
    return contribution


def may_report_strength(actor: Actor) -> bool:
    """The contributing state reports its unit's strength; the Joint Staff records the steps.
    Whether the actor's state is the unit's is the caller's to hold (require_own_state)."""
    try:
        require_permission(actor, "forces.add_strength")
    except Forbidden:
        return False
    return True


def _step_errors(contribution: Contribution, *, status: str, on: date, location_ru: str,
                 location_en: str, decision: Document | None, operation_ru: str,
                 operation_en: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if on < contribution.status_since:
        errors["on"] = [_("The step cannot precede the current status, of %(day)s.")
                        % {"day": contribution.status_since.isoformat()}]
    if status == ContributionStatus.DEPLOYED:
        if not (location_ru.strip() or location_en.strip()):
            errors["location_ru"] = [_("Say where the unit is deployed.")]
        if decision is None and not (operation_ru.strip() or operation_en.strip()):
            errors["decision"] = [_("Name the decision or the operation the unit is deployed "
                                    "for.")]
    return errors


@transaction.atomic
def contribution_advance(
    *, actor: Actor, contribution: Contribution, status: str, on: date,
    location_ru: str = "", location_en: str = "", latitude: float | None = None,
    longitude: float | None = None, decision: Document | None = None,
    operation_ru: str = "", operation_en: str = "", operation_ref: uuid.UUID | None = None,
    note: str = "", personnel_on_hand: int | None = None, equipment_on_hand: int | None = None,
    strength_classification: int | None = None,
    strength_release_to_all_members: bool | None = None,
    strength_releasable_to: Iterable[Party] | None = None,
) -> DeploymentStep:
    """The next step of the lifecycle: earmarked → alerted → assembling → deployed (where, for
    which decision or operation) → redeploying → released. Strength given at the step is
    recorded as the unit's, labelled as the state says. Release ends any transfer of
    authority in force."""
    require_permission(actor, "forces.change_contribution")
    require_own_state(actor, contribution.state)
    if (personnel_on_hand is not None or equipment_on_hand is not None) \
            and not may_report_strength(actor):
        raise _refuse("personnel_on_hand", _(
            "Strength is reported by the contributing state's delegation; record the step "
            "without it."))
    current = contribution.status
    if status not in ContributionStatus.values:
        raise _refuse("status", _("Unknown status."))
    if status not in TRANSITIONS[current]:
        raise InvalidState(_("A contribution that is “%(current)s” cannot become “%(next)s”.")
                           % {"current": ContributionStatus(current).label,
                              "next": ContributionStatus(status).label})
    errors = _step_errors(contribution, status=status, on=on, location_ru=location_ru,
                          location_en=location_en, decision=decision, operation_ru=operation_ru,
                          operation_en=operation_en)
    if errors:
        raise ValidationError(str(_INVALID), errors=errors)
    step = DeploymentStep(contribution=contribution, status=status, on=on,
                          location_ru=location_ru.strip(), location_en=location_en.strip(),
                          latitude=latitude, longitude=longitude, decision=decision,
                          operation_ru=operation_ru.strip(), operation_en=operation_en.strip(),
                          operation_ref=operation_ref, note=note.strip(),
                          recorded_by_id=user_id(actor))
    validated(step)
    step.save()
    contribution.status, contribution.status_since = status, on
    if status == ContributionStatus.RELEASED:
        _end_transfers(contribution, on)
    contribution.save(update_fields=["status", "status_since", "under_organization_command"])
    audit_record(actor=actor, action="forces.contribution.advance", target=contribution,
                 detail={"from": current, "to": status, "on": on.isoformat(),
                         "decision": str(decision.public_id) if decision else ""})
    if personnel_on_hand is not None or equipment_on_hand is not None:
        unit = Unit.objects.visible_to(reader_for(actor, contribution.originator,
                                                  reason="forces: strength at a step")) \
            .get(pk=contribution.unit_id)
        strength_record(actor=actor, unit=unit, as_of=on, personnel_on_hand=personnel_on_hand,
                        equipment_on_hand=equipment_on_hand, step=step,
                        classification=strength_classification,
                        release_to_all_members=strength_release_to_all_members,
                        releasable_to=strength_releasable_to)
    return step


def _end_transfers(contribution: Contribution, on: date) -> None:
    AuthorityTransfer.objects.filter(contribution=contribution, returned_on__isnull=True) \
        .update(returned_on=on)
    contribution.under_organization_command = False


@transaction.atomic
def authority_transfer(*, actor: Actor, contribution: Contribution, decision: Document,
                       effective_on: date, note: str = "") -> AuthorityTransfer:
    """Command of the contributed unit passes to the organization from `effective_on`, by an
    adopted council decision. Without it the unit stays under national command."""
    require_permission(actor, "forces.add_authoritytransfer")
    if contribution.status == ContributionStatus.RELEASED:
        raise InvalidState(_("The contribution has been released."))
    if decision.status != Document.Status.ADOPTED or decision.adopted_on is None:
        raise _refuse("decision", _("Authority passes only by an adopted council decision."))
    if effective_on < decision.adopted_on:
        raise _refuse("effective_on", _("The transfer cannot take effect before the decision "
                                        "was adopted (%(day)s).")
                      % {"day": decision.adopted_on.isoformat()})
    if contribution.transfers.filter(returned_on__isnull=True).exists():
        raise Conflict(_("Authority over this unit has already passed to the organization."))
    transfer = AuthorityTransfer(contribution=contribution, decision=decision,
                                 effective_on=effective_on, note=note.strip(),
                                 recorded_by_id=user_id(actor))
    validated(transfer)
    transfer.save()
    contribution.under_organization_command = effective_on <= clock.today()
    contribution.save(update_fields=["under_organization_command"])
    audit_record(actor=actor, action="forces.authority.transfer", target=contribution,
                 detail={"decision": decision.symbol, "effective_on": effective_on.isoformat()})
    return transfer


@transaction.atomic
def authority_return(*, actor: Actor, contribution: Contribution, returned_on: date,
                     note: str = "") -> AuthorityTransfer:
    """Command of the unit goes back to its state."""
    require_permission(actor, "forces.add_authoritytransfer")
    transfer = contribution.transfers.filter(returned_on__isnull=True).first()
    if transfer is None:
        raise InvalidState(_("The unit is under national command already."))
    if returned_on < transfer.effective_on:
        raise _refuse("returned_on", _("Command returns after it passed (%(day)s).")
                      % {"day": transfer.effective_on.isoformat()})
    transfer.returned_on = returned_on
    if note.strip():
        transfer.note = f"{transfer.note}\n{note.strip()}".strip()
    transfer.save(update_fields=["returned_on", "note"])
    contribution.under_organization_command = False
    contribution.save(update_fields=["under_organization_command"])
    audit_record(actor=actor, action="forces.authority.return", target=contribution,
                 detail={"returned_on": returned_on.isoformat()})
    return transfer
