"""The layouts of incident files and the reading of one row: ACLED's columns (since 2023 and
before), the project's own, and each value checked and converted into an incident's field, or the
reason the row cannot be used, in words for the person who made the file."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from typing import Any, NamedTuple

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from concord.core.marking import LABEL_COLUMNS, PARTY_SEPARATOR, classification_of_code
from concord.monitoring.geography import country_of
from concord.monitoring.models import (
    Credibility,
    GeoPrecision,
    Reliability,
    SourceScale,
    TimePrecision,
    Verification,
)
from concord.monitoring.taxonomy import from_acled

FORMATS = ("acled", "csv", "xlsx", "geojson")
# How the pages name each format: names of formats, the same in every language.
FORMAT_NAMES = {"acled": "CSV (ACLED)", "csv": "CSV (Concord)", "xlsx": "XLSX",
                "geojson": "GeoJSON"}

# ACLED's export since 2023: 31 columns.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
# ACLED's export before 2023.
ACLED_LEGACY_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "timestamp", "iso3",
)
ACLED_REQUIRED = frozenset({"event_id_cnty", "event_date", "event_type", "sub_event_type",
                            "country", "latitude", "longitude", "fatalities"})
# ACLED columns that have no field of their own here and ride along in `extra`.
ACLED_EXTRA = ("inter1", "inter2", "interaction", "civilian_targeting", "admin3", "tags",
               "timestamp", "region", "source_scale", "disorder_type", "data_id",
               "event_id_no_cnty", "iso3", "year")

# The project's own columns (CSV, XLSX, GeoJSON properties).
OWN_COLUMNS = (
    "id", "date", "time", "time_precision", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "category", "sub_category", "actor1",
    "assoc_actor1", "actor2", "assoc_actor2", "fatalities", "fatalities_low", "fatalities_high",
    "injured", "injured_low", "injured_high", "narrative", "sources", "source_scale",
    "reliability", "credibility", "verification",
)
OWN_REQUIRED = frozenset({"date", "country", "category", "sub_category"})

TIME_PRECISION_NAMES = {"day": TimePrecision.DAY, "week": TimePrecision.WEEK,
                        "month": TimePrecision.MONTH, "year": TimePrecision.YEAR}
GEO_PRECISION_NAMES = {"exact": GeoPrecision.EXACT, "near": GeoPrecision.NEAR,
                       "region": GeoPrecision.REGION, "country": GeoPrecision.COUNTRY}
# Looked up once: an import asks these for every row.
SCALES = {v: v for v in SourceScale.values}
RELIABILITIES = {v.casefold(): v for v in Reliability.values}
CREDIBILITIES = {str(v): v for v in Credibility.values}
VERIFICATIONS = {v: v for v in Verification.values}
# The languages whose labels of a coded value a file may hold instead of the code: a file made
# by hand, or by an older export, from a Russian page or an English one.
LABEL_LANGUAGES = ("en", "ru")


def _with_labels(codes: dict[str, Any], choices: Any) -> dict[str, Any]:
    """`codes` (the casefolded spellings a column takes) and the labels of `choices` in every
    language of LABEL_LANGUAGES. A label that spells another value's code or label is left out,
    so that no cell can mean two values."""
    allowed = dict(codes)
    taken: dict[str, Any] = {}
    for language in LABEL_LANGUAGES:
        with translation.override(language):
            for value, label in choices.choices:
                key = str(label).strip().casefold()
                taken.setdefault(key, set()).add(value)
    for key, values in taken.items():
        value = next(iter(values))
        if len(values) == 1 and allowed.get(key, value) == value:
            allowed[key] = value
    return allowed


@cache
def _readable() -> dict[str, dict[str, Any]]:
    # Built on first use: the labels are translated, which needs the catalogues loaded.
    return {
        "time_precision": _with_labels(TIME_PRECISION_NAMES, TimePrecision),
        "geo_precision": _with_labels(GEO_PRECISION_NAMES, GeoPrecision),
        "source_scale": _with_labels(SCALES, SourceScale),
        "reliability": _with_labels(RELIABILITIES, Reliability),
        "credibility": _with_labels(CREDIBILITIES, Credibility),
        "verification": _with_labels(VERIFICATIONS, Verification),
    }
ACLED_TIME_PRECISIONS = frozenset(TimePrecision.values)
ACLED_GEO_PRECISIONS = frozenset(GeoPrecision.values)
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d/%m/%Y", "%d.%m.%Y")


# How an import keys a row by the identifier its file gives: `event_id_cnty` in ACLED's layout,
# `id` in Concord's own. Both name the same thing, so either key finds a row imported under
# the other.
ID_PREFIXES = ("acled:", "id:")


def file_id(external_id: str, public_id: object) -> str:
    """The identifier every export writes for an incident, whatever its format: the one its
    own file gave it (ACLED's `event_id_cnty` or an `id`), else Concord's public id. One value
    in every format, so that a file of any format finds the incident again."""
    for prefix in ID_PREFIXES:
        if external_id.startswith(prefix):
            return external_id[len(prefix):]
    return str(public_id)


def key_spellings(key: str) -> tuple[str, ...]:
    """The keys a row may have been recorded under: an identifier given by a file is the same
    whether it came in ACLED's layout or Concord's own."""
    for prefix in ID_PREFIXES:
        if key.startswith(prefix):
            given = key[len(prefix):]
            return tuple(other + given for other in ID_PREFIXES)
    return (key,)


class RowError(ValueError):
    """Why one row cannot be imported, in words for the person who made the file: one message
    per problem, each naming the column and the value."""

    def __init__(self, *messages: str) -> None:
        super().__init__(" ".join(messages))
        self.messages = list(messages)


class FileRefused(ValueError):
    """Why no row of a file is read at all (above a limit, or not readable as its format): the
    import fails, whether or not bad rows were to be skipped."""


class Limits(NamedTuple):
    """The most a file may hold: bytes uncompressed (an XLSX workbook's members added up) and
    data rows (CONCORD_IMPORT_MAX_BYTES, CONCORD_IMPORT_MAX_ROWS)."""

    max_bytes: int
    max_rows: int


def configured_limits() -> Limits:
    return Limits(max_bytes=settings.CONCORD_IMPORT_MAX_BYTES,
                  max_rows=settings.CONCORD_IMPORT_MAX_ROWS)


class RowLabel(NamedTuple):
    """The label a row of a file carries, with parties as the file spells their codes (the
    import resolves them)."""

    classification: int
    originator: str
    release_to_all_members: bool
    releasable_to: tuple[str, ...]


class Row(NamedTuple):
    line: int
    values: dict[str, Any] | None
    error: str = ""
    label: RowLabel | None = None
    # Every problem of a bad row, when it has more than the one in `error`.
    errors: tuple[str, ...] = ()

    @property
    def problems(self) -> tuple[str, ...]:
        return self.errors or ((self.error,) if self.error else ())


Convert = Callable[[dict[str, Any]], dict[str, Any]]


def _row(line: int, raw: dict[str, Any], convert: Convert) -> Row:
    """The row's values and label, or every problem found in either."""
    problems: list[str] = []
    values: dict[str, Any] | None = None
    label: RowLabel | None = None
    try:
        values = convert(raw)
    except RowError as error:
        problems += error.messages
    try:
        label = row_label(raw)
    except RowError as error:
        problems += error.messages
    if problems:
        return Row(line, None, problems[0], None, tuple(problems))
    return Row(line, values, "", label)


class _Cells:
    """One row's cells read column by column: a cell that cannot be read leaves its problem
    here and a stand-in value, so that the next columns are still read and the row reports every
    problem it has at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def read(self, convert: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return convert(*args, **kwargs)
        except RowError as error:
            self.problems += error.messages
            return None

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def check(self) -> None:
        if self.problems:
            raise RowError(*self.problems)


# An ISO date, YYYY-MM-DD, is read as such before the other formats are tried.
ISO_DATE_LENGTH = len("2000-01-01")

# C0 control characters. A NUL is refused everywhere (PostgreSQL cannot store it in text);
# tab, line feed and carriage return only where a field holds running text over several lines.
_CONTROL_IN_LINE = re.compile("[\x00-\x1f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(raw: dict[str, Any], name: str, limit: int = 200, *, lines: bool = False) -> str:
    value = raw.get(name)
    if not value:
        return ""
    text = value.strip() if type(value) is str else str(value).strip()
    if len(text) > limit:
        raise RowError(_("%(column)s is longer than %(limit)s characters.")
                       % {"column": name, "limit": limit})
    # isprintable() is one pass in C that most cells pass; only the others are searched.
    found = None if text.isprintable() else (
        _CONTROL_IN_TEXT if lines else _CONTROL_IN_LINE).search(text)
    if found is not None:
        raise RowError(_("%(column)s holds the control character U+%(code)04X at character "
                         "%(position)s.")
                       % {"column": name, "code": ord(found.group()), "position": found.start() + 1})
    return text


def _date(value: Any, column: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if len(text) == ISO_DATE_LENGTH and text[4] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise RowError(_("%(column)s is not a date: %(value)r.") % {"column": column, "value": text})


def _time(value: Any) -> time | None:
    if isinstance(value, time):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise RowError(_("time is not a time of day: %(value)r.") % {"value": text}) from error


def _count(value: Any, column: str, *, required: bool = False) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        if required:
            raise RowError(_("%(column)s is missing.") % {"column": column})
        return None
    try:
        number = float(text)
    except ValueError as error:
        raise RowError(_("%(column)s is not a number: %(value)r.")
                       % {"column": column, "value": text}) from error
    if number < 0 or number != int(number):
        raise RowError(_("%(column)s must be a whole number of at least 0: %(value)r.")
                       % {"column": column, "value": text})
    return int(number)


def _coordinate(value: Any, column: str, bound: float) -> float | None:
    text = str(value if value is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError as error:
        raise RowError(_("%(column)s is not a number: %(value)r.")
                       % {"column": column, "value": text}) from error
    if not -bound <= number <= bound:
        raise RowError(_("%(column)s is out of range: %(value)s.")
                       % {"column": column, "value": text})
    return number


def _choice(value: Any, column: str, allowed: dict[str, Any], default: Any) -> Any:
    text = str(value if value is not None else "").strip()
    if not text:
        return default
    key = text.casefold()
    if key in allowed:
        return allowed[key]
    raise RowError(_("%(column)s has an unknown value %(value)r.")
                   % {"column": column, "value": text})


def _country(raw: dict[str, Any], *, code: str = "", numeric: str = "") -> str:
    name = _text(raw, "country")
    country = country_of(code=code, numeric=numeric, name=name)
    if country is None:
        raise RowError(_("country %(value)r is outside the area Concord watches.")
                       % {"value": name or code or numeric})
    return country.alpha2


def _acled_scale(text: str) -> str:
    # ACLED writes the scales of several sources joined ("National-Regional"): the first counts.
    first = text.split("-", maxsplit=1)[0].strip().casefold()
    return str(_readable()["source_scale"].get(first, SourceScale.OTHER))


_TRUE = frozenset({"true", "1", "yes", "да"})
_FALSE = frozenset({"false", "0", "no", "нет"})


def _flag(value: Any, column: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip()
    key = text.casefold()
    if not key or key in _FALSE:
        return False
    if key in _TRUE:
        return True
    raise RowError(_("%(column)s has an unknown value %(value)r (true or false).")
                   % {"column": column, "value": text})


def _codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        parts = [str(part) for part in value]
    else:
        parts = str(value if value is not None else "").split(PARTY_SEPARATOR)
    return tuple(code for code in (part.strip() for part in parts) if code)


def row_label(raw: dict[str, Any]) -> RowLabel | None:
    """The label a row carries in the label columns, None when it leaves them all empty. A row
    that fills any of them names its classification; an empty `release_to_all_members` is
    `false`, so that a row is never released wider than the file says."""
    if all(raw.get(name) in (None, "", [], ()) for name in LABEL_COLUMNS):
        return None
    cells = _Cells()
    text = str(raw.get("classification") or "").strip()
    classification = classification_of_code(text) if text else None
    if not text:
        cells.fail(_("classification is missing beside the other label columns."))
    elif classification is None:
        cells.fail(_("classification has an unknown value %(value)r (public, official_use, "
                     "confidential or secret).") % {"value": text})
    originator = cells.read(_text, raw, "originator", 16)
    to_all = cells.read(_flag, raw.get("release_to_all_members"), "release_to_all_members")
    cells.check()
    assert classification is not None  # noqa: S101 - checked above: a problem otherwise
    return RowLabel(classification, originator, to_all, _codes(raw.get("releasable_to")))


def acled_values(raw: dict[str, Any]) -> dict[str, Any]:
    cells = _Cells()
    read = cells.read
    event_type = read(_text, raw, "event_type") or ""
    sub_event_type = read(_text, raw, "sub_event_type") or ""
    categories = from_acled(event_type, sub_event_type)
    if categories is None:
        cells.fail(_("event type %(type)r with sub-event type %(sub)r is not in the taxonomy.")
                   % {"type": event_type, "sub": sub_event_type})
    event_id = read(_text, raw, "event_id_cnty", 90)
    if event_id == "":
        cells.fail(_("event_id_cnty is missing."))
    precision = read(_count, raw.get("time_precision"), "time_precision")
    geo = read(_count, raw.get("geo_precision"), "geo_precision")
    for column, value, allowed in (("time_precision", precision, ACLED_TIME_PRECISIONS),
                                   ("geo_precision", geo, ACLED_GEO_PRECISIONS)):
        if value and value not in allowed:
            cells.fail(_("%(column)s must be 1, 2, 3 or 4: %(value)r.")
                       % {"column": column, "value": str(raw.get(column)).strip()})
    extra = {}
    for name in ACLED_EXTRA:
        if raw.get(name):
            extra[name] = read(_text, raw, name, 1000)
    values = {
        "external_id": "acled:" + (event_id or ""),
        "occurred_on": read(_date, raw.get("event_date"), "event_date"),
        "occurred_at": None,
        "time_precision": precision or TimePrecision.DAY,
        "country": read(_country, raw, numeric=read(_text, raw, "iso") or ""),
        "admin1": read(_text, raw, "admin1", 100), "admin2": read(_text, raw, "admin2", 100),
        "location": read(_text, raw, "location"),
        "latitude": read(_coordinate, raw.get("latitude"), "latitude", 90),
        "longitude": read(_coordinate, raw.get("longitude"), "longitude", 180),
        "geo_precision": geo or GeoPrecision.EXACT,
        "category": categories[0] if categories else "",
        "sub_category": categories[1] if categories else "",
        "actor1": read(_text, raw, "actor1"),
        "assoc_actor1": read(_text, raw, "assoc_actor_1", 300),
        "actor2": read(_text, raw, "actor2"),
        "assoc_actor2": read(_text, raw, "assoc_actor_2", 300),
        "fatalities": read(_count, raw.get("fatalities"), "fatalities", required=True),
        "fatalities_low": None, "fatalities_high": None,
        "injured": 0, "injured_low": None, "injured_high": None,
        "narrative": read(_text, raw, "notes", 20000, lines=True),
        "sources": read(_text, raw, "source", 2000, lines=True),
        "source_scale": _acled_scale(extra.get("source_scale") or ""),
        "reliability": Reliability.F, "credibility": Credibility.UNKNOWN,
        "verification": Verification.REPORTED,
        "extra": extra,
    }
    cells.check()
    return values


def _digest(raw: dict[str, Any]) -> str:
    canonical = json.dumps({k: str(v if v is not None else "").strip() for k, v in raw.items()
                            if k != "id"}, sort_keys=True, ensure_ascii=False)
    return "sha1:" + hashlib.sha1(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()


def own_values(raw: dict[str, Any]) -> dict[str, Any]:
    cells = _Cells()
    read = cells.read
    category = read(_text, raw, "category") or ""
    sub = read(_text, raw, "sub_category") or ""
    categories = from_acled(category, sub)
    if categories is None:
        cells.fail(_("category %(type)r with sub-category %(sub)r is not in the taxonomy.")
                   % {"type": category, "sub": sub})
    own_id = read(_text, raw, "id", 90)
    readable = _readable()

    def choice(column: str, default: Any) -> Any:
        return read(_choice, raw.get(column), column, readable[column], default)

    values: dict[str, Any] = {
        "external_id": ("id:" + own_id) if own_id else _digest(raw),
        "occurred_on": read(_date, raw.get("date"), "date"),
        "occurred_at": read(_time, raw.get("time")),
        "time_precision": choice("time_precision", TimePrecision.DAY),
        "country": read(_country, raw, code=read(_text, raw, "country") or ""),
        "admin1": read(_text, raw, "admin1", 100), "admin2": read(_text, raw, "admin2", 100),
        "location": read(_text, raw, "location"),
        "latitude": read(_coordinate, raw.get("latitude"), "latitude", 90),
        "longitude": read(_coordinate, raw.get("longitude"), "longitude", 180),
        "geo_precision": choice("geo_precision", GeoPrecision.EXACT),
        "category": categories[0] if categories else "",
        "sub_category": categories[1] if categories else "",
        "actor1": read(_text, raw, "actor1"), "assoc_actor1": read(_text, raw, "assoc_actor1", 300),
        "actor2": read(_text, raw, "actor2"), "assoc_actor2": read(_text, raw, "assoc_actor2", 300),
        "fatalities": read(_count, raw.get("fatalities"), "fatalities") or 0,
        "fatalities_low": read(_count, raw.get("fatalities_low"), "fatalities_low"),
        "fatalities_high": read(_count, raw.get("fatalities_high"), "fatalities_high"),
        "injured": read(_count, raw.get("injured"), "injured") or 0,
        "injured_low": read(_count, raw.get("injured_low"), "injured_low"),
        "injured_high": read(_count, raw.get("injured_high"), "injured_high"),
        "narrative": read(_text, raw, "narrative", 20000, lines=True),
        "sources": read(_text, raw, "sources", 2000, lines=True),
        "source_scale": choice("source_scale", SourceScale.OTHER),
        "reliability": choice("reliability", Reliability.F),
        "credibility": choice("credibility", Credibility.UNKNOWN),
        "verification": choice("verification", Verification.REPORTED),
        "extra": {},
    }
    for name in ("fatalities", "injured"):
        low, high = values[f"{name}_low"], values[f"{name}_high"]
        if (low is not None and low > values[name]) or (high is not None and high < values[name]):
            cells.fail(_("%(column)s: the range must contain the best figure: %(value)r.")
                       % {"column": name, "value": f"{low}–{values[name]}–{high}"})
    if (values["latitude"] is None) != (values["longitude"] is None) and not any(
            column in problem for problem in cells.problems
            for column in ("latitude", "longitude")):
        cells.fail(_("latitude and longitude go together."))
    cells.check()
    return values
