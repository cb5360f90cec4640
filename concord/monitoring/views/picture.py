"""The situation picture: counts, timeline, map and the most serious incidents of the period."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.monitoring import selectors
from concord.monitoring.filters import IncidentFilters
from concord.monitoring.geography import BY_ALPHA2, COUNTRIES, REGION_BY_CODE
from concord.monitoring.taxonomy import Category
from concord.monitoring.views._common import (
    PICTURE_DAYS,
    _filter_context,
    _filters,
    _is_ru,
)


@login_required
def situation(request: HttpRequest) -> HttpResponse:
    # The picture opens on the last 90 days, the window the early-warning baseline uses.
    filters = _filters(request, default_days=PICTURE_DAYS)
    summary = selectors.situation_summary(viewer=request.user, filters=filters, zoom=4)
    labels = dict(Category.choices)
    timeline = _timeline(summary.weeks, summary.counts, summary.by_category, labels)
    serious = selectors.incident_list(viewer=request.user, filters=filters).order_by(
        "-severity", "-fatalities", "-occurred_on")[:10]
    country_names = {c.alpha2: (c.name_ru if _is_ru() else c.name_en) for c in COUNTRIES}
    context = {**_filter_context(filters), "summary": summary, "serious": serious,
               "by_country": [{"name": country_names[c["country"]], **c}
                              for c in summary.by_country],
               "by_category": [{"label": labels[c["category"]], **c}
                               for c in summary.by_category],
               "by_region": [{"label": REGION_BY_CODE[r["region"]].label, **r}
                             for r in summary.by_region],
               "timeline": timeline, "focus": ",".join(_focus(filters)),
               "alerts": selectors.alert_list(viewer=request.user, active=True)[:5],
               "summary_url": reverse("api:situation_summary")}
    return render(request, "monitoring/situation.html", context)


# A stacked bar of more series than this cannot be read: the largest categories of the period
# are shown, and the rest add up to one series.
TIMELINE_SERIES = 5


def _timeline(weeks: Sequence[Any], counts: Sequence[dict[str, Any]],
              by_category: Sequence[dict[str, Any]], labels: dict[str, Any]) -> dict[str, Any]:
    """The weekly counts of the largest categories, the countries added up, and of all the
    others together."""
    per_week: dict[tuple[str, Any], int] = {}
    for count in counts:
        key = (count["category"], count["week"])
        per_week[key] = per_week.get(key, 0) + count["count"]
    ranked = [c["category"] for c in sorted(by_category, key=lambda c: -c["count"])]
    shown, rest = ranked[:TIMELINE_SERIES], ranked[TIMELINE_SERIES:]
    if len(rest) == 1:
        shown, rest = ranked, []
    series = [{"category": category, "label": str(labels[category]),
               "counts": [per_week.get((category, week), 0) for week in weeks]}
              for category in shown]
    if rest:
        series.append({"category": "", "label": _("Other categories (%(count)d)")
                       % {"count": len(rest)},
                       "counts": [sum(per_week.get((category, week), 0) for category in rest)
                                  for week in weeks]})
    return {"weeks": weeks, "series": series}


def _focus(filters: IncidentFilters) -> list[str]:
    """The countries the map zooms to, by their ISO numeric codes (the map's boundaries are
    keyed so): those filtered on, or those of the region filtered on."""
    codes = list(filters.countries)
    if not codes and filters.region:
        region = REGION_BY_CODE[filters.region]
        codes = [*region.countries, *(country for country, _unit in region.admin1)]
    return sorted({BY_ALPHA2[code].numeric for code in codes if code in BY_ALPHA2})
