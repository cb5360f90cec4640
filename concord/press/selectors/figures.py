"""Figures a publication takes from the data: a placeholder in its text, such as
`{{operation:kanal-2024:detained}}`, `{{exercise:Interaction/2024:personnel}}` or
`{{assistance:REQ-2024-01:delivered}}`, is filled in at read time with the sum the public may
know. Every record counted is read through the public audience (`policy.readable_by`), so a
figure only ever adds PUBLIC records, and a record the public may not read gives the same mark
as one that does not exist. The public pages are cached by the head of the audit chain, which
every write moves: a figure follows the data on the next read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import formats
from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine, RequestLine
from concord.core.policy import Audience, readable_by
from concord.forces import seizures
from concord.forces.models import Exercise, ExerciseParticipant, Operation, OperationResult
from concord.forces.models.operations import Measure

PUBLIC_AUDIENCE = Audience()
PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+)\s*:\s*([^:{}]+?)\s*:\s*([a-z_]+)\s*\}\}")
EXERCISE_MEASURES = ("personnel", "equipment", "states")
ASSISTANCE_MEASURES = ("requested", "pledged", "delivered")
MEASURES: dict[str, tuple[str, ...]] = {
    "operation": tuple(Measure.values), "exercise": EXERCISE_MEASURES,
    "assistance": ASSISTANCE_MEASURES}


@dataclass(frozen=True)
class Figure:
    kind: str
    key: str
    measure: str

    @property
    def written(self) -> str:
        return f"{{{{{self.kind}:{self.key}:{self.measure}}}}}"


def figures_in(text: str) -> list[Figure]:
    return [Figure(kind, key, measure) for kind, key, measure in PLACEHOLDER.findall(text)]


def figure_errors(text: str) -> list[str]:
    """What is wrong with each placeholder of a text, named as it is written."""
    errors = []
    for figure in figures_in(text):
        if figure.kind not in MEASURES:
            errors.append(_("%(figure)s: no figure comes from «%(kind)s»; use operation, "
                            "exercise or assistance.") % {"figure": figure.written,
                                                          "kind": figure.kind})
        elif figure.measure not in MEASURES[figure.kind]:
            errors.append(_("%(figure)s: «%(measure)s» is not a figure of this kind; use one "
                            "of %(choices)s.") % {"figure": figure.written,
                                                  "measure": figure.measure,
                                                  "choices": ", ".join(MEASURES[figure.kind])})
        elif figure.kind == "exercise" and not re.fullmatch(r".+/\d{4}", figure.key):
            errors.append(_("%(figure)s: an exercise is named by its English series and year, "
                            "as Interaction/2024.") % {"figure": figure.written})
    return errors


def _operation(key: str, measure: str) -> Decimal | None:
    operation = readable_by(Operation.objects.filter(code=key), PUBLIC_AUDIENCE).first()
    if operation is None:
        return None
    results = readable_by(OperationResult.objects.filter(stage__operation=operation,
                                                         measure=measure), PUBLIC_AUDIENCE)
    total = results.aggregate(quantity=Sum("quantity"), kg=Sum("kg_equivalent"))
    return seizures.exact(measure, total["kg"] if seizures.weighed(measure)
                          else total["quantity"])


def _exercise(key: str, measure: str) -> Decimal | None:
    series, _slash, year = key.rpartition("/")
    if not year.isdigit():
        return None
    exercise = readable_by(Exercise.objects.filter(series_en=series, year=int(year)),
                           PUBLIC_AUDIENCE).first()
    if exercise is None:
        return None
    rows = readable_by(ExerciseParticipant.objects.filter(exercise=exercise), PUBLIC_AUDIENCE)
    if measure == "states":
        return Decimal(rows.order_by().values("state").distinct().count())
    return Decimal(rows.aggregate(total=Sum(measure))["total"] or 0)


def _assistance(key: str, measure: str) -> Decimal | None:
    request = readable_by(AssistanceRequest.objects.filter(reference=key),
                          PUBLIC_AUDIENCE).first()
    if request is None:
        return None
    if measure == "requested":
        total = RequestLine.objects.filter(request=request).aggregate(total=Sum("quantity"))
    else:
        pledges = readable_by(Pledge.objects.filter(request=request), PUBLIC_AUDIENCE)
        field = "quantity" if measure == "pledged" else "delivered"
        total = PledgeLine.objects.filter(pledge__in=pledges).aggregate(total=Sum(field))
    return Decimal(total["total"] or 0)


READERS: dict[str, Callable[[str, str], Decimal | None]] = {
    "operation": _operation, "exercise": _exercise, "assistance": _assistance}


def figure_value(figure: Figure) -> Decimal | None:
    """The figure as the public may know it, or None when there is nothing public to count."""
    if figure.kind not in READERS or figure.measure not in MEASURES[figure.kind]:
        return None
    return READERS[figure.kind](figure.key.strip(), figure.measure)


def filled(text: str) -> str:
    """The text with each placeholder replaced by its figure in the active language's format;
    a figure with nothing public behind it reads as a dash."""
    if "{{" not in text:
        return text
    known: dict[Figure, str] = {}

    def fill(match: re.Match[str]) -> str:
        figure = Figure(*match.groups())
        if figure not in known:
            value = figure_value(figure)
            shown = int(value) if value is not None and value == value.to_integral() \
                else value.normalize() if value is not None else None
            known[figure] = "—" if shown is None else formats.number_format(
                shown, use_l10n=True, force_grouping=True)
        return known[figure]

    return PLACEHOLDER.sub(fill, text)
