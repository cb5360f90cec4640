"""Readiness reports: recorded by the contributing state per unit, or from an exercise's
evaluation; the overall level is the lowest axis unless overridden with a reason."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.errors import ValidationError, require_permission
from concord.core.models import Party
from concord.forces.models import AXES, Level, ReadinessReport, SourceKind, Unit, lowest
from concord.forces.services._common import (
    check_label,
    party_of,
    reader_for,
    require_own_state,
    validated,
)


def _previous(*, actor: Actor, unit: Unit, reported_on: date) -> ReadinessReport | None:
    # Carried over only from what the reporter may read: a report never passes on axes its
    # author could not see.
    reader = reader_for(actor, unit.originator, reason="forces: readiness carried over")
    return (ReadinessReport.objects.visible_to(reader)
            .filter(unit=unit, reported_on__lte=reported_on)
            .order_by("-reported_on", "-id").first())


def _carry_over(given: dict[str, int | None], previous: ReadinessReport) -> bool:
    carried = False
    for axis in AXES:
        if given[axis] is None and getattr(previous, axis) is not None:
            given[axis] = getattr(previous, axis)
            carried = True
    return carried


def _level_errors(given: dict[str, int | None], *, override: int | None,
                  forecast_level: int | None) -> dict[str, list[str]]:
    levels = {**given, "override": override, "forecast_level": forecast_level}
    return {field: [_("Choose a level of the four-level scale.")]
            for field, level in levels.items() if level is not None and level not in Level.values}


@transaction.atomic
def readiness_record(
    *, actor: Actor, unit: Unit, reported_on: date,
    personnel: int | None = None, equipment: int | None = None, training: int | None = None,
    sustainment: int | None = None, override: int | None = None, override_reason: str = "",
    notice_to_move_days: int | None = None, caveats: str | None = None,
    forecast_on: date | None = None, forecast_level: int | None = None,
    source_kind: str = SourceKind.STATE_REPORT, source_text: str = "",
    source_ref: uuid.UUID | None = None, classification: int | None = None,
    release_to_all_members: bool | None = None, releasable_to: Iterable[Party] | None = None,
) -> ReadinessReport:
    """A unit's readiness on `reported_on`. Axes left out keep their value from the unit's
    latest earlier report (an exercise evaluation gives `training` alone); notice to move and
    caveats likewise. The overall level is the lowest axis, or `override` with a reason. The
    report is labelled like what it is made of (the unit, and the report it carries over)
    unless a narrower label is given."""
    require_permission(actor, "forces.add_readinessreport")
    require_own_state(actor, unit.state)
    given: dict[str, int | None] = {"personnel": personnel, "equipment": equipment,
                                     "training": training, "sustainment": sustainment}
    previous = _previous(actor=actor, unit=unit, reported_on=reported_on)
    carried = False
    if previous is not None:
        carried = _carry_over(given, previous)
        if notice_to_move_days is None and previous.notice_to_move_days is not None:
            notice_to_move_days, carried = previous.notice_to_move_days, True
        if caveats is None and previous.caveats:
            caveats, carried = previous.caveats, True
    rule = lowest(list(given.values()))
    errors = _level_errors(given, override=override, forecast_level=forecast_level)
    if rule is None:
        errors["training"] = [_("Give the level of at least one axis.")]
    if override is not None and not override_reason.strip():
        errors["override_reason"] = [_("Say why the overall level differs from the lowest "
                                       "axis.")]
    if source_kind not in SourceKind.values:
        errors["source_kind"] = [_("Unknown source.")]
    if forecast_on is not None and forecast_on <= reported_on:
        errors["forecast_on"] = [_("The forecast date follows the report.")]
    if errors or rule is None:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    level: int = rule
    template = previous if carried and previous is not None else unit
    sources = [unit, previous] if carried and previous is not None else [unit]
    originator = party_of(actor) or unit.originator
    label_classification = template.classification if classification is None else classification
    to_all = template.release_to_all_members if release_to_all_members is None \
        else release_to_all_members
    release = list(template.releasable_to.all()) if releasable_to is None else list(releasable_to)
    check_label(actor=actor, classification=label_classification, originator=originator,
                release_to_all_members=to_all, releasable_to=release, sources=sources)
    overall = override if override is not None else level
    overridden = overall != level
    report = ReadinessReport(
        unit=unit, reported_on=reported_on, overall=overall,
        overridden=overridden, override_reason=override_reason.strip() if overridden else "",
        notice_to_move_days=notice_to_move_days, caveats=(caveats or "").strip(),
        forecast_on=forecast_on, forecast_level=forecast_level, source_kind=source_kind,
        source_text=source_text.strip(), source_ref=source_ref, originator=originator,
        classification=label_classification, release_to_all_members=to_all,
        recorded_by_id=user_id(actor), **given)
    validated(report, exclude=["public_id"])
    report.save()
    report.releasable_to.set(release)
    audit_record(actor=actor, action="forces.readiness.record", target=report,
                 detail={"unit": str(unit.public_id), "reported_on": reported_on.isoformat(),
                         "overall": report.overall, "overridden": overridden,
                         "source_kind": source_kind})
    return report
