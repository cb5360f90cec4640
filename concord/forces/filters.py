"""The forces lists' filters, read from a query string (concord.core.filters): formations, units
and readiness each have one parser, shared by the page, its export and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core import filters as read
from concord.core.filters import Parsed, Sort
from concord.forces.models import ContributionStatus, Echelon, FormationKind, Level, UnitType

# Formations, units and formations' forces start with their own block; the exercises and
# operations lists add theirs after.
FORMATION_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name_{lang}", "pk"), "kind": ("kind", "order", "pk"),
    "established": ("established_on", "order", "pk"), "order": ("order", "code", "pk"),
}
UNIT_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name_{lang}", "pk"), "state": ("state__name_{lang}", "name_{lang}", "pk"),
    "type": ("unit_type", "name_{lang}", "pk"), "echelon": ("echelon", "name_{lang}", "pk"),
    "station": ("home_station_{lang}", "name_{lang}", "pk"),
}
READINESS_SORTS: dict[str, tuple[str, ...]] = {
    "reported": ("reported_on", "pk"), "unit": ("unit__name_{lang}", "-reported_on", "pk"),
    "state": ("unit__state__name_{lang}", "unit__name_{lang}", "pk"),
    "overall": ("overall", "-reported_on", "pk"),
    "notice": ("notice_to_move_days", "unit__name_{lang}", "pk"),
}
CONTRIBUTION_SORTS: dict[str, tuple[str, ...]] = {
    "unit": ("unit__name_{lang}", "pk"), "state": ("state__name_{lang}", "unit__name_{lang}", "pk"),
    "status": ("status", "unit__name_{lang}", "pk"), "from": ("period_from", "pk"),
    "overall": ("latest_overall", "unit__name_{lang}", "pk"),
    "reported": ("latest_reported_on", "unit__name_{lang}", "pk"),
}
LEVELS = [str(value) for value in Level.values]


@dataclass(frozen=True)
class FormationFilters:
    q: str = ""
    kind: tuple[str, ...] = ()
    sort: Sort = Sort("order")


@dataclass(frozen=True)
class UnitFilters:
    q: str = ""
    state: tuple[str, ...] = ()
    unit_type: tuple[str, ...] = ()
    echelon: tuple[str, ...] = ()
    # Units earmarked to this formation (its code).
    formation: str = ""
    sort: Sort = Sort("state")


@dataclass(frozen=True)
class ReadinessFilters:
    q: str = ""
    state: tuple[str, ...] = ()
    overall: tuple[str, ...] = ()
    formation: str = ""
    # Each unit's latest report only, or the whole history.
    history: bool = False
    sort: Sort = Sort("reported", descending=True)


@dataclass(frozen=True)
class ContributionFilters:
    q: str = ""
    state: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    overall: tuple[str, ...] = ()
    stale: bool = False
    sort: Sort = Sort("state")


def _raw(params: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist is not None else params.get(name)
    items = raw if isinstance(raw, list | tuple) else ([raw] if raw else [])
    return [piece.strip() for item in items for piece in str(item).split(",") if piece.strip()]


def _flag(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> bool:
    value = read.text(params, name).lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    errors[name] = [_("%(value)s is not one of: %(choices)s.")
                    % {"value": value, "choices": "true, false"}]
    return False


def formation_filters(params: Mapping[str, Any]) -> Parsed[FormationFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(FormationFilters(
        q=read.text(params, "q"), kind=read.several(params, "kind", FormationKind.values, errors),
        sort=read.sort_of(params, FORMATION_SORTS, FormationFilters.sort, errors)), errors)


def unit_filters(params: Mapping[str, Any]) -> Parsed[UnitFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(UnitFilters(
        q=read.text(params, "q"), state=tuple(v.upper() for v in _raw(params, "state")),
        unit_type=read.several(params, "type", UnitType.values, errors),
        echelon=read.several(params, "echelon", [str(v) for v in Echelon.values], errors),
        formation=read.text(params, "formation"),
        sort=read.sort_of(params, UNIT_SORTS, UnitFilters.sort, errors)), errors)


def readiness_filters(params: Mapping[str, Any]) -> Parsed[ReadinessFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(ReadinessFilters(
        q=read.text(params, "q"), state=tuple(v.upper() for v in _raw(params, "state")),
        overall=read.several(params, "overall", LEVELS, errors),
        formation=read.text(params, "formation"), history=_flag(params, "history", errors),
        sort=read.sort_of(params, READINESS_SORTS, ReadinessFilters.sort, errors)), errors)


def contribution_filters(params: Mapping[str, Any]) -> Parsed[ContributionFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(ContributionFilters(
        q=read.text(params, "q"), state=tuple(v.upper() for v in _raw(params, "state")),
        status=read.several(params, "status", ContributionStatus.values, errors),
        overall=read.several(params, "overall", LEVELS, errors),
        stale=_flag(params, "stale", errors),
        sort=read.sort_of(params, CONTRIBUTION_SORTS, ContributionFilters.sort, errors)), errors)
