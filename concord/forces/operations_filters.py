"""The filters of the joint operations' lists, read from a query string (concord.core.filters):
one parser for the pages, their exports and the API, so that a URL means the same everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core import filters as read
from concord.core.filters import Parsed, Sort
from concord.forces.models import Measure, Operation

OPERATION_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name_{lang}", "id"), "kind": ("kind", "name_{lang}", "id"),
    "start": ("first_day", "name_{lang}", "id"),
}
RESULT_SORTS: dict[str, tuple[str, ...]] = {
    "stage": ("stage__starts_on", "stage__operation__code", "stage__number", "originator__code",
              "measure", "id"),
    "state": ("originator__code", "-stage__starts_on", "measure", "id"),
    "measure": ("measure", "-stage__starts_on", "originator__code", "id"),
    "quantity": ("quantity", "-stage__starts_on", "id"),
    "kg": ("kg_equivalent", "-stage__starts_on", "id"),
}
# What the totals are grouped by.
GROUPINGS = ("stage", "operation", "year", "state")


@dataclass(frozen=True)
class OperationFilters:
    kinds: tuple[str, ...] = ()
    year: int | None = None
    q: str = ""
    sort: Sort = Sort("start", descending=True)


@dataclass(frozen=True)
class ResultFilters:
    operations: tuple[str, ...] = ()
    year: int | None = None
    states: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    substances: tuple[str, ...] = ()
    stage: int | None = None
    q: str = ""
    sort: Sort = Sort("stage", descending=True)
    by: str = "operation"


def operation_filters(params: Mapping[str, Any]) -> Parsed[OperationFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(OperationFilters(
        kinds=read.several(params, "kind", list(Operation.Kind.values), errors),
        year=read.year(params, "year", errors), q=read.text(params, "q"),
        sort=read.sort_of(params, OPERATION_SORTS, OperationFilters.sort, errors)), errors)


def result_filters(params: Mapping[str, Any], *, operations: list[str], states: list[str],
                   substances: list[str]) -> Parsed[ResultFilters]:
    """`operations`, `states` and `substances` are the codes the viewer may choose from: one
    that names nothing the viewer reads is refused like an unknown one."""
    errors: dict[str, list[str]] = {}
    stage_text = read.text(params, "stage")
    stage = int(stage_text) if stage_text.isdigit() else None
    if stage_text and stage is None:
        errors["stage"] = [_("Give the stage's number.")]
    by = read.choice(params, "by", list(GROUPINGS), errors) or ResultFilters.by
    return Parsed(ResultFilters(
        operations=read.several(params, "operation", operations, errors),
        year=read.year(params, "year", errors),
        states=read.several(params, "state", states, errors),
        measures=read.several(params, "measure", list(Measure.values), errors),
        substances=read.several(params, "substance", substances, errors),
        stage=stage, q=read.text(params, "q"),
        sort=read.sort_of(params, RESULT_SORTS, ResultFilters.sort, errors), by=by), errors)
