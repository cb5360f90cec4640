"""Reads whose SQL Django compiles once and that then run again with new argument values.

A page that reads the same few lists on every request spends most of its time in the ORM, not
in the database: compiling each queryset to SQL and building a model instance for each row.
A `PreparedQuery` keeps the first and drops the second. Its builder is an ordinary queryset
function, scoped with `.visible_to(viewer)` wherever the model is labelled, so the label rule
still comes from `concord.core.labels` and nowhere else:

    documents_of_session = PreparedQuery(
        lambda viewer, *, session: Document.objects.visible_to(viewer)
        .filter(session=session).values("public_id", "symbol"),
        arguments={"session": int})

    documents_of_session.rows(viewer=request.user, session=session.pk)

The builder is called with stand-ins (markers) for the arguments; the SQL Django compiles from
it is kept per database connection and per viewer scope (`Viewer.of(user)`), with the places of
the markers among its parameters, and each later call runs that SQL with the real values put in
their place. Rows come back as `.values()` would give them: dicts keyed by the selected names,
each value converted by Django's own converters.

What the builder may use, so that the kept SQL stays right:

- the viewer scope and the arguments, and nothing else that changes between calls (the active
  language, today's date, settings); whatever else it reads is frozen into the kept SQL;
- each argument exactly once, compared as it is (an integer to an integer column, a UUID to a
  UUID column, a date to a date column, a string to a text column): a marker Django
  transforms, inlines into the SQL text (slicing) or does not find room for (a column narrower
  than 64 bits) is not found, and that is refused as ImproperlyConfigured when the SQL is first
  compiled, never silently.

The kept SQL lives on the connection wrapper, which Django gives each thread its own, so no two
threads share an entry; each wrapper keeps at most `CACHE_SIZE` of them, the least recently
used going first.
"""

from __future__ import annotations

import re
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable, ValuesListIterable

from concord.core import actors
from concord.core.labels import Viewer

# Compiled reads each connection keeps: a handful of queries times the viewer scopes in use
# (parties times clearances) fits with room to spare; past that the least used is compiled again.
CACHE_SIZE = 256
_CACHE_ATTRIBUTE = "concord_prepared_queries"

# Markers stand for the arguments while the SQL is compiled. Integers are far from any primary
# key, count or clearance, are no power of two (the viewer's release flag is one), and fit a
# 64-bit column on both engines; UUIDs are no uuid4 (the version nibble is 0); dates lie in the
# eleventh century, before any record; strings start with a NUL, which no form lets through.
_INT_MARKER = 0x4C3B_2A19_5E0D_0000
_UUID_MARKER = 0x636F_6E63_6F72_0000_0000_0000_0000_0000
_DATE_MARKER = date(1013, 3, 1)
_STR_MARKER = "\x00concord-argument-"

ARGUMENT_TYPES = (int, uuid.UUID, date, str)

Row = TypeVar("Row", bound=tuple[Any, ...])

# A compiled query's placeholders and escaped percent signs, read left to right.
_PLACEHOLDER = re.compile(r"%%|%s")


@dataclass(frozen=True)
class _Slot:
    placeholder: str
    argument: str
    to_database: Callable[[Any], Any]


@dataclass(frozen=True)
class _Compiled:
    # With named placeholders (%(p0)s, %(p1)s …) in place of Django's positional ones: both
    # engines take them, and the SQLite backend rewrites a long statement's positional
    # placeholders with a regular expression on every execution, which costs more than the
    # statement's whole run in the database.
    sql: str
    params: dict[str, Any]
    slots: tuple[_Slot, ...]
    names: tuple[str, ...]
    # (column, converters, expression), applied in order as SQLCompiler.apply_converters does.
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]
    # Columns Django adds after the selected ones (ordering under DISTINCT) are cut off.
    width: int | None
    connection: BaseDatabaseWrapper


def _as_int(value: Any) -> int:
    return int(value)


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _as_uuid_hex(value: Any) -> str:
    # How UUIDField hands a UUID to an engine without a UUID type (SQLite): 32 hex digits.
    return _as_uuid(value).hex


