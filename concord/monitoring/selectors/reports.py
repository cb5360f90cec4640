"""Situation reports as the viewer may read them, and what a report says: generated from the
incidents and alerts of its period that the reader may read."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, QuerySet, Sum

from concord.core.actors import Viewer
from concord.core.labels import Classification
from concord.core.policy import Audience, audience_of, audience_of_rows
from concord.core.scoping import labelled_get, public_id_of
from concord.monitoring.filters import filters_from
from concord.monitoring.geography import BY_ALPHA2
from concord.monitoring.models import SituationReport
from concord.monitoring.selectors.incidents import incident_list
from concord.monitoring.selectors.indicators import alert_list
from concord.monitoring.selectors.picture import situation_summary
from concord.monitoring.taxonomy import Category

TOP_INCIDENTS = 10


def _trend(now: int, before: int) -> float | None:
    return round(100.0 * (now - before) / before, 1) if before else None


def report_content(*, viewer: Viewer, region: str, start: date, end: date) -> tuple[
        dict[str, Any], Audience]:
    """What the report says, and the audience of what it says it from (the incidents of the
    period and of the period before, which its trends count, and the alerts)."""
    params: dict[str, Any] = {"from": start.isoformat(), "to": end.isoformat(), "region": region}
    filters = filters_from(params)
    length = (end - start).days + 1
    before_filters = filters_from({**params, "from": (start - timedelta(days=length))
                                   .isoformat(),
                                   "to": (start - timedelta(days=1)).isoformat()})
    incidents = incident_list(viewer=viewer, filters=filters).order_by()
    before = incident_list(viewer=viewer, filters=before_filters).order_by()
    totals = incidents.aggregate(count=Count("id"), fatalities=Sum("fatalities"),
                                 injured=Sum("injured"), highest=Max("classification"))
    previous = before.aggregate(count=Count("id"), fatalities=Sum("fatalities"))
    by_category_before = dict(before.values_list("category").annotate(n=Count("id")))
    labels = dict(Category.choices)
    by_category = [
        {"category": code, "label": str(labels[code]), "count": n,
         "fatalities": fatalities or 0, "before": by_category_before.get(code, 0),
         "trend": _trend(n, by_category_before.get(code, 0))}
        for code, n, fatalities in incidents.values_list("category").annotate(
            n=Count("id"), f=Sum("fatalities")).order_by("-n", "category")]
    by_country = [
        {"country": code, "name_en": BY_ALPHA2[code].name_en,
         "name_ru": BY_ALPHA2[code].name_ru, "count": n, "fatalities": fatalities or 0}
        for code, n, fatalities in incidents.values_list("country").annotate(
            n=Count("id"), f=Sum("fatalities")).order_by("-n", "country")]
    weekly: dict[str, dict[str, int]] = {}
    for category, week, n in incidents.values_list("category", "week").annotate(n=Count("id")):
        weekly.setdefault(week.isoformat(), {})[category] = n
    serious = list(incidents.order_by("-severity", "-fatalities", "-occurred_on")[:TOP_INCIDENTS])
    summary = situation_summary(viewer=viewer, filters=filters, zoom=5)
    # The alerts whose window overlaps the period, the open ones and those that ended.
    alerts = list(alert_list(viewer=viewer).filter(window_end__gte=start,
                                                             window_start__lte=end))
    audience = audience_of_rows(incidents) & audience_of_rows(before) & audience_of(alerts)
    content = {
        "totals": {"incidents": totals["count"], "fatalities": totals["fatalities"] or 0,
                   "injured": totals["injured"] or 0,
                   "incidents_before": previous["count"],
                   "fatalities_before": previous["fatalities"] or 0,
                   "trend": _trend(totals["count"], previous["count"])},
        "by_category": by_category, "by_country": by_country,
        "weekly": [{"week": week, "counts": counts} for week, counts in sorted(weekly.items())],
        "clusters": summary.clusters,
        "serious": [{"id": str(i.public_id), "date": i.occurred_on.isoformat(),
                     "place": ", ".join(p for p in (i.location, i.admin1,
                                                    BY_ALPHA2[i.country].name_en) if p),
                     "locality": ", ".join(p for p in (i.location, i.admin1) if p),
                     "country": i.country, "category_code": i.category,
                     "category": str(labels[i.category]), "fatalities": i.fatalities,
                     "injured": i.injured, "narrative": i.narrative[:500],
                     "verification": i.verification,
                     "classification": Classification(i.classification).name}
                    for i in serious],
        "alerts": [{"id": str(a.public_id), "indicator": a.indicator.name,
                    "indicator_ru": a.indicator.name_ru, "indicator_en": a.indicator.name_en,
                    "level": a.level,
                    "value": a.value, "window_start": a.window_start.isoformat(),
                    "window_end": a.window_end.isoformat(), "active": a.ended_at is None}
                   for a in alerts],
    }
    return content, audience


def report_list(*, viewer: Viewer) -> QuerySet[SituationReport]:
    return SituationReport.objects.visible_to(viewer).order_by("-period_end", "-generated_at")


def report_get(*, viewer: Viewer, public_id: Any) -> SituationReport:
    return labelled_get(  # type: ignore[no-any-return]
        SituationReport.objects.select_related("originator", "generated_by"), viewer=viewer,
        public_id=public_id_of(SituationReport, public_id))
