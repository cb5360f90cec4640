"""Situation reports: generated for a period and region from what the analyst may read, then
edited. No write-down: the report is labelled at least as high as the highest incident or alert
it aggregates, and stays with the secretariat unless everything in it is released to all."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import SYSTEM, Actor, SystemActor, Viewer, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import ValidationError, require_permission
from concord.core.labelling import label_change
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.core.policy import audience_mask, label_within, system_viewer
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import SituationReport
from concord.monitoring.selectors.reports import report_content, report_list

log = logging.getLogger(__name__)


@transaction.atomic
def report_generate(*, actor: Actor, start: date, end: date, region: str = "",
                    title: str = "", originator: Party | None = None) -> SituationReport:
    require_permission(actor, "monitoring.add_situationreport")
    errors: dict[str, list[str]] = {}
    if end < start:
        errors["period_end"] = [_("The end of the period is before its start.")]
    if region and region not in REGION_BY_CODE:
        errors["region"] = [_("Unknown region.")]
    party = originator or getattr(actor, "party", None)
    if party is None:
        errors["originator"] = [_("Choose the originating party.")]
    if errors or party is None:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    viewer: Viewer = system_viewer(
        party, reason="the operator's or the schedule's situation report",
    ) if isinstance(actor, SystemActor) else actor
    content, audience = report_content(viewer=viewer, region=region, start=start, end=end)
    # Everyone who may read all that the report aggregates may read the report, and no one else.
    label = label_within(audience, originator=party, floor=Classification.OFFICIAL_USE)
    area = str(REGION_BY_CODE[region].label) if region else _("the area of responsibility")
    report = SituationReport.objects.create(
        title=title or _("The situation in %(area)s, %(start)s – %(end)s") % {
            "area": area, "start": date_format(start, "SHORT_DATE_FORMAT"),
            "end": date_format(end, "SHORT_DATE_FORMAT")},
        region=region, period_start=start, period_end=end, content=content,
        label_floor=audience.classification, floor_released_to_all=label.release_to_all_members,
        classification=label.classification, originator=party,
        release_to_all_members=label.release_to_all_members,
        floor_release_mask=audience_mask(audience),
        generated_by_id=user_id(actor))
    report.releasable_to.set(label.releasable_to)
    audit_record(actor=actor, action="monitoring.report.generate", target=report,
                 detail={"incidents": content["totals"]["incidents"], "region": region,
                         "from": start.isoformat(), "to": end.isoformat()})
    return report


def previous_week(today: date) -> tuple[date, date]:
    """The last full ISO week (Monday to Sunday) before the week of `today`."""
    monday = today - timedelta(days=today.weekday() + 7)
    return monday, monday + timedelta(days=6)


@transaction.atomic
def weekly_reports_generate(*, today: date | None = None) -> list[SituationReport]:
    """Draft the crisis centre's weekly report: the whole area of responsibility over the last
    full week (UTC), as the secretariat's reading, left for an analyst to edit. A week is drafted
    once: when the system already made that week's report, nothing is made again."""
    start, end = previous_week(today or clock.now().date())
    # Locking the secretariat's row makes two runs at once (the periodic task and an operator's
    # `concord situation weekly`) take turns, so that the second one finds the first one's report.
    secretariat = (Party.objects.select_for_update().filter(kind=PartyKind.SECRETARIAT)
                   .order_by("pk").first())
    if secretariat is None:
        log.warning("no weekly situation report for %s to %s: there is no secretariat party",
                    start, end)
        return []
    # A report with no user behind it was made by the system as the secretariat's reading: by
    # this schedule, or by the operator's command line for the same week, which reads the same.
    reader = system_viewer(secretariat, reason="finding the weekly situation report drafted")
    drafted = report_list(viewer=reader).filter(
        originator=secretariat, generated_by__isnull=True, region="", period_start=start,
        period_end=end)
    if drafted.exists():
        log.info("the weekly situation report for %s to %s is already drafted", start, end)
        return []
    report = report_generate(actor=SYSTEM, start=start, end=end, originator=secretariat)
    log.info("drafted the weekly situation report %s for %s to %s", report.public_id, start, end)
    return [report]


def _edited(report: SituationReport) -> None:
    report.edited_at = clock.now()


@transaction.atomic
def report_update(*, actor: Actor, report: SituationReport, title: str, assessment: str,
                  conclusions: str, classification: int, release_to_all_members: bool,
                  releasable_to: Iterable[Party] | None = None) -> SituationReport:
    require_permission(actor, "monitoring.change_situationreport")
    named = None if releasable_to is None else set(releasable_to)
    # The label is checked by label_change below: never wider than what the report aggregates
    # (its floor audience), never above the analyst's clearance.
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the report a title.")]
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    audited_update(actor=actor, record=report, action="monitoring.report.edit",
                   values={"title": title.strip(), "assessment": assessment,
                           "conclusions": conclusions},
                   prepare=_edited, derived=("edited_at",))
    # A lower label waits for a second approver (concord.core.labelling).
    report.pending_label_change = label_change(  # type: ignore[attr-defined]
        actor=actor, record=report, classification=classification,
        release_to_all_members=release_to_all_members,
        releasable_to=report.releasable_to.all() if named is None else named)
    return report