def _as_date(value: Any) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"a date argument takes a date, not {value!r}")
    return value


def _as_date_text(value: Any) -> str:
    # How DateField hands a date to an engine without a date type (SQLite): ISO 8601.
    return _as_date(value).isoformat()


def _as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a string argument takes a str, not {value!r}")
    return value


def _marker(kind: type, index: int) -> Any:
    if kind is int:
        return _INT_MARKER + index
    if kind is uuid.UUID:
        return uuid.UUID(int=_UUID_MARKER + index)
    if kind is date:
        return _DATE_MARKER + timedelta(days=index)
    return f"{_STR_MARKER}{index}"


class PreparedQuery:
    """A `.values()` read compiled once per connection and viewer scope, then run with new
    argument values. `build(viewer, **arguments)` returns the queryset; `arguments` names each
    argument's type: `int`, `uuid.UUID`, `datetime.date` or `str`.

    With `converted` given, only the columns it names go through Django's converters, each
    distinct value once, and the others come back as the driver hands them, as `plain_rows`
    gives them (for sums over many groups, which the driver gives as numbers already)."""

    def __init__(self, build: Callable[..., QuerySet[Any]], *,
                 arguments: Mapping[str, type] | None = None, name: str = "",
                 converted: tuple[str, ...] | None = None) -> None:
        self.build = build
        self.converted = converted
        self.arguments = dict(arguments or {})
        for argument, kind in self.arguments.items():
            if kind not in ARGUMENT_TYPES:
                raise ImproperlyConfigured(
                    f"Prepared query argument {argument!r} is a {kind.__name__}; "
                    "only int, uuid.UUID, date and str arguments can be prepared.")
        self.name = name or getattr(build, "__qualname__", repr(build))

    def __repr__(self) -> str:
        return f"<PreparedQuery {self.name}>"

    def rows(self, *, viewer: actors.Viewer, using: str = DEFAULT_DB_ALIAS,
             **arguments: Any) -> list[dict[str, Any]]:
        """The rows `build(viewer, **arguments)` would give through `.values()`."""
        compiled, fetched = self._fetch(viewer, using, arguments)
        names = compiled.names
        return [dict(zip(names, row, strict=True)) for row in fetched]

    def first(self, *, viewer: actors.Viewer, using: str = DEFAULT_DB_ALIAS,
              **arguments: Any) -> dict[str, Any] | None:
        """The first row, or None: for a read of one record by a unique key."""
        found = self.rows(viewer=viewer, using=using, **arguments)
        return found[0] if found else None

    def rows_as(self, row_type: type[Row], *, viewer: actors.Viewer, using: str = DEFAULT_DB_ALIAS,
                **arguments: Any) -> list[Row]:
        """The same rows as named tuples of `row_type`, whose fields are the selected names in
        their order: for a list read on every request, a tuple a row is cheaper than a dict
        and gives its reader a type."""
        compiled, fetched = self._fetch(viewer, using, arguments)
        if getattr(row_type, "_fields", None) != compiled.names:
            raise ImproperlyConfigured(
                f"{self.name} selects {compiled.names}, not the fields of {row_type.__name__}.")
        return list(map(row_type._make, fetched))  # type: ignore[attr-defined]

    def _fetch(self, viewer: actors.Viewer, using: str,
               arguments: dict[str, Any]) -> tuple[_Compiled, list[Any]]:
        if arguments.keys() != self.arguments.keys():
            raise TypeError(f"{self.name} takes the arguments {sorted(self.arguments)}, "
                            f"not {sorted(arguments)}.")
        compiled = self._compiled(connections[using], Viewer.of(viewer))
        params = compiled.params.copy()
        for slot in compiled.slots:
            params[slot.placeholder] = slot.to_database(arguments[slot.argument])
        with compiled.connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched: list[Any] = cursor.fetchall()
        if compiled.width is not None:
            fetched = [row[:compiled.width] for row in fetched]
        if compiled.converters:
            if self.converted is None:
                fetched = self._converted(fetched, compiled)
            else:
                wanted = [(position, (converters, expression))
                          for position, converters, expression in compiled.converters
                          if compiled.names[position] in self.converted]
                if wanted:
                    fetched = _converted_once(fetched, wanted, compiled.connection)
        return compiled, fetched

    @staticmethod
    def _converted(fetched: list[Any], compiled: _Compiled) -> list[list[Any]]:
        connection = compiled.connection
        converted = []
        for values in fetched:
            row = list(values)
            for position, converters, expression in compiled.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            converted.append(row)
        return converted

    def _compiled(self, connection: BaseDatabaseWrapper, viewer: Viewer) -> _Compiled:
        cache: OrderedDict[tuple[PreparedQuery, Viewer], _Compiled] | None = getattr(
            connection, _CACHE_ATTRIBUTE, None)
        if cache is None:
            cache = OrderedDict()
            setattr(connection, _CACHE_ATTRIBUTE, cache)
        key = (self, viewer)
        compiled = cache.get(key)
        if compiled is None:
            compiled = cache[key] = self._compile(connection, viewer)
            while len(cache) > CACHE_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(key)
        return compiled

    def _compile(self, connection: BaseDatabaseWrapper, viewer: Viewer) -> _Compiled:
        markers: dict[str, Any] = {}
        for index, (argument, kind) in enumerate(self.arguments.items()):
            markers[argument] = _marker(kind, index)
        queryset = self.build(viewer, **markers)
        if not isinstance(queryset, QuerySet) or queryset._iterable_class is not ValuesIterable:
            raise ImproperlyConfigured(f"{self.name} must build a .values() queryset.")
        if getattr(queryset, "_prefetch_related_lookups", ()):
            raise ImproperlyConfigured(f"{self.name} cannot prefetch: it reads rows, not models.")
        query = queryset.query
        compiler = query.get_compiler(connection=connection)
        try:
            sql, compiled_params = compiler.as_sql()
        except EmptyResultSet:
            sql, compiled_params = "", ()
        if not sql:
            raise ImproperlyConfigured(
                f"{self.name} compiles to no query at all: does it build .none(), or compare an "
                "argument to a column too narrow for it?")
        params = tuple(compiled_params)
        slots = tuple(self._slot(params, argument, marker, connection)
                      for argument, marker in markers.items())
        sql, placeholders = self._named(sql, len(params))
        columns = [selected[0] for selected in compiler.select[:compiler.col_count]]
        if compiler.has_composite_fields(columns):
            raise ImproperlyConfigured(f"{self.name} selects a composite primary key.")
        converters = tuple((position, tuple(found[0]), found[1])
                           for position, found in compiler.get_converters(columns).items())
        # The names ValuesIterable gives the columns, in its order.
        if query.selected:
            names = tuple(query.selected)
        else:
            names = (*query.extra_select, *query.values_select, *query.annotation_select)
        unknown = [name for name in self.converted or () if name not in names]
        if unknown:
            raise ImproperlyConfigured(f"{self.name} cannot convert {unknown}: it selects "
                                       f"{names}.")
        return _Compiled(sql=sql, params=dict(zip(placeholders, params, strict=True)),
                         slots=slots, names=names, converters=converters,
                         width=compiler.col_count if compiler.has_extra_select else None,
                         connection=connection)

    def _slot(self, params: tuple[Any, ...], argument: str, marker: Any,
              connection: BaseDatabaseWrapper) -> _Slot:
        forms: list[tuple[Any, Callable[[Any], Any]]]
        if isinstance(marker, uuid.UUID):
            forms = [(marker, _as_uuid), (marker.hex, _as_uuid_hex)]
        elif isinstance(marker, date):
            forms = [(marker, _as_date), (marker.isoformat(), _as_date_text)]
        elif isinstance(marker, str):
            forms = [(marker, _as_str)]
        else:
            forms = [(marker, _as_int)]
        for form, to_database in forms:
            # By type as well as value: a parameter that merely compares equal is not the marker.
            positions = [index for index, value in enumerate(params)
                         if type(value) is type(form) and value == form]
            if len(positions) == 1:
                return _Slot(_placeholder(positions[0]), argument, to_database)
            if positions:
                raise ImproperlyConfigured(
                    f"{self.name} uses the argument {argument!r} {len(positions)} times; "
                    "a prepared query takes each argument once.")
        raise ImproperlyConfigured(
            f"{self.name}: the argument {argument!r} is not among the compiled query's "
            f"parameters on {connection.vendor}. Compare it to a column as it is, not "
            "transformed, sliced or inlined into the SQL.")

    def _named(self, sql: str, count: int) -> tuple[str, list[str]]:
        placeholders: list[str] = []

        def name(match: re.Match[str]) -> str:
            if match.group() == "%%":
                return "%%"
            placeholders.append(_placeholder(len(placeholders)))
            return f"%({placeholders[-1]})s"

        named = _PLACEHOLDER.sub(name, sql)
        if len(placeholders) != count:
            raise ImproperlyConfigured(
                f"{self.name} compiles to {len(placeholders)} placeholders for {count} "
                "parameters.")
        return named, placeholders


