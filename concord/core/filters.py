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
from django.db.models import F, Func, OrderBy, TextField
from django.http import HttpRequest
from django.utils.translation import get_language
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


def _values(params: Mapping[str, Any], name: str) -> list[str]:
    """Every value given for `name`: repeated (`?a=x&a=y`, a QueryDict or a list) or one
    comma-separated value, as a link or a form with a multi-select writes them."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist is not None else params.get(name)
    if raw is None:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    found: list[str] = []
    for item in items:
        for piece in str(item).split(","):
            value = piece.strip()[:100]
            if value and value not in found:
                found.append(value)
    return found


def several(params: Mapping[str, Any], name: str, choices: list[str],
            errors: dict[str, list[str]]) -> tuple[str, ...]:
    """Any number of `choices` (none: no filter); each value that is not one is named in
    `errors`, and the others still filter."""
    values = _values(params, name)
    wrong = [value for value in values if value not in choices]
    if wrong:
        errors[name] = [_("%(value)s is not one of: %(choices)s.")
                        % {"value": ", ".join(wrong), "choices": ", ".join(choices)}]
    return tuple(value for value in values if value in choices)


def ordering(params: Mapping[str, Any], keys: list[str], errors: dict[str, list[str]],
             *, name: str = "sort") -> tuple[str, bool] | None:
    """The column a list is sorted by, as (key, descending) from `?sort=key` or `?sort=-key`;
    None when none is asked for, and a key outside `keys` is named in `errors`."""
    value = text(params, name)
    if not value:
        return None
    key = value.removeprefix("-")
    if key not in keys:
        errors[name] = [_("%(value)s is not one of: %(choices)s.")
                        % {"value": value, "choices": ", ".join(keys)}]
        return None
    return key, value.startswith("-")


@dataclass(frozen=True)
class Sort:
    """The column a list is sorted by, named by a key of the list's whitelist."""

    key: str
    descending: bool = False

    @property
    def param(self) -> str:
        """The value of `?sort=` that asks for this order."""
        return f"-{self.key}" if self.descending else self.key


def sort_of(params: Mapping[str, Any], keys: Mapping[str, tuple[str, ...]], default: Sort,
            errors: dict[str, list[str]]) -> Sort:
    """The order `?sort=` asks for among `keys`, or `default`; a key outside them is named."""
    found = ordering(params, list(keys), errors)
    return Sort(*found) if found else default


class Folded(Func):
    """A text in lower case, Cyrillic included, so that «О плане» sorts beside «о плане»:
    SQLite's own LOWER folds ASCII only (see concord.core.sqlite)."""

    function = "LOWER"
    output_field = TextField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(compiler, connection, function="concord_fold", **extra)


def order_by(sort: Sort, keys: Mapping[str, tuple[str, ...]]) -> list[str | OrderBy]:
    """What a selector orders by for `sort`. Each key of `keys` lists its fields in ascending
    order, the ones after the first breaking ties, so that a page of a sorted list never shares
    a row with the next one; a descending sort turns every field round, so that ties fall the
    same way both ways. `title` and `{lang}` are read in the page's language; titles and names
    (`title`, `name_…`) sort without regard to case. A field written `due_on?` may be empty:
    rows without it come last whichever way the list is sorted, on every engine."""
    language = "en" if (get_language() or "ru")[:2] == "en" else "ru"
    fields: list[str | OrderBy] = []
    for field in keys[sort.key]:
        name = field.removeprefix("-")
        empty_last = name.endswith("?")
        name = name.removesuffix("?")
        if name == "title":
            name = f"title_{language}"
        name = name.replace("{lang}", language)
        descending = field.startswith("-") != sort.descending
        leaf = name.rsplit("__", 1)[-1]
        if leaf.startswith(("title_", "name_")):
            folded = Folded(F(name))
            fields.append(folded.desc() if descending else folded.asc())
        elif empty_last:
            fields.append(F(name).desc(nulls_last=True) if descending
                          else F(name).asc(nulls_last=True))
        else:
            fields.append(f"-{name}" if descending else name)
    return fields
