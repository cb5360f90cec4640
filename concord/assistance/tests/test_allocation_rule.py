"""The fair-share rule on its own: capacities, the key, and the cases it must explain."""

from __future__ import annotations

import itertools
import random

import pytest

from concord.assistance.rules.allocation import (
    DEVIATION_GAP,
    SHARE_PRECISION,
    Allocation,
    Line,
    Problem,
    propose,
)
from concord.core.errors import ValidationError


def _given(allocation: Allocation, state: str) -> dict[str, int]:
    return {line: quantity for (name, line), quantity in allocation.quantities.items()
            if name == state}


def _state(allocation: Allocation, state: str):
    return next(item for item in allocation.states if item.state == state)


def _codes(reasons) -> list[str]:
    return [reason.code for reason in reasons]


def _brute_force(problem: Problem) -> tuple[float, float]:
    """The greatest worth coverable and, among the coverings reaching it, the smallest largest
    deviation from the key, found by trying every integer assignment. Every state of these
    cases can give something, so the key applies as declared."""
    lines = [line for line in problem.lines if line.quantity]
    states = sorted(problem.capacities)
    total_key = sum(problem.key.values())
    targets = {state: problem.key.get(state, 0) / total_key for state in states}
    worth = {line.key: 1 / line.quantity for line in lines}
    pairs = [(state, line) for state in states for line in lines
             if problem.capacities[state].get(line.category)]
    ranges = [range(min(line.quantity, problem.capacities[state][line.category] or 0) + 1)
              for state, line in pairs]
    best_cover, best_deviation = 0.0, 0.0
    for values in itertools.product(*ranges):
        per_line: dict[str, int] = {}
        per_capacity: dict[tuple[str, str], int] = {}
        per_state = dict.fromkeys(states, 0.0)
        for (state, line), quantity in zip(pairs, values, strict=True):
            per_line[line.key] = per_line.get(line.key, 0) + quantity
            slot = (state, line.category)
            per_capacity[slot] = per_capacity.get(slot, 0) + quantity
            per_state[state] += quantity * worth[line.key]
        if any(per_line[line.key] > line.quantity for line in lines if line.key in per_line):
            continue
        if any(used > (problem.capacities[state][category] or 0)
               for (state, category), used in per_capacity.items()):
            continue
        cover = sum(per_state.values())
        if cover <= 0:
            continue
        deviation = max(abs(per_state[state] / cover - targets[state]) for state in states)
        if cover > best_cover + 1e-9:
            best_cover, best_deviation = cover, deviation
        elif abs(cover - best_cover) <= 1e-9:
            best_deviation = min(best_deviation, deviation)
    return best_cover, best_deviation


def _small_case(seed: int) -> Problem:
    rnd = random.Random(seed)
    states = ["AM", "BY", "KZ"][: rnd.choice([2, 3])]
    categories = ["small_arms", "optics"]
    lines = [Line(str(number), rnd.choice(categories), rnd.randint(1, 4))
             for number in range(rnd.choice([2, 3]))]
    capacities: dict[str, dict[str, int | None]] = {}
    for state in states:
        row: dict[str, int | None] = {category: rnd.choice([None, 0, 1, 2, 3, 5])
                                      for category in categories}
        if not any(row.get(line.category) for line in lines):
            row[lines[0].category] = rnd.randint(1, 3)
        capacities[state] = row
    key = {state: float(rnd.randint(1, 6)) for state in states}
    return Problem(lines=lines, capacities=capacities, key=key)


@pytest.mark.parametrize("seed", range(40))
def test_it_finds_the_smallest_largest_deviation_that_trying_everything_finds(seed):
    problem = _small_case(seed)
    best_cover, best_deviation = _brute_force(problem)

    allocation = propose(problem)

    covered = sum(quantity / next(line.quantity for line in problem.lines if line.key == key)
                  for (_state, key), quantity in allocation.quantities.items())
    assert covered == pytest.approx(best_cover, abs=1e-6)
    assert allocation.largest_deviation >= best_deviation - 1e-9
    assert allocation.largest_deviation <= best_deviation * (1 + DEVIATION_GAP) + SHARE_PRECISION


@pytest.mark.parametrize("seed", range(10))
def test_it_never_proposes_beyond_a_capacity_or_a_line(seed):
    rnd = random.Random(seed)
    categories = [f"c{number}" for number in range(5)]
    problem = Problem(
        lines=[Line(str(number), rnd.choice(categories), rnd.randint(1, 60))
               for number in range(20)],
        capacities={state: {category: rnd.choice([None, 0, rnd.randint(1, 80)])
                            for category in categories} for state in "ABCDEF"},
        key={state: rnd.uniform(0.5, 3) for state in "ABCDEF"},
    )

    allocation = propose(problem)

    category_of = {line.key: line.category for line in problem.lines}
    for line in problem.lines:
        assert sum(allocation.line_quantities(line.key).values()) <= line.quantity
    for state, row in problem.capacities.items():
        for category, capacity in row.items():
            given = sum(quantity for key, quantity in _given(allocation, state).items()
                        if category_of[key] == category)
            assert given <= (capacity or 0)
    assert all(isinstance(quantity, int) and quantity > 0
               for quantity in allocation.quantities.values())
    uncovered = sum(short.uncovered for short in allocation.shortfalls)
    assert allocation.covered_items + uncovered == allocation.requested_items


