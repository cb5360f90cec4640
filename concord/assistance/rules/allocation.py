"""The fair-share proposal: who gives how much of a request, as a mixed-integer programme.

Pure: it reads no database and writes nothing. Its inputs are the lines still to cover, each
state's declared capacity per category and a burden-sharing key; its result says, per state and
per line, an integer quantity, and explains itself in structured reasons (a code and its
figures) that the pages put into words in the reader's language.

The programme is solved in two stages on one HiGHS model:
1. cover as much of the request's worth as the capacities allow (a transportation problem,
   whose linear relaxation is already integral, so this optimum is exact);
2. keeping that coverage, minimise the largest gap between a state's share of what is covered
   and its share in the key, with integer quantities.
Coverage comes first because a proposal that leaves needs uncovered in order to look fairer
would serve nobody; fairness then decides who gives them.

Shares are measured in value when every line has a unit value, otherwise each line counts as
one (its whole quantity is worth 1): adding cartridges to vehicles would let ammunition decide
every share.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import highspy
import numpy as np
from django.utils.translation import gettext as _

from concord.core.errors import ValidationError

# A proposal is asked for on a page; past this the best solution found so far is returned and
# said to be so, rather than keeping the page waiting.
TIME_LIMIT_SECONDS = 20.0
# Shares are settled to this precision (a hundredth of a percentage point): finer than anything
# a delegation would argue over, and proving more would cost minutes on a large request.
SHARE_PRECISION = 1e-4
# The largest deviation proposed is at most this fraction above the least possible (or within
# SHARE_PRECISION of it): proving the last thousandth of a minimax optimum can take minutes.
DEVIATION_GAP = 1e-3
# Worth is scaled so that the request is worth as many units as it has lines; two coverings
# closer than this are taken as equal.
COVERAGE_TOLERANCE = 1e-6

Basis = Literal["value", "lines"]
Status = Literal["optimal", "time_limit", "nothing_requested", "nothing_coverable"]


@dataclass(frozen=True)
class Line:
    """A request line still to cover. `key` identifies it (the line's id, as text)."""

    key: str
    category: str
    quantity: int
    unit_value: float | None = None


@dataclass(frozen=True)
class Problem:
    lines: Sequence[Line]
    # state -> category -> declared capacity; a missing category or None means "no capacity".
    capacities: Mapping[str, Mapping[str, int | None]]
    # state -> its weight in the burden-sharing key (any non-negative figures; normalised here).
    key: Mapping[str, float]
    time_limit: float = TIME_LIMIT_SECONDS

    def as_json(self) -> dict[str, Any]:
        return {
            "lines": [{"key": line.key, "category": line.category, "quantity": line.quantity,
                       "unit_value": line.unit_value} for line in self.lines],
            "capacities": {state: dict(row) for state, row in self.capacities.items()},
            "key": dict(self.key),
        }


@dataclass(frozen=True)
class Reason:
    """Why a figure is what it is: a code the pages word, with the figures they quote."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}


@dataclass(frozen=True)
class CategoryUse:
    category: str
    given: int
    capacity: int


@dataclass(frozen=True)
class Contribution:
    """One state's part of the proposal. Shares are fractions of what is covered (0..1)."""

    state: str
    key_share: float
    target_share: float
    share: float
    items: int
    categories: tuple[CategoryUse, ...]
    reasons: tuple[Reason, ...]

    @property
    def deviation(self) -> float:
        return self.share - self.target_share


@dataclass(frozen=True)
class Shortfall:
    line: str
    category: str
    requested: int
    covered: int
    reason: Reason

    @property
    def uncovered(self) -> int:
        return self.requested - self.covered


@dataclass(frozen=True)
class Allocation:
    status: Status
    basis: Basis
    # (state, line key) -> quantity proposed; only positive quantities are listed.
    quantities: dict[tuple[str, str], int]
    states: tuple[Contribution, ...]
    shortfalls: tuple[Shortfall, ...]
    requested_items: int
    covered_items: int
    notes: tuple[Reason, ...]

    @property
    def largest_deviation(self) -> float:
        return max((abs(state.deviation) for state in self.states if state.target_share > 0
                    or state.items), default=0.0)

    def line_quantities(self, line: str) -> dict[str, int]:
        return {state: quantity for (state, key), quantity in self.quantities.items()
                if key == line}

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "basis": self.basis,
            "requested_items": self.requested_items,
            "covered_items": self.covered_items,
            "largest_deviation": round(self.largest_deviation, 6),
            "quantities": [{"state": state, "line": line, "quantity": quantity}
                           for (state, line), quantity in sorted(self.quantities.items())],
            "states": [{
                "state": state.state, "key_share": round(state.key_share, 6),
                "target_share": round(state.target_share, 6), "share": round(state.share, 6),
                "deviation": round(state.deviation, 6), "items": state.items,
                "categories": [{"category": use.category, "given": use.given,
                                "capacity": use.capacity} for use in state.categories],
                "reasons": [reason.as_json() for reason in state.reasons],
            } for state in self.states],
            "shortfalls": [{
                "line": short.line, "category": short.category, "requested": short.requested,
                "covered": short.covered, "uncovered": short.uncovered,
                "reason": short.reason.as_json(),
            } for short in self.shortfalls],
            "notes": [note.as_json() for note in self.notes],
        }


