"""The registry lists' query strings read into typed filters, for the pages, the API and the
exports alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core import filters as read
from concord.core.filters import Parsed
from concord.registry.models import MemberState, MemberStatus, Position
from concord.registry.selectors import OFFICIAL_ORDERINGS, STATE_ORDERINGS


@dataclass(frozen=True)
class StateFilters:
    status: str = ""
    q: str = ""
    sort: str = ""


def state_filters_from(params: Mapping[str, Any]) -> Parsed[StateFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(StateFilters(
        status=read.choice(params, "status", MemberStatus.values, errors),
        q=read.text(params, "q"),
        sort=read.choice(params, "sort", list(STATE_ORDERINGS), errors)), errors)


@dataclass(frozen=True)
class OfficialFilters:
    q: str = ""
    # Any of these positions, any of these states (none: no filter).
    position: tuple[str, ...] = ()
    state: tuple[str, ...] = ()
    # The column and whether descending (`?sort=-state`); by name when none is asked for.
    sort: tuple[str, bool] | None = None


def _given(params: Mapping[str, Any], name: str, *, upper: bool = False) -> list[str]:
    """Every value given for `name`, repeated or comma-separated; in capitals with `upper` (a
    state's code is written either way)."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist is not None else params.get(name)
    items = raw if isinstance(raw, list | tuple) else ([] if raw is None else [raw])
    values = [piece.strip() for item in items for piece in str(item).split(",") if piece.strip()]
    return [value.upper() for value in values] if upper else values


def official_filters_from(params: Mapping[str, Any]) -> Parsed[OfficialFilters]:
    errors: dict[str, list[str]] = {}
    # The registry is asked for the codes only when a filter names some.
    given = _given(params, "position")
    positions = read.several({"position": given}, "position", list(Position.objects.filter(
        code__in=given).values_list("code", flat=True)) if given else [], errors)
    if "position" in errors:
        errors["position"] = [_("Unknown position.")]
    codes = _given(params, "state", upper=True)
    states = read.several({"state": codes}, "state", list(MemberState.objects.filter(
        iso_alpha2__in=codes).values_list("iso_alpha2", flat=True)) if codes else [], errors)
    if "state" in errors:
        errors["state"] = [_("Unknown member state.")]
    return Parsed(OfficialFilters(
        q=read.text(params, "q"), position=positions, state=states,
        sort=read.ordering(params, list(OFFICIAL_ORDERINGS), errors)), errors)