def test_it_follows_the_key_exactly_when_capacities_allow():
    problem = Problem(lines=[Line("1", "small_arms", 100)],
                      capacities={"RU": {"small_arms": 1000}, "KZ": {"small_arms": 1000},
                                  "BY": {"small_arms": 1000}},
                      key={"RU": 50, "KZ": 30, "BY": 20})

    allocation = propose(problem)

    assert allocation.status == "optimal"
    assert allocation.line_quantities("1") == {"RU": 50, "KZ": 30, "BY": 20}
    assert allocation.largest_deviation == pytest.approx(0, abs=SHARE_PRECISION)
    assert _codes(_state(allocation, "RU").reasons) == ["on_key"]


def test_it_says_a_state_gives_less_because_its_capacity_is_spent():
    problem = Problem(lines=[Line("1", "optics", 10)],
                      capacities={"RU": {"optics": 20}, "BY": {"optics": 2}},
                      key={"RU": 1, "BY": 1})

    allocation = propose(problem)

    assert allocation.line_quantities("1") == {"RU": 8, "BY": 2}
    belarus = _state(allocation, "BY")
    assert _codes(belarus.reasons) == ["capacity_exhausted", "below_key"]
    assert belarus.reasons[0].params == {"categories": ["optics"]}
    assert belarus.reasons[1].params == {"points": 30.0}


def test_it_names_what_stays_uncovered_and_why():
    problem = Problem(lines=[Line("1", "small_arms", 10), Line("2", "radar", 2)],
                      capacities={"RU": {"small_arms": 6}, "KZ": {"small_arms": 1}},
                      key={"RU": 1, "KZ": 1})

    allocation = propose(problem)

    shortfalls = {short.line: short for short in allocation.shortfalls}
    assert shortfalls["1"].uncovered == 3
    assert shortfalls["1"].reason.code == "capacity_short"
    assert shortfalls["1"].reason.params == {"category": "small_arms", "capacity": 7,
                                             "requested": 10}
    assert shortfalls["2"].uncovered == 2
    assert shortfalls["2"].reason.code == "no_capacity"
    assert allocation.covered_items == 7


def test_it_shares_out_the_key_of_a_state_that_declared_no_capacity():
    problem = Problem(lines=[Line("1", "vehicles", 30)],
                      capacities={"RU": {"vehicles": 50}, "KZ": {"vehicles": 50},
                                  "AM": {"vehicles": None}},
                      key={"RU": 2, "KZ": 1, "AM": 1})

    allocation = propose(problem)

    assert allocation.line_quantities("1") == {"RU": 20, "KZ": 10}
    assert allocation.notes[0].code == "key_redistributed"
    assert allocation.notes[0].params == {"states": ["AM"], "share": 0.25}
    assert _codes(_state(allocation, "AM").reasons) == ["no_capacity_declared"]


def test_it_uses_equal_shares_when_the_key_gives_nothing_to_those_able_to_give():
    problem = Problem(lines=[Line("1", "training", 4)],
                      capacities={"RU": {"training": 10}, "BY": {"training": 10},
                                  "TJ": {}},
                      key={"TJ": 1})

    allocation = propose(problem)

    assert allocation.line_quantities("1") == {"RU": 2, "BY": 2}
    assert allocation.notes[0].code == "key_equal"


def test_it_explains_a_request_no_state_can_supply_instead_of_failing():
    problem = Problem(lines=[Line("1", "radar", 3)],
                      capacities={"RU": {"optics": 5}, "KZ": {"radar": 0}},
                      key={"RU": 1, "KZ": 1})

    allocation = propose(problem)

    assert allocation.status == "nothing_coverable"
    assert allocation.quantities == {}
    assert [note.code for note in allocation.notes] == ["nothing_coverable"]
    assert allocation.shortfalls[0].uncovered == 3


def test_it_explains_a_request_with_nothing_left_to_cover():
    allocation = propose(Problem(lines=[Line("1", "radar", 0)],
                                 capacities={"RU": {"radar": 5}}, key={"RU": 1}))

    assert allocation.status == "nothing_requested"
    assert allocation.shortfalls == ()
    assert [note.code for note in allocation.notes] == ["nothing_requested"]


def test_it_measures_shares_in_value_when_every_line_has_one():
    problem = Problem(lines=[Line("1", "vehicles", 2, unit_value=100.0),
                             Line("2", "optics", 100, unit_value=1.0)],
                      capacities={"RU": {"vehicles": 2}, "KZ": {"optics": 100}},
                      key={"RU": 1, "KZ": 1})

    allocation = propose(problem)

    assert allocation.basis == "value"
    assert _state(allocation, "RU").share == pytest.approx(2 / 3)
    assert _state(allocation, "KZ").share == pytest.approx(1 / 3)


@pytest.mark.parametrize(("problem", "where"), [
    (Problem(lines=[Line("1", "radar", -1)], capacities={}, key={}), "lines[1]"),
    (Problem(lines=[Line("1", "radar", 1), Line("1", "radar", 2)], capacities={}, key={}),
     "lines[2]"),
    (Problem(lines=[Line("1", "radar", 1)], capacities={"RU": {"radar": -2}}, key={}),
     "capacities[RU][radar]"),
    (Problem(lines=[Line("1", "radar", 1)], capacities={}, key={"KZ": -0.5}), "key[KZ]"),
])
def test_it_refuses_bad_figures_naming_where(problem, where):
    with pytest.raises(ValidationError) as refused:
        propose(problem)

    assert list(refused.value.errors) == [where]
