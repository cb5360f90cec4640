"""The situation picture: counts, timeline, map and the most serious incidents of the period."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from concord.monitoring import selectors
from concord.monitoring.geography import COUNTRIES, REGION_BY_CODE
from concord.monitoring.taxonomy import Category
from concord.monitoring.views._common import (
    _filter_context,
    _filters,
    _is_ru,
)


@login_required
def situation(request: HttpRequest) -> HttpResponse:
    # The picture opens on the last 90 days, the window the early-warning baseline uses.
    filters = _filters(request, default_days=90)
    summary = selectors.situation_summary(viewer=request.user, filters=filters, zoom=4)
    labels = dict(Category.choices)
    # The timeline adds the countries up: one series a category, one point a week.
    per_week: dict[tuple[str, str], int] = {}
    for count in summary.counts:
        key = (count["category"], count["week"])
        per_week[key] = per_week.get(key, 0) + count["count"]
    timeline = {"weeks": summary.weeks, "series": [
        {"category": c["category"], "label": str(labels[c["category"]]),
         "counts": [per_week.get((c["category"], week), 0) for week in summary.weeks]}
        for c in summary.by_category]}
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
               "timeline": timeline,
               "alerts": selectors.alert_list(viewer=request.user, active=True)[:5],
               "summary_url": reverse("api:situation_summary")}
    return render(request, "monitoring/situation.html", context)