def _placeholder(position: int) -> str:
    return f"p{position}"


def plain_rows(queryset: QuerySet[Any], *,
               converted: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """The rows of a `.values_list()` read as the database's driver hands them, for a grouping
    of many rows whose values are numbers the driver already gives as Python numbers: Django
    would call a converter on each value of each row.

    Only the columns named in `converted` go through Django's converters (a date SQLite hands
    back as text, say), each distinct value once. Whoever names the columns vouches for the
    others: a column whose field Django converts (a decimal, a UUID, a date, a JSON field) and
    that is not named comes back as the engine gives it. The queryset is compiled as Django
    would compile it, so a labelled model's rows are still only those `.visible_to()` lets
    through, and a queryset not scoped to a viewer is refused as before."""
    if queryset._iterable_class is not ValuesListIterable:
        raise ImproperlyConfigured("plain_rows reads a .values_list() queryset (not flat, not "
                                   "named).")
    query = queryset.query
    connection = connections[queryset.db]
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return []
    if not sql:
        return []
    names = tuple(query.selected) if query.selected else (
        *query.extra_select, *query.values_select, *query.annotation_select)
    unknown = [name for name in converted if name not in names]
    if unknown:
        raise ImproperlyConfigured(f"plain_rows cannot convert {unknown}: the read selects "
                                   f"{names}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched: list[Any] = cursor.fetchall()
    width = compiler.col_count
    if compiler.has_extra_select:
        fetched = [row[:width] for row in fetched]
    columns = [selected[0] for selected in compiler.select[:width]]
    converters = compiler.get_converters(columns)
    wanted = [(names.index(name), converters[names.index(name)]) for name in converted
              if names.index(name) in converters]
    if not wanted:
        return [tuple(row) for row in fetched]
    return _converted_once(fetched, wanted, connection)


def _converted_once(fetched: list[Any], wanted: list[tuple[int, Any]],
                    connection: BaseDatabaseWrapper) -> list[tuple[Any, ...]]:
    """The rows with each wanted column's values converted, each distinct value once; a row
    is built again only where a converter changed one of its values (SQLite's driver already
    hands back a date column that is a table's as a date, say)."""
    rows: list[tuple[Any, ...]] = [tuple(row) for row in fetched]
    for position, (functions, expression) in wanted:
        changed = {}
        for raw in {row[position] for row in rows}:
            value = raw
            for function in functions:
                value = function(value, expression, connection)
            if value is not raw:
                changed[raw] = value
        if changed:
            rows = [(*row[:position], changed[row[position]], *row[position + 1:])
                    if row[position] in changed else row for row in rows]
    return rows
