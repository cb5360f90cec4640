"""The assistance lists' filters, read from a query string (concord.core.filters) and shared by
the page, its exports and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, Kind, Urgency
from concord.core import filters as read
from concord.core.filters import Parsed, Sort

REQUEST_SORTS: dict[str, tuple[str, ...]] = {
    "reference": ("reference", "pk"),
    "title": ("title", "reference", "pk"),
    "state": ("requesting_state__name_{lang}", "reference", "pk"),
    "status": ("status", "reference", "pk"),
    "closes": ("closes_on", "reference", "pk"),
    "created": ("created_at", "pk"),
}
_FLAG_VALUES = {"": False, "0": False, "1": True, "on": True, "true": True}


@dataclass(frozen=True)
class RequestFilters:
    q: str = ""
    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    urgency: tuple[str, ...] = ()
    state: str = ""
    overdue: bool = False
    sort: Sort = Sort("created", descending=True)


def _flag(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> bool:
    value = read.text(params, name).lower()
    if value not in _FLAG_VALUES:
        errors[name] = [_("%(value)s is not one of: %(choices)s.")
                        % {"value": value, "choices": "0, 1"}]
        return False
    return _FLAG_VALUES[value]


def _state(params: Mapping[str, Any], errors: dict[str, list[str]]) -> str:
    # A requesting state is named by its two-letter code; a code no state has matches nothing.
    value = read.text(params, "state").upper()
    if value and not (len(value) == len("TJ") and value.isascii() and value.isalpha()):
        errors["state"] = [_("%(value)s is not a two-letter state code.") % {"value": value}]
        return ""
    return value


def request_filters(params: Mapping[str, Any]) -> Parsed[RequestFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(RequestFilters(
        q=read.text(params, "q"),
        status=read.several(params, "status", AssistanceRequest.Status.values, errors),
        kind=read.several(params, "kind", Kind.values, errors),
        urgency=read.several(params, "urgency", Urgency.values, errors),
        state=_state(params, errors),
        overdue=_flag(params, "overdue", errors),
        sort=read.sort_of(params, REQUEST_SORTS, RequestFilters.sort, errors)), errors)
