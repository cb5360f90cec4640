"""The incidents' filters, read from a query string (concord.core.filters): one parser for the
situation picture, the incident list, its exports and the API, so that a URL means the same
everywhere. A value that cannot be read is named in the errors: the API refuses the request
naming the parameter and the value, a page says which filter it left out. Category, country and
verification take several values (`?category=a&category=b`, or `a,b`); the known ones of a list
still filter a page when another is unknown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from concord.core import filters as read
from concord.core.clock import today
from concord.core.filters import Parsed, Sort
from concord.monitoring.geography import BY_ALPHA2, REGION_BY_CODE
from concord.monitoring.models import Severity, Verification
from concord.monitoring.taxonomy import Category

# The longest period `days` may ask for: a century.
MAX_DAYS = 36600
# The columns the incident list sorts by (concord.core.filters.order_by reads them); the date,
# latest first, is the list's own order. A category sorts by its name in the page's language and
# a verification from reported to retracted (the selector ranks both), never by their codes.
INCIDENT_SORTS: dict[str, tuple[str, ...]] = {
    "date": ("occurred_on", "id"), "place": ("location", "-occurred_on", "id"),
    "category": ("category_rank", "sub_category", "-occurred_on", "id"),
    "fatalities": ("fatalities", "-occurred_on", "id"),
    "severity": ("severity", "-occurred_on", "id"),
    "verification": ("verification_rank", "-occurred_on", "id"),
}


@dataclass(frozen=True)
class IncidentFilters:
    date_from: date | None = None
    date_to: date | None = None
    categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    region: str = ""
    severity: int | None = None  # at least this
    verification: tuple[str, ...] = ()
    q: str = ""
    sort: Sort = Sort("date", descending=True)

    def query_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        if self.date_from:
            items.append(("from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("to", self.date_to.isoformat()))
        items += [("category", c) for c in self.categories]
        items += [("country", c) for c in self.countries]
        if self.region:
            items.append(("region", self.region))
        if self.severity:
            items.append(("severity", str(self.severity)))
        items += [("verification", v) for v in self.verification]
        if self.sort != IncidentFilters.sort:
            items.append(("sort", self.sort.param))
        return items

    def over_last(self, days: int) -> IncidentFilters:
        """These filters over the last `days` days, today included: a page's period when the
        query string names none."""
        end = today()
        return replace(self, date_from=end - timedelta(days=days - 1), date_to=end)


def _day(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> date | None:
    value = read.text(params, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors[name] = [_("Give a date as YYYY-MM-DD.")]
        return None


def _codes(params: Mapping[str, Any], name: str) -> Mapping[str, list[str]]:
    """The values of `name` in capitals (country codes are written either way in links)."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist is not None else params.get(name)
    items = raw if isinstance(raw, list | tuple) else [] if raw is None else [raw]
    return {name: [str(item).upper() for item in items]}


def _period(params: Mapping[str, Any],
            errors: dict[str, list[str]]) -> tuple[date | None, date | None]:
    date_from, date_to = _day(params, "from", errors), _day(params, "to", errors)
    days = read.text(params, "days")
    if days and not date_from:
        if days.isdigit() and 0 < int(days) <= MAX_DAYS:
            date_to = date_to or today()
            date_from = date_to - timedelta(days=int(days) - 1)
        else:
            errors["days"] = [_("Give a number of days.")]
    if date_from and date_to and date_from > date_to:
        errors["to"] = [_("The end of the period is before its start.")]
        date_to = None
    return date_from, date_to


def incident_filters(params: Mapping[str, Any]) -> Parsed[IncidentFilters]:
    errors: dict[str, list[str]] = {}
    date_from, date_to = _period(params, errors)
    region = read.text(params, "region")
    if region and region not in REGION_BY_CODE:
        errors["region"] = [_("Unknown region.")]
        region = ""
    severity_text = read.text(params, "severity")
    severity = int(severity_text) if severity_text.isdigit() else None
    if severity_text and severity not in Severity.values:
        errors["severity"] = [_("Severity is 1 to 4.")]
        severity = None
    return Parsed(IncidentFilters(
        date_from=date_from, date_to=date_to,
        categories=read.several(params, "category", list(Category.values), errors),
        countries=read.several(_codes(params, "country"), "country", list(BY_ALPHA2), errors),
        region=region, severity=severity,
        verification=read.several(params, "verification", list(Verification.values), errors),
        q=str(params.get("q") or "")[:100],
        sort=read.sort_of(params, INCIDENT_SORTS, IncidentFilters.sort, errors)), errors)


def filters_from(params: Mapping[str, Any]) -> IncidentFilters:
    """The filters, or ValidationError naming each parameter that cannot be read."""
    return incident_filters(params).or_refuse()