def _refuse(where: str, message: str) -> ValidationError:
    return ValidationError(f"{where}: {message}", errors={where: [message]})


def _validated_lines(lines: Sequence[Line]) -> None:
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        where = f"lines[{number}]"
        if line.key in seen:
            raise _refuse(where, _("line %(line)s is given twice") % {"line": line.key})
        seen.add(line.key)
        if not _whole(line.quantity):
            raise _refuse(where, _("the quantity must be a whole number, 0 or more, not "
                                   "%(value)r") % {"value": line.quantity})
        if line.unit_value is not None and (not math.isfinite(line.unit_value)
                                            or line.unit_value <= 0):
            raise _refuse(where, _("the unit value must be positive, not %(value)r")
                          % {"value": line.unit_value})


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _validated(problem: Problem) -> None:
    _validated_lines(problem.lines)
    for state, row in problem.capacities.items():
        for category, capacity in row.items():
            if capacity is not None and not _whole(capacity):
                where = f"capacities[{state}][{category}]"
                raise _refuse(where, _("a capacity must be a whole number, 0 or more, or none, "
                                       "not %(value)r") % {"value": capacity})
    for state, weight in problem.key.items():
        if not math.isfinite(weight) or weight < 0:
            raise _refuse(f"key[{state}]", _("a share of the key must be 0 or more, not "
                                             "%(value)r") % {"value": weight})


@dataclass
class _Setting:
    """The problem as the model sees it: lines to cover with their worth per unit, states in
    a fixed order with their capacities, and the shares each state is aimed at."""

    lines: list[Line]
    basis: Basis
    weights: list[float]
    states: list[str]
    categories: list[str]
    capacities: dict[tuple[int, str], int]
    able: list[bool]
    key_shares: list[float]
    targets: list[float] = field(default_factory=list)
    notes: list[Reason] = field(default_factory=list)


def _setting(problem: Problem) -> _Setting:
    lines = [line for line in problem.lines if line.quantity > 0]
    states = sorted(set(problem.capacities) | set(problem.key))
    basis: Basis = "value" if lines and all(line.unit_value for line in lines) else "lines"
    weights = [float(line.unit_value) if basis == "value" and line.unit_value
               else 1.0 / line.quantity for line in lines]
    worth = sum(weight * line.quantity for weight, line in zip(weights, lines, strict=True))
    weights = [weight * len(lines) / worth for weight in weights]
    categories = sorted({line.category for line in lines})
    capacities = {(s, category): problem.capacities.get(state, {}).get(category) or 0
                  for s, state in enumerate(states) for category in categories}
    key_total = sum(problem.key.get(state, 0.0) for state in states)
    setting = _Setting(
        lines=lines, basis=basis, weights=weights, states=states, categories=categories,
        capacities=capacities,
        able=[any(capacities[(s, category)] for category in categories)
              for s in range(len(states))],
        key_shares=[problem.key.get(state, 0.0) / key_total if key_total else 0.0
                    for state in states])
    _aim(setting)
    return setting


