"""The case list's and the log's filters, read from a query string (concord.core.filters),
shared by the pages, their exports and the API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from concord.core import filters as read
from concord.core.filters import Parsed, Sort
from concord.crisis.models import Case, Stream

CASE_SORTS: dict[str, tuple[str, ...]] = {
    "opened": ("opened_at", "pk"), "phase": ("phase", "-opened_at", "pk"),
    "severity": ("severity", "-opened_at", "pk"), "type": ("type", "-opened_at", "pk"),
}


@dataclass(frozen=True)
class CaseFilters:
    q: str = ""
    type: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()
    state: str = ""
    sort: Sort = Sort("opened", descending=True)


@dataclass(frozen=True)
class LogFilters:
    stream: tuple[str, ...] = ()
    significant: bool = False


def case_filters(params: Mapping[str, Any]) -> Parsed[CaseFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(CaseFilters(
        q=read.text(params, "q"),
        type=read.several(params, "type", Case.Type.values, errors),
        phase=read.several(params, "phase", Case.Phase.values, errors),
        severity=read.several(params, "severity", Case.Severity.values, errors),
        state=read.text(params, "state").upper(),
        sort=read.sort_of(params, CASE_SORTS, CaseFilters.sort, errors)), errors)


def log_filters(params: Mapping[str, Any]) -> Parsed[LogFilters]:
    errors: dict[str, list[str]] = {}
    flag = read.choice(params, "significant", ["0", "1"], errors)
    return Parsed(LogFilters(stream=read.several(params, "stream", Stream.values, errors),
                             significant=flag == "1"), errors)
