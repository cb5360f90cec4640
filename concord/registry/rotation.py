"""The chairmanship rule: one state a calendar year, in the order of the states' Russian names,
skipping states that are not active on the first day of the year. A recorded chairmanship wins
over the rule, and the years after it follow on from it.

A term begins on its recorded handover day (the chairmanship usually passes at a session of the
Council, months before its year) and otherwise on the first of January of its year; it ends when
the next term begins."""

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
    handed_over_on: date | None = None

    @property
    def starts_on(self) -> date:
        return self.handed_over_on or date(self.year, 1, 1)


def schedule(
    states: Iterable[MemberState], recorded: dict[int, MemberState], years: Sequence[int],
    handovers: dict[int, date] | None = None,
) -> list[ChairYear]:
    order = sorted(states, key=lambda s: russian_collation_key(s.name_ru))
    handovers = handovers or {}
    result = []
    for year in years:
        if year in recorded:
            result.append(ChairYear(year, recorded[year], True, handovers.get(year)))
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


def in_office(terms: Sequence[ChairYear], day: date, *, before_handover: bool = False
              ) -> ChairYear | None:
    """The term running on a day: the one that began last, on that day or before. With
    `before_handover`, a term handed over on that very day has not begun yet: the outgoing
    chair presides over the session at which it passes on."""
    begun = [t for t in terms
             if t.starts_on < day or (t.starts_on == day
                                      and not (before_handover and t.handed_over_on == day))]
    return max(begun, key=lambda t: t.starts_on, default=None)