def _aim(setting: _Setting) -> None:
    """The share each state is aimed at: its share of the key among the states able to give
    anything asked, or equal shares when the key names none of them."""
    able, shares, states = setting.able, setting.key_shares, setting.states
    able_total = sum(share for share, can in zip(shares, able, strict=True) if can)
    if able_total > 0:
        setting.targets = [share / able_total if can else 0.0
                           for share, can in zip(shares, able, strict=True)]
        withdrawn = [state for state, share, can in zip(states, shares, able, strict=True)
                     if share > 0 and not can]
        if withdrawn:
            setting.notes.append(Reason("key_redistributed", {
                "states": withdrawn, "share": round(1 - able_total, 6)}))
        return
    count = sum(able)
    setting.targets = [1.0 / count if can else 0.0 for can in able] if count else [0.0] * len(able)
    if count:
        setting.notes.append(Reason("key_equal", {"states": [
            state for state, can in zip(states, able, strict=True) if can]}))


class _Model:
    """The HiGHS model both stages share. Columns: x for each (state, line) pair the state can
    serve, then X_s (the worth each state gives), T (the worth covered), z (the largest
    deviation). Rows: one per line (Σ_s x ≤ quantity), one per (state, category) served (Σ x ≤
    capacity), X_s - Σ w x = 0, T - Σ X_s = 0, X_s - t_s T - z ≤ 0 and -X_s + t_s T - z ≤ 0.
    In the second stage T is bounded below by the first stage's coverage."""

    def __init__(self, setting: _Setting) -> None:
        lines, capacities = setting.lines, setting.capacities
        self.pairs = [(s, index) for s in range(len(setting.states))
                      for index, line in enumerate(lines)
                      if capacities[(s, line.category)] > 0]
        self.n_pairs = len(self.pairs)
        n_states = len(setting.states)
        self.total_col = self.n_pairs + n_states
        self.deviation_col = self.total_col + 1
        self.slots: dict[tuple[int, str], int] = {}
        for s, index in self.pairs:
            self.slots.setdefault((s, lines[index].category), len(lines) + len(self.slots))
        self.value_row = len(lines) + len(self.slots)
        self.total_row = self.value_row + n_states
        self.above_row = self.total_row + 1
        self.below_row = self.above_row + n_states
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("random_seed", 2013)
        self.highs.passModel(self._lp(setting))

    def _columns(self, setting: _Setting) -> tuple[list[list[tuple[int, float]]], np.ndarray]:
        lines, n_states = setting.lines, len(setting.states)
        columns: list[list[tuple[int, float]]] = []
        upper = np.full(self.deviation_col + 1, highspy.kHighsInf)
        for col, (s, index) in enumerate(self.pairs):
            line = lines[index]
            upper[col] = min(line.quantity, setting.capacities[(s, line.category)])
            columns.append([(index, 1.0), (self.slots[(s, line.category)], 1.0),
                            (self.value_row + s, -setting.weights[index])])
        columns.extend([(self.value_row + s, 1.0), (self.total_row, -1.0),
                        (self.above_row + s, 1.0), (self.below_row + s, -1.0)]
                       for s in range(n_states))
        columns.append([(self.total_row, 1.0)]
                       + [(self.above_row + s, -setting.targets[s]) for s in range(n_states)]
                       + [(self.below_row + s, setting.targets[s]) for s in range(n_states)])
        columns.append([(self.above_row + s, -1.0) for s in range(n_states)]
                       + [(self.below_row + s, -1.0) for s in range(n_states)])
        return columns, upper

    def _lp(self, setting: _Setting) -> highspy.HighsLp:
        columns, upper = self._columns(setting)
        n_cols, n_rows = len(columns), self.below_row + len(setting.states)
        starts = np.zeros(n_cols + 1, dtype=np.int32)
        starts[1:] = np.cumsum([len(column) for column in columns])
        count = int(starts[-1])
        row_lower = np.full(n_rows, -highspy.kHighsInf)
        row_upper = np.zeros(n_rows)
        row_upper[:len(setting.lines)] = [line.quantity for line in setting.lines]
        for slot, row in self.slots.items():
            row_upper[row] = setting.capacities[slot]
        row_lower[self.value_row:self.above_row] = 0.0
        cost = np.zeros(n_cols)
        cost[self.total_col] = -1.0  # the first stage maximises the worth covered
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = n_cols, n_rows
        lp.col_cost_, lp.col_lower_, lp.col_upper_ = cost, np.zeros(n_cols), upper
        lp.row_lower_, lp.row_upper_ = row_lower, row_upper
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = np.fromiter((row for column in columns for row, _v in column),
                                          dtype=np.int32, count=count)
        lp.a_matrix_.value_ = np.fromiter((v for column in columns for _r, v in column),
                                          dtype=np.float64, count=count)
        return lp

    def cover_most(self) -> float:
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return 0.0
        return float(self.highs.getSolution().col_value[self.total_col])

    def balance(self, *, covered: float, time_limit: float) -> tuple[bool, list[int]] | None:
        highs = self.highs
        highs.changeColBounds(self.total_col, covered - COVERAGE_TOLERANCE, highspy.kHighsInf)
        highs.changeColCost(self.total_col, 0.0)
        highs.changeColCost(self.deviation_col, 1.0)
        integer = np.arange(self.n_pairs, dtype=np.int32)
        highs.changeColsIntegrality(self.n_pairs, integer,
                                    np.full(self.n_pairs, highspy.HighsVarType.kInteger))
        highs.setOptionValue("time_limit", float(time_limit))
        # z is in worth, a share times the worth covered, which the first stage fixed.
        highs.setOptionValue("mip_rel_gap", DEVIATION_GAP)
        highs.setOptionValue("mip_abs_gap", SHARE_PRECISION * covered / 2)
        highs.run()
        status = highs.getModelStatus()
        solution = highs.getSolution()
        if status == highspy.HighsModelStatus.kOptimal:
            finished = True
        elif status == highspy.HighsModelStatus.kTimeLimit and solution.value_valid:
            finished = False
        else:
            return None
        values = solution.col_value
        return finished, [round(values[col]) for col in range(self.n_pairs)]


