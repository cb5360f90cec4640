"""The fair-share proposal put into words in the reader's language: the rule explains itself in
codes and figures, stored with the proposal, and these sentences read them back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from concord.assistance.models import Category


def category_name(code: str) -> str:
    try:
        return str(Category(code).label)
    except ValueError:
        return code


def _categories(codes: list[str]) -> str:
    return ", ".join(category_name(code) for code in codes)


def _points(value: float) -> str:
    return number_format(value, decimal_pos=2)


def reason_sentence(reason: Mapping[str, Any], *, states: Mapping[str, str]) -> str:
    """One reason of the rule as a sentence; `states` names each state code."""
    code, params = reason["code"], reason.get("params", {})
    names = ", ".join(states.get(state, state) for state in params.get("states", []))
    sentences = {
        "on_key": lambda: _("Its part matches its share in the key."),
        "below_key": lambda: _("Its part is %(points)s points below its share in the key.")
        % {"points": _points(params["points"])},
        "above_key": lambda: _("Its part is %(points)s points above its share in the key.")
        % {"points": _points(params["points"])},
        "capacity_exhausted": lambda: _("It gives all it declared in: %(categories)s.")
        % {"categories": _categories(params["categories"])},
        "no_capacity_declared": lambda: _("It declared no capacity in what the request asks "
                                          "for, so nothing is proposed to it."),
        "not_in_key": lambda: _("It has no share in the key; it is asked only for what no "
                                "one else can give."),
        "no_capacity": lambda: _("No state declared a capacity in %(category)s.")
        % {"category": category_name(params["category"])},
        "capacity_short": lambda: _("The states declared %(capacity)s in %(category)s, against "
                                    "%(requested)s asked.")
        % {"capacity": params["capacity"], "category": category_name(params["category"]),
           "requested": params["requested"]},
        "key_redistributed": lambda: _("The share of %(states)s (%(points)s points), who "
                                       "declared no capacity in what is asked, is shared out "
                                       "among the others in proportion to the key.")
        % {"states": names, "points": _points(params["share"] * 100)},
        "key_equal": lambda: _("The key gives no share to any state able to give: equal "
                               "shares are aimed at among %(states)s.") % {"states": names},
        "nothing_requested": lambda: _("Every line is already covered by pledges: nothing is "
                                       "left to propose."),
        "nothing_coverable": lambda: _("No state declared a capacity in %(categories)s: "
                                       "nothing can be proposed.")
        % {"categories": _categories(params["categories"])},
        "no_solution_in_time": lambda: _("No allocation was found within %(seconds)s "
                                         "seconds.") % {"seconds": params["seconds"]},
        "best_found_in_time": lambda: _("The best allocation found within %(seconds)s seconds "
                                        "is shown; a fairer one may exist.")
        % {"seconds": params["seconds"]},
    }
    found = sentences.get(code)
    return found() if found else code
