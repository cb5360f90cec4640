"""Correcting a contribution's period and note. Its label is changed on the label page, where a
lowering waits for a second approver; its lifecycle only moves forward, step by step."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.forces.models import Contribution, ContributionStatus
from concord.forces.services._common import reader_for, require_own_state


def _period_errors(contribution: Contribution, period_from: date,
                   period_to: date | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if period_to is not None and period_to < period_from:
        errors["period_to"] = [_("The period ends after it begins.")]
    later = contribution.steps.exclude(status=ContributionStatus.EARMARKED).aggregate(
        first=Min("on"), last=Max("on"))
    if later["first"] is not None and period_from > later["first"]:
        errors.setdefault("period_from", []).append(
            _("The earmark cannot begin after the step of %(day)s.")
            % {"day": later["first"].isoformat()})
    if (period_to is not None and later["last"] is not None and period_to < later["last"]
            and contribution.status != ContributionStatus.RELEASED):
        errors.setdefault("period_to", []).append(
            _("The earmark cannot end before the step of %(day)s.")
            % {"day": later["last"].isoformat()})
    return errors


@transaction.atomic
def contribution_update(*, actor: Actor, contribution: Contribution, period_from: date,
                        period_to: date | None = None, note: str = "") -> Contribution:
    """The period the unit is earmarked for, and the note, as the contributing state (or the
    Joint Staff for it) corrects them. The earmark step is dated the first day of the period."""
    require_permission(actor, "forces.change_contribution")
    require_own_state(actor, contribution.state)
    errors = _period_errors(contribution, period_from, period_to)
    if errors:
        raise ValidationError(_("The contribution was not saved."), errors=errors)
    reader = reader_for(actor, contribution.originator, reason="forces: overlapping earmarks")
    overlapping = (Contribution.objects.visible_to(reader)
                   .filter(formation_id=contribution.formation_id, unit_id=contribution.unit_id)
                   .exclude(pk=contribution.pk).exclude(status=ContributionStatus.RELEASED)
                   .filter(Q(period_to__isnull=True) | Q(period_to__gte=period_from)))
    if period_to is not None:
        overlapping = overlapping.filter(period_from__lte=period_to)
    if overlapping.exists():
        raise Conflict(_("The unit is already earmarked to this formation for part of the "
                         "period."), errors={"period_from": [_("Overlaps another earmark.")]})
    before = {"from": contribution.period_from.isoformat(),
              "to": contribution.period_to.isoformat() if contribution.period_to else ""}
    contribution.period_from, contribution.period_to = period_from, period_to
    contribution.note = note.strip()
    fields = ["period_from", "period_to", "note"]
    if contribution.status == ContributionStatus.EARMARKED:
        contribution.status_since = period_from
        fields.append("status_since")
    contribution.save(update_fields=fields)
    contribution.steps.filter(status=ContributionStatus.EARMARKED).update(on=period_from)
    audit_record(actor=actor, action="forces.contribution.update", target=contribution,
                 detail={"before": before,
                         "after": {"from": period_from.isoformat(),
                                   "to": period_to.isoformat() if period_to else ""}})
    return contribution