def _shortfalls(setting: _Setting, covered: Mapping[str, int]) -> tuple[Shortfall, ...]:
    asked: dict[str, int] = {}
    for line in setting.lines:
        asked[line.category] = asked.get(line.category, 0) + line.quantity
    found = []
    for line in setting.lines:
        got = covered.get(line.key, 0)
        if got >= line.quantity:
            continue
        declared = sum(setting.capacities[(s, line.category)]
                       for s in range(len(setting.states)))
        reason = (Reason("no_capacity", {"category": line.category}) if not declared
                  else Reason("capacity_short", {"category": line.category,
                                                 "capacity": declared,
                                                 "requested": asked[line.category]}))
        found.append(Shortfall(line.key, line.category, line.quantity, got, reason))
    return tuple(found)


def _reasons(setting: _Setting, s: int, uses: Sequence[CategoryUse], share: float,
             total: float) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    if not setting.able[s]:
        reasons.append(Reason("no_capacity_declared", {"categories": setting.categories}))
    elif setting.targets[s] == 0:
        reasons.append(Reason("not_in_key", {}))
    exhausted = [use.category for use in uses if use.capacity and use.given >= use.capacity]
    if exhausted:
        reasons.append(Reason("capacity_exhausted", {"categories": exhausted}))
    if total and setting.able[s]:
        gap = share - setting.targets[s]
        if gap < -SHARE_PRECISION:
            reasons.append(Reason("below_key", {"points": round(-gap * 100, 2)}))
        elif gap > SHARE_PRECISION:
            reasons.append(Reason("above_key", {"points": round(gap * 100, 2)}))
        else:
            reasons.append(Reason("on_key", {}))
    return tuple(reasons)


