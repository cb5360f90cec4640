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
from concord.registry.selectors import STATE_ORDERINGS


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
    position: str = ""
    state: str = ""


def official_filters_from(params: Mapping[str, Any]) -> Parsed[OfficialFilters]:
    errors: dict[str, list[str]] = {}
    position = read.text(params, "position")
    if position and not Position.objects.filter(code=position).exists():
        errors["position"] = [_("Unknown position.")]
        position = ""
    state = read.text(params, "state").upper()
    if state and not MemberState.objects.filter(iso_alpha2=state).exists():
        errors["state"] = [_("Unknown member state.")]
        state = ""
    return Parsed(OfficialFilters(q=read.text(params, "q"), position=position, state=state),
                  errors)
