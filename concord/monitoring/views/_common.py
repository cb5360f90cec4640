"""What the monitoring pages share: the filters read from the query string and the lists' choices."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.monitoring.filters import IncidentFilters, incident_filters
from concord.monitoring.geography import COUNTRIES, REGIONS
from concord.monitoring.models import Severity, Verification
from concord.monitoring.taxonomy import Category

PAGE_SIZE = 25


def _filters(request: HttpRequest, *, default_days: int = 0) -> IncidentFilters:
    filters = incident_filters(request.GET).or_warn(request)
    if default_days and not filters.date_from and not filters.date_to:
        return filters.over_last(default_days)
    return filters


# The period the situation picture opens on; the incident list, unfiltered, holds every date.
PICTURE_DAYS = 90


def _filter_context(filters: IncidentFilters) -> dict[str, Any]:
    return {"filters": filters, "picture_days": PICTURE_DAYS, "categories": Category.choices,
            "countries": [(c.alpha2, c.name_ru if _is_ru() else c.name_en) for c in COUNTRIES],
            "regions": [(r.code, r.label) for r in REGIONS], "severities": Severity.choices,
            "verifications": Verification.choices,
            "query": "&".join(f"{k}={v}" for k, v in filters.query_items())}


def _said_if_pending(request: HttpRequest, record: Any) -> Any:
    if getattr(record, "pending_label_change", None) is not None:
        messages.info(request, _("The lower label waits for a second person of your party to "
                                 "approve it."))
    return record


def _is_ru() -> bool:
    return (get_language() or "ru").startswith("ru")