def _contributions(setting: _Setting,
                   given: Mapping[tuple[str, str], int]) -> tuple[Contribution, ...]:
    worth = {line.key: weight for line, weight in zip(setting.lines, setting.weights,
                                                      strict=True)}
    category_of = {line.key: line.category for line in setting.lines}
    values = dict.fromkeys(setting.states, 0.0)
    by_category: dict[tuple[str, str], int] = {}
    for (state, key), quantity in given.items():
        values[state] += worth[key] * quantity
        slot = (state, category_of[key])
        by_category[slot] = by_category.get(slot, 0) + quantity
    total = sum(values.values())
    result = []
    for s, state in enumerate(setting.states):
        uses = tuple(CategoryUse(category, by_category.get((state, category), 0),
                                 setting.capacities[(s, category)])
                     for category in setting.categories
                     if setting.capacities[(s, category)] or (state, category) in by_category)
        share = values[state] / total if total else 0.0
        result.append(Contribution(
            state=state, key_share=setting.key_shares[s], target_share=setting.targets[s],
            share=share, items=sum(use.given for use in uses), categories=uses,
            reasons=_reasons(setting, s, uses, share, total)))
    return tuple(result)


def _outcome(setting: _Setting, status: Status,
             given: dict[tuple[str, str], int]) -> Allocation:
    covered: dict[str, int] = {}
    for (_state, key), quantity in given.items():
        covered[key] = covered.get(key, 0) + quantity
    return Allocation(
        status=status, basis=setting.basis, quantities=given,
        states=_contributions(setting, given), shortfalls=_shortfalls(setting, covered),
        requested_items=sum(line.quantity for line in setting.lines),
        covered_items=sum(covered.values()), notes=tuple(setting.notes))


def propose(problem: Problem) -> Allocation:
    """The proposal for `problem`; bad figures are refused naming where, and a problem that
    cannot be solved as asked is answered with an explanation, never an exception."""
    _validated(problem)
    setting = _setting(problem)
    if not setting.lines:
        setting.notes.append(Reason("nothing_requested", {}))
        return _outcome(setting, "nothing_requested", {})
    nothing = Reason("nothing_coverable", {"categories": setting.categories})
    if not any(setting.able):
        setting.notes.append(nothing)
        return _outcome(setting, "nothing_coverable", {})
    model = _Model(setting)
    most = model.cover_most()
    if most <= COVERAGE_TOLERANCE:
        setting.notes.append(nothing)
        return _outcome(setting, "nothing_coverable", {})
    solved = model.balance(covered=most, time_limit=problem.time_limit)
    if solved is None:
        # The balancing stage found nothing in its time: say so and propose nothing rather than
        # an allocation that was never checked against the key.
        setting.notes.append(Reason("no_solution_in_time", {"seconds": problem.time_limit}))
        return _outcome(setting, "time_limit", {})
    finished, values = solved
    given = {(setting.states[s], setting.lines[index].key): quantity
             for (s, index), quantity in zip(model.pairs, values, strict=True) if quantity > 0}
    if not finished:
        setting.notes.append(Reason("best_found_in_time", {"seconds": problem.time_limit}))
    return _outcome(setting, "optimal" if finished else "time_limit", given)
