"""Filters read from a query string: one parser per list, used by its page, its export and its
API endpoint alike, so that a URL means the same everywhere. A value the parser cannot take is
never dropped in silence: the API refuses the request naming the parameter (422), a page shows
the list without that filter and says which one it left out and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR
from typing import Any, Generic, TypeVar

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from concord.core.errors import ValidationError

Filters = TypeVar("Filters")


@dataclass(frozen=True)
class Parsed(Generic[Filters]):
    """The filters made of the values that could be read, and a message per value that could
    not, keyed by its parameter."""

    filters: Filters
    errors: Mapping[str, list[str]]

    def or_refuse(self) -> Filters:
        if self.errors:
            raise ValidationError(_("Please correct the filters."),
                                  errors={name: list(found) for name, found in self.errors.items()})
        return self.filters

    def or_warn(self, request: HttpRequest) -> Filters:
        for name, found in self.errors.items():
            messages.warning(request, _("The filter “%(name)s” was left out: %(problem)s")
                             % {"name": name, "problem": " ".join(found)})
        return self.filters


def text(params: Mapping[str, Any], name: str, *, limit: int = 100) -> str:
    return str(params.get(name) or "").strip()[:limit]


def choice(params: Mapping[str, Any], name: str, choices: list[str],
           errors: dict[str, list[str]]) -> str:
    """One of `choices`, or blank (no filter); anything else is named in `errors`."""
    value = text(params, name)
    if value and value not in choices:
        errors[name] = [_("%(value)s is not one of: %(choices)s.")
                        % {"value": value, "choices": ", ".join(choices)}]
        return ""
    return value


def year(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> int | None:
    """A year a date can carry: a list filters its dates by it, and the database is asked for
    the first and last day of that year."""
    value = text(params, name)
    if not value:
        return None
    if not value.isdigit() or not MINYEAR <= int(value) <= MAXYEAR:
        errors[name] = [_("Give the year as a number.")]
        return None
    return int(value)
