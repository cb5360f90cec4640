"""Query-string filters: read into typed values, a wrong value named by its parameter and never
dropped in silence. A selector's parser collects the problems with `FilterReader` and raises
one ValidationError; a page shows them with `page_filters` in one message that names each
parameter, and lists what it would list without them; the API answers the same error as 422
with the parameters as fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from concord.core.errors import ValidationError

F = TypeVar("F")


class FilterReader:
    """Reads parameters from `params` (a QueryDict or a plain mapping), noting each bad one."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = params
        self.errors: dict[str, list[str]] = {}

    def text(self, name: str, *, max_length: int = 100) -> str:
        return str(self.params.get(name) or "").strip()[:max_length]

    def choice(self, name: str, allowed: Iterable[str], *, message: str = "") -> str:
        value = self.text(name)
        options = list(allowed)
        if value and value not in options:
            self.refuse(name, message or _("Choose one of: %(options)s.")
                        % {"options": ", ".join(options)})
            return ""
        return value

    def refuse(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def done(self) -> None:
        """Raise the problems found, all at once."""
        if self.errors:
            raise ValidationError(_("Please correct the filters."), errors=self.errors)


def filter_problems(error: ValidationError) -> str:
    """The page's one message for bad filters: each parameter named with what is wrong."""
    named = [_("%(parameter)s: %(problem)s") % {"parameter": name, "problem": " ".join(problems)}
             for name, problems in error.errors.items()]
    return " ".join([error.detail, *named])


def page_filters(request: HttpRequest, parse: Callable[[Mapping[str, Any]], F],
                 fallback: F) -> tuple[F, dict[str, list[str]]]:
    """The filters of a page's query string, or `fallback` and the problems, said on the page,
    when a value is wrong."""
    try:
        return parse(request.GET), {}
    except ValidationError as error:
        messages.warning(request, filter_problems(error))
        return fallback, error.errors
