"""The chairmanship rule: one state a calendar year, in the order of the states' Russian names,
skipping states that are not active on the first day of the year. A recorded chairmanship wins
over the rule, and the years after it follow on from it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from concord.registry.models import MemberState, MemberStatus


def russian_collation_key(name: str) -> str:
    # Russian dictionaries file Ё with Е; code-point order would put it before А.
    return name.casefold().replace("ё", "е")


def status_on(state: MemberState, day: date) -> str | None:
    """The state's status on a day from its history (prefetched as `status_history`), or None
    before it joined."""
    if day < state.joined_on:
        return None
    status = MemberStatus.ACTIVE.value
    for change in sorted(state.status_history.all(), key=lambda c: (c.effective_on, c.pk)):
        if change.effective_on <= day:
            status = change.status
    return status


@dataclass(frozen=True)
class ChairYear:
    year: int
    state: MemberState | None
    recorded: bool


def schedule(
    states: Iterable[MemberState], recorded: dict[int, MemberState], years: Sequence[int]
) -> list[ChairYear]:
    order = sorted(states, key=lambda s: russian_collation_key(s.name_ru))
    result = []
    for year in years:
        if year in recorded:
            result.append(ChairYear(year, recorded[year], True))
            continue
        earlier = [y for y in recorded if y < year]
        if not earlier or not order:
            result.append(ChairYear(year, None, False))
            continue
        current_year = max(earlier)
        current = recorded[current_year]
        for step_year in range(current_year + 1, year + 1):
            current = _next_active(order, current, date(step_year, 1, 1)) or current
        result.append(ChairYear(year, current, False))
    return result


def _next_active(order: list[MemberState], after: MemberState, day: date) -> MemberState | None:
    start = next((i for i, s in enumerate(order) if s.pk == after.pk), -1)
    for offset in range(1, len(order) + 1):
        candidate = order[(start + offset) % len(order)]
        if status_on(candidate, day) == MemberStatus.ACTIVE:
            return candidate
    return None
