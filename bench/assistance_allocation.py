"""What the fair-share proposal costs over the solver: 6 states × 500 request lines, the rule
(`concord.assistance.rules.allocation.propose`: checks, model, two solves, explanations) against
the same two-stage model built from ready arrays and solved directly with highspy.

Run on its own with `python -m bench.assistance_allocation [--lines N] [--repeat N]`. It needs
no database. The target is a ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from typing import Any

import highspy
import numpy as np

from concord.assistance.rules.allocation import (
    COVERAGE_TOLERANCE,
    DEVIATION_GAP,
    SHARE_PRECISION,
    Line,
    Problem,
    propose,
)

TARGET = 1.5
STATES = ("AM", "BY", "KZ", "KG", "RU", "TJ")
CATEGORIES = ("small_arms", "ammunition", "optics", "radar", "communications", "vehicles",
              "engineering", "training", "armoured_vehicles", "artillery", "aircraft",
              "border_infrastructure")


def problem(*, lines: int, seed: int) -> Problem:
    rnd = random.Random(seed)
    return Problem(
        lines=[Line(str(number), rnd.choice(CATEGORIES), rnd.randint(1, 500))
               for number in range(lines)],
        capacities={state: {category: rnd.choice([None, rnd.randint(0, 5000)])
                            for category in CATEGORIES} for state in STATES},
        # Budget shares of the kind the organization's members pay.
        key={"AM": 3.0, "BY": 8.0, "KZ": 15.0, "KG": 3.0, "RU": 50.0, "TJ": 3.0},
    )


def _direct_arrays(case: Problem) -> dict[str, Any]:
    """The model's arrays, prepared before the clock starts: the direct side only builds and
    solves."""
    lines = list(case.lines)
    states = sorted(set(case.capacities) | set(case.key))
    weights = [1.0 / line.quantity for line in lines]
    scale = len(lines) / sum(w * line.quantity for w, line in zip(weights, lines, strict=True))
    weights = [w * scale for w in weights]

    def cap(state: str, category: str) -> int:
        return case.capacities.get(state, {}).get(category) or 0

    key_total = sum(case.key.get(s, 0.0) for s in states)
    targets = [case.key.get(s, 0.0) / key_total for s in states]
    pairs = [(s, i) for s in range(len(states)) for i, line in enumerate(lines)
             if cap(states[s], line.category) > 0]
    slots: dict[tuple[int, str], int] = {}
    for s, i in pairs:
        slots.setdefault((s, lines[i].category), len(lines) + len(slots))
    return {"lines": lines, "states": states, "weights": weights, "targets": targets,
            "pairs": pairs, "slots": slots,
            "caps": {slot: cap(states[slot[0]], slot[1]) for slot in slots}}


def direct(arrays: dict[str, Any], time_limit: float) -> list[float]:
    lines, states, weights = arrays["lines"], arrays["states"], arrays["weights"]
    targets, pairs, slots, caps = (arrays["targets"], arrays["pairs"], arrays["slots"],
                                   arrays["caps"])
    n_s, n_p, n_l = len(states), len(pairs), len(lines)
    value_row = n_l + len(slots)
    total_row, above_row = value_row + n_s, value_row + n_s + 1
    below_row = above_row + n_s
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("random_seed", 2013)
    inf = highspy.kHighsInf
    lower = np.full(below_row + n_s, -inf)
    lower[value_row:above_row] = 0.0
    highs.addRows(below_row + n_s, lower,
                  np.concatenate([[line.quantity for line in lines],
                                  [caps[slot] for slot in slots], np.zeros(n_s), [0.0],
                                  np.zeros(2 * n_s)]), 0, np.array([], dtype=np.int32),
                  np.array([], dtype=np.int32), np.array([]))
    starts: list[int] = []
    index: list[int] = []
    value: list[float] = []
    upper: list[float] = []
    for s, i in pairs:
        starts.append(len(index))
        index += [i, slots[(s, lines[i].category)], value_row + s]
        value += [1.0, 1.0, -weights[i]]
        upper.append(min(lines[i].quantity, caps[(s, lines[i].category)]))
    for s in range(n_s):
        starts.append(len(index))
        index += [value_row + s, total_row, above_row + s, below_row + s]
        value += [1.0, -1.0, 1.0, -1.0]
        upper.append(inf)
    starts.append(len(index))
    index += [total_row, *[above_row + s for s in range(n_s)],
              *[below_row + s for s in range(n_s)]]
    value += [1.0, *[-t for t in targets], *targets]
    upper.append(inf)
    starts.append(len(index))
    index += [*[above_row + s for s in range(n_s)], *[below_row + s for s in range(n_s)]]
    value += [-1.0] * (2 * n_s)
    upper.append(inf)
    n_cols = n_p + n_s + 2
    cost = np.zeros(n_cols)
    cost[n_p + n_s] = -1.0
    highs.addCols(n_cols, cost, np.zeros(n_cols), np.array(upper),
                  len(index), np.array(starts, dtype=np.int32),
                  np.array(index, dtype=np.int32), np.array(value))
    highs.run()
    covered = highs.getSolution().col_value[n_p + n_s]
    highs.changeColBounds(n_p + n_s, covered - COVERAGE_TOLERANCE, inf)
    highs.changeColCost(n_p + n_s, 0.0)
    highs.changeColCost(n_p + n_s + 1, 1.0)
    highs.changeColsIntegrality(n_p, np.arange(n_p, dtype=np.int32),
                                np.full(n_p, highspy.HighsVarType.kInteger))
    highs.setOptionValue("time_limit", time_limit)
    highs.setOptionValue("mip_rel_gap", DEVIATION_GAP)
    highs.setOptionValue("mip_abs_gap", SHARE_PRECISION * covered / 2)
    highs.run()
    return list(highs.getSolution().col_value[:n_p])


def run(*, lines: int = 500, repeat: int = 5, seed: int = 2013) -> int:
    case = problem(lines=lines, seed=seed)
    arrays = _direct_arrays(case)
    samples: dict[str, list[float]] = {"rule": [], "direct": []}
    calls = {"rule": lambda: propose(case), "direct": lambda: direct(arrays, case.time_limit)}
    for round_ in range(repeat):
        order = ["rule", "direct"] if round_ % 2 == 0 else ["direct", "rule"]
        for name in order:
            started = time.perf_counter()
            calls[name]()
            samples[name].append(time.perf_counter() - started)
    rule, solver = statistics.median(samples["rule"]), statistics.median(samples["direct"])
    allocation = propose(case)
    ratio = rule / solver
    print(f"assistance allocation, {len(STATES)} states × {lines} lines: rule {rule * 1000:.0f} "
          f"ms, highspy directly {solver * 1000:.0f} ms, ratio {ratio:.2f} (target ≤ {TARGET}); "
          f"{allocation.covered_items} of {allocation.requested_items} items covered, largest "
          f"deviation {allocation.largest_deviation * 100:.3f} points, {allocation.status}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.assistance_allocation",
                                     description=__doc__)
    parser.add_argument("--lines", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2013)
    options = parser.parse_args()
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    django.setup()
    sys.exit(run(lines=options.lines, repeat=options.repeat, seed=options.seed))
