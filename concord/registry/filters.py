"""The registry lists' query strings read into typed filters, for the pages, the API and the
exports alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core.filters import FilterReader
from concord.registry.models import MemberState, MemberStatus, Position
from concord.registry.selectors import STATE_ORDERINGS


@dataclass(frozen=True)
class StateFilters:
    status: str = ""
    q: str = ""
    sort: str = ""


def state_filters_from(params: Mapping[str, Any]) -> StateFilters:
    read = FilterReader(params)
    filters = StateFilters(
        status=read.choice("status", MemberStatus.values, message=_("Unknown status.")),
        q=read.text("q"), sort=read.choice("sort", STATE_ORDERINGS))
    read.done()
    return filters


@dataclass(frozen=True)
class OfficialFilters:
    q: str = ""
    position: str = ""
    state: str = ""


def official_filters_from(params: Mapping[str, Any]) -> OfficialFilters:
    read = FilterReader(params)
    q = read.text("q")
    position = read.text("position")
    if position and not Position.objects.filter(code=position).exists():
        read.refuse("position", _("Unknown position."))
        position = ""
    state = read.text("state").upper()
    if state and not MemberState.objects.filter(iso_alpha2=state).exists():
        read.refuse("state", _("Unknown member state."))
        state = ""
    read.done()
    return OfficialFilters(q=q, position=position, state=state)
