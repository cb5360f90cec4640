# ruff: noqa: S608 -- every name and expression put into the SQL here is a constant of this module
"""The incident tallies (TallyCount, TallyUnit, TallyCell, the last two by category, then by
category and verification, TallyCellFine and TallyCellTown, TallySevere, and the counts and
places by verification): what they add up, the triggers that keep them, and their rebuild and
check. Moving an import's staged rows into the incidents and the tallies is in
concord.monitoring.tally_staged.

Each incident not merged into another adds one to a row of each tally for its day and one for
its week, under its own label. The database keeps the rows with triggers on the incident table,
so every way an incident is written (a form, an import, a merge, a relabel, the release list
changing its mask) moves the sums in the same transaction; nothing in Python has to remember to.
All the SQL here is written from the one description below, for SQLite and for PostgreSQL.

The migrations carry this SQL written out as it was in their time; a change to the triggers here
needs a new migration with the new SQL (a test holds the latest migration to this module). The
triggers are registered as a database guard: `concord guards repair` reinstalls them and adds
the tallies up again, since what was written while they were missing was not counted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection as default_connection
from django.db import transaction

from concord.core.guards import Guard

INCIDENTS = "monitoring_incident"
CELL_ZOOM = 6
CELL_DEGREES = 90.0 / 2**CELL_ZOOM
# TallyCellFine's zoom: the map of the whole area past CELL_ZOOM has about a quarter as many of
# these cells a week as incidents (a million incidents a year).
FINE_ZOOM = 10
FINE_DEGREES = 90.0 / 2**FINE_ZOOM
# TallyCellTown's zoom, the map's last: a month of one country's towns has about a third as
# many of these cells as incidents.
TOWN_ZOOM = 12
TOWN_DEGREES = 90.0 / 2**TOWN_ZOOM
SEVERITIES = (1, 2, 3, 4)
# The floor of TallySevere, the monitoring.models.SEVERE of the incidents' own severe index.
SEVERE = 3
LABEL_COLUMNS = ("classification", "originator_id", "release_to_all_members", "release_mask")
# The incident columns the sums depend on: a change to any other column leaves them alone.
WATCHED = ("occurred_on", "week", "category", "country", "admin1", "latitude", "longitude",
           "severity", "verification", *LABEL_COLUMNS, "merged_into_id")
# Each span's first day, as an expression over the incident row `{r}`.
SPANS = (("d", "{r}.occurred_on"), ("w", "{r}.week"))


def _month(vendor: str) -> tuple[str, str]:
    if vendor == "postgresql":
        return ("m", "({r}.occurred_on - (EXTRACT(DAY FROM {r}.occurred_on)::integer - 1))")
    return ("m", "date({r}.occurred_on, 'start of month')")


@dataclass(frozen=True)
class Spec:
    table: str
    # (column, expression over the incident row `{r}`)
    keys: tuple[tuple[str, str], ...]
    coordinates: bool = False
    spans: tuple[tuple[str, str], ...] = SPANS
    # A further condition on the incidents counted, over the incident row `{r}`.
    only: str = ""
    # With coordinates: whether incidents without them are counted too, in a row whose key
    # says so (their coordinates add nothing to the sums).
    unplaced: bool = False
    # The key's columns after the span in the order of the table's primary key, where it is not
    # the order of `keys` (the span, the day, the keys): a rebuild writes the rows in that order,
    # so that PostgreSQL's table holds them in the order its key reads them.
    clustered: tuple[str, ...] = ()

    def axis(self, row: str, axis: str) -> str:
        return f"COALESCE({row}.{axis}, 0)" if self.unplaced else f"{row}.{axis}"

    def key_columns(self) -> list[str]:
        return ["span", "starts_on", *(column for column, _ in self.keys), *LABEL_COLUMNS]

    def ordered(self) -> str:
        """ORDER BY the table's key, by the positions of the columns `_fresh` selects."""
        columns = self.key_columns()
        order = list(self.clustered) if self.clustered else columns[1:len(columns) - len(
            LABEL_COLUMNS)]
        return ", ".join(str(columns.index(column) + 1)
                         for column in [*order, *LABEL_COLUMNS])

    def value_columns(self) -> list[str]:
        columns = [f"n{k}" for k in SEVERITIES]
        if self.coordinates:
            columns += [f"lat{k}" for k in SEVERITIES] + [f"lon{k}" for k in SEVERITIES]
        return columns


def _floor(vendor: str, expression: str) -> str:
    if vendor == "postgresql":
        return f"floor({expression})::integer"
    # SQLite's floor() is optional at build time; the cast truncates toward zero, so step down
    # for negative fractions.
    return f"(CAST({expression} AS INTEGER) - ({expression} < CAST({expression} AS INTEGER)))"


def specs(vendor: str) -> tuple[Spec, ...]:
    cell_y = _floor(vendor, f"{{r}}.latitude / {CELL_DEGREES!r}")
    cell_x = _floor(vendor, f"{{r}}.longitude / {CELL_DEGREES!r}")
    placed = "{r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL"
    # The cell of an incident with coordinates; one without is kept in cell 0/0 of a row whose
    # `placed` is 0, since a key has no empty values.
    placed_cell = (("placed", f"CASE WHEN {placed} THEN 1 ELSE 0 END"),
                   ("cy", f"CASE WHEN {placed} THEN {cell_y} ELSE 0 END"),
                   ("cx", f"CASE WHEN {placed} THEN {cell_x} ELSE 0 END"))
    fine_y = _floor(vendor, f"{{r}}.latitude / {FINE_DEGREES!r}")
    fine_x = _floor(vendor, f"{{r}}.longitude / {FINE_DEGREES!r}")
    town_y = _floor(vendor, f"{{r}}.latitude / {TOWN_DEGREES!r}")
    town_x = _floor(vendor, f"{{r}}.longitude / {TOWN_DEGREES!r}")
    return (
        Spec("monitoring_tallycount", (("week", "{r}.week"), ("category", "{r}.category"),
                                       ("country", "{r}.country"))),
        Spec("monitoring_tallyunit", (("country", "{r}.country"), ("admin1", "{r}.admin1"))),
        Spec("monitoring_tallycell", (("country", "{r}.country"), ("cy", cell_y), ("cx", cell_x)),
             coordinates=True),
        Spec("monitoring_tallyunitbycategory", (("country", "{r}.country"),
                                                ("admin1", "{r}.admin1"),
                                                ("category", "{r}.category"))),
        Spec("monitoring_tallycellbycategory", (("country", "{r}.country"),
                                                ("admin1", "{r}.admin1"),
                                                ("category", "{r}.category"), ("cy", cell_y),
                                                ("cx", cell_x)), coordinates=True),
        Spec("monitoring_tallyunitbyverification", (("country", "{r}.country"),
                                                    ("admin1", "{r}.admin1"),
                                                    ("category", "{r}.category"),
                                                    ("verification", "{r}.verification")),
             clustered=("verification", "starts_on", "country", "admin1", "category")),
        Spec("monitoring_tallycellbyverification", (("country", "{r}.country"),
                                                    ("admin1", "{r}.admin1"),
                                                    ("category", "{r}.category"),
                                                    ("verification", "{r}.verification"),
                                                    ("cy", cell_y), ("cx", cell_x)),
             coordinates=True, clustered=("verification", "starts_on", "country", "admin1",
                                          "category", "cy", "cx")),
        # By month too: the map of the whole area past CELL_ZOOM reads about a quarter as
        # many of these rows for a month as for its weeks.
        Spec("monitoring_tallycellfine", (("country", "{r}.country"), ("cy", fine_y),
                                          ("cx", fine_x)), coordinates=True,
             spans=(*SPANS, _month(vendor))),
        # The severe incidents alone, by every key of the picture at once: a few rows a day,
        # read whole where a grouping of the incidents would sort each of them (see
        # concord.monitoring.selectors.picture).
        Spec("monitoring_tallysevere", (("category", "{r}.category"),
                                        ("country", "{r}.country"),
                                        ("admin1", "{r}.admin1"),
                                        *placed_cell),
             coordinates=True, only=f"{{r}}.severity >= {SEVERE}", unplaced=True),
        # By verification without the product of units and categories: the counts, and the
        # units and cells (a cell seldom spans two units), of a picture narrowed to a
        # verification and to nothing but countries besides. Unplaced incidents count for their
        # unit as in the severe tally.
        Spec("monitoring_tallycountbyverification", (("verification", "{r}.verification"),
                                                     ("category", "{r}.category"),
                                                     ("country", "{r}.country")),
             clustered=("verification", "starts_on", "category", "country")),
        Spec("monitoring_tallyplacebyverification", (("verification", "{r}.verification"),
                                                     ("country", "{r}.country"),
                                                     ("admin1", "{r}.admin1"), *placed_cell),
             coordinates=True, unplaced=True,
             clustered=("verification", "starts_on", "country", "admin1", "placed", "cy", "cx")),
        # The towns' cells, by month too, as the finer cells are.
        Spec("monitoring_tallycelltown", (("country", "{r}.country"), ("cy", town_y),
                                          ("cx", town_x)), coordinates=True,
             spans=(*SPANS, _month(vendor)), clustered=("country", "starts_on", "cy", "cx")),
    )


def _condition(spec: Spec, row: str) -> str:
    condition = f"{row}.merged_into_id IS NULL"
    if spec.coordinates and not spec.unplaced:
        condition += f" AND {row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL"
    if spec.only:
        condition += f" AND {spec.only.format(r=row)}"
    return condition


def _row_values(spec: Spec, row: str, start: str, span: str, sign: int) -> str:
    keys = [f"'{span}'", start.format(r=row), *(e.format(r=row) for _, e in spec.keys),
            *(f"{row}.{c}" for c in LABEL_COLUMNS)]
    values = [f"CASE WHEN {row}.severity = {k} THEN {sign} ELSE 0 END" for k in SEVERITIES]
    if spec.coordinates:
        values += [f"CASE WHEN {row}.severity = {k} THEN {sign} * {spec.axis(row, axis)} "
                   "ELSE 0 END" for axis in ("latitude", "longitude") for k in SEVERITIES]
    return "(" + ", ".join(keys + values) + ")"


def _upsert(spec: Spec, row: str, sign: int) -> str:
    """Add (sign 1) or take away (sign -1) the incident `row` from its day's and week's rows."""
    columns = spec.key_columns() + spec.value_columns()
    rows = ", ".join(_row_values(spec, row, start, span, sign) for span, start in spec.spans)
    updates = ", ".join(f"{v} = {spec.table}.{v} + excluded.{v}" for v in spec.value_columns())
    return (f"INSERT INTO {spec.table} ({', '.join(columns)}) "
            f"SELECT * FROM (VALUES {rows}) AS v WHERE {_condition(spec, row)} "
            f"ON CONFLICT ({', '.join(spec.key_columns())}) DO UPDATE SET {updates}")


def _sweep(spec: Spec, row: str) -> str:
    """Drop the rows an incident leaving them emptied."""
    keys = " AND ".join([f"{c} = {e.format(r=row)}" for c, e in spec.keys]
                        + [f"{c} = {row}.{c}" for c in LABEL_COLUMNS])
    spans = " OR ".join(f"(span = '{span}' AND starts_on = {start.format(r=row)})"
                        for span, start in spec.spans)
    empty = " AND ".join(f"n{k} = 0" for k in SEVERITIES)
    return f"DELETE FROM {spec.table} WHERE ({spans}) AND {keys} AND {empty}"


def _add(vendor: str, row: str) -> list[str]:
    return [_upsert(spec, row, 1) for spec in specs(vendor)]


def _remove(vendor: str, row: str) -> list[str]:
    statements = []
    for spec in specs(vendor):
        statements += [_upsert(spec, row, -1), _sweep(spec, row)]
    return statements


def install_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)

        def trigger(name: str, event: str, when: str, body: list[str]) -> str:
            return (f"CREATE TRIGGER {name} AFTER {event} ON {INCIDENTS} WHEN {when} BEGIN "
                    + "".join(f"{statement}; " for statement in body) + "END")

        return [
            trigger("monitoring_tally_insert", "INSERT", "NEW.merged_into_id IS NULL",
                    _add(vendor, "NEW")),
            trigger("monitoring_tally_update", f"UPDATE OF {', '.join(WATCHED)}", changed,
                    _remove(vendor, "OLD") + _add(vendor, "NEW")),
            trigger("monitoring_tally_delete", "DELETE", "OLD.merged_into_id IS NULL",
                    _remove(vendor, "OLD")),
        ]
    if vendor == "postgresql":
        # Statement-level triggers over transition tables: an import of thousands of rows moves
        # each tally row once per statement, not once per incident. (PostgreSQL allows no
        # column list with transition tables, so every UPDATE statement is re-added; the rows
        # it leaves unchanged are taken away and added back.)
        def function(name: str, statements: list[str]) -> str:
            body = "".join(f"{statement}; " for statement in statements)
            return (f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ BEGIN {body}RETURN NULL; END $$")

        add, take = [], []
        for spec in specs(vendor):
            add += _statement_upsert(spec, "added_rows", 1)
            take += _statement_upsert(spec, "removed_rows", -1)
        sweep = [statement for spec in specs(vendor) for statement in _statement_sweep(spec)]
        return [
            function("monitoring_tally_add", add),
            function("monitoring_tally_move", take + add + sweep),
            function("monitoring_tally_take", take + sweep),
            f"CREATE TRIGGER monitoring_tally_insert AFTER INSERT ON {INCIDENTS} "
            "REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION monitoring_tally_add()",
            f"CREATE TRIGGER monitoring_tally_update AFTER UPDATE ON {INCIDENTS} "
            "REFERENCING OLD TABLE AS removed_rows NEW TABLE AS added_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION monitoring_tally_move()",
            f"CREATE TRIGGER monitoring_tally_delete AFTER DELETE ON {INCIDENTS} "
            "REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION monitoring_tally_take()",
        ]
    raise NotImplementedError(f"No incident tallies for {vendor}.")


def remove_statements(vendor: str) -> list[str]:
    names = ("monitoring_tally_insert", "monitoring_tally_update", "monitoring_tally_delete")
    if vendor == "postgresql":
        # "apply" was the row-level function of the first triggers (migration 0005): a database
        # repaired rather than migrated past them loses it here.
        return [*(f"DROP TRIGGER IF EXISTS {name} ON {INCIDENTS}" for name in names),
                *(f"DROP FUNCTION IF EXISTS monitoring_tally_{verb}()"
                  for verb in ("add", "move", "take", "apply"))]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]


def _execute(connection: Any, statements: Iterable[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection: Any = default_connection) -> None:
    _execute(connection, install_statements(connection.vendor))


def remove(connection: Any = default_connection) -> None:
    _execute(connection, remove_statements(connection.vendor))


@contextmanager
def triggers_lifted(connection: Any = default_connection) -> Iterator[None]:
    """Only for wiping a whole test database: emptying the incident table row by row would
    otherwise write to tallies already emptied. The triggers are back on exit."""
    remove(connection)
    try:
        yield
    finally:
        install(connection)


# Below this many incidents written at once, the triggers cost less than adding every tally up
# again (see `written_in_bulk`).
BULK_FROM = 10_000


@contextmanager
def written_in_bulk(count: int, connection: Any = default_connection) -> Iterator[None]:
    """For `count` incidents about to be written in one transaction, which must be open: when
    they are at least BULK_FROM and at least as many as the table holds already (a generated
    year, a restore), the triggers are lifted while they are written and every tally is added
    up again from the incidents once, as `concord guards repair` does, rather than moved one
    incident at a time. A failure rolls the whole back, triggers included (both engines' DDL
    is transactional). Meanwhile other writers wait for the transaction, and on PostgreSQL
    readers of the incident table too (dropping a trigger locks the table): this is for
    generating and restoring, not for a served import."""
    if not connection.in_atomic_block:
        raise RuntimeError("Incidents are written in bulk within a transaction.")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {INCIDENTS}")
        held = int(cursor.fetchone()[0])
    if count < max(BULK_FROM, held):
        yield
        return
    remove(connection)
    yield
    _execute(connection, rebuild_statements(connection.vendor))
    install(connection)


def _fresh(spec: Spec, span: str, start: str, source: str = INCIDENTS, sign: int = 1) -> str:
    """The spec's rows for one span, added up from the incidents in `source` (the incident
    table, or a trigger's table of the rows a statement inserted or removed), times `sign`."""
    keys = [start.format(r="i"), *(e.format(r="i") for _, e in spec.keys),
            *(f"i.{c}" for c in LABEL_COLUMNS)]
    sums = [f"SUM(CASE WHEN i.severity = {k} THEN {sign} ELSE 0 END)" for k in SEVERITIES]
    if spec.coordinates:
        sums += [f"SUM(CASE WHEN i.severity = {k} THEN {sign} * {spec.axis('i', axis)} ELSE 0 END)"
                 for axis in ("latitude", "longitude") for k in SEVERITIES]
    return (f"SELECT '{span}', {', '.join(keys + sums)} FROM {source} i "
            f"WHERE {_condition(spec, 'i')} GROUP BY {', '.join(keys)}")


def _statement_upsert(spec: Spec, source: str, sign: int) -> list[str]:
    """PostgreSQL: add up a statement's rows first, then move each tally row once."""
    columns = ", ".join(spec.key_columns() + spec.value_columns())
    updates = ", ".join(f"{v} = {spec.table}.{v} + excluded.{v}" for v in spec.value_columns())
    return [f"INSERT INTO {spec.table} ({columns}) {_fresh(spec, span, start, source, sign)} "
            f"ON CONFLICT ({', '.join(spec.key_columns())}) DO UPDATE SET {updates}"
            for span, start in spec.spans]


def _statement_sweep(spec: Spec) -> list[str]:
    """PostgreSQL: drop the rows a statement's removed incidents left empty."""
    empty = " AND ".join(f"t.n{k} = 0" for k in SEVERITIES)
    statements = []
    for span, start in spec.spans:
        keys = [start.format(r="i"), *(e.format(r="i") for _, e in spec.keys),
                *(f"i.{c}" for c in LABEL_COLUMNS)]
        columns = spec.key_columns()[1:]
        chosen = ", ".join(f"{key} AS k{index}" for index, key in enumerate(keys))
        match = " AND ".join(f"t.{column} = k.k{index}" for index, column in enumerate(columns))
        statements.append(
            f"DELETE FROM {spec.table} t USING (SELECT DISTINCT {chosen} FROM removed_rows i "
            f"WHERE {_condition(spec, 'i')}) k WHERE t.span = '{span}' AND {match} AND {empty}")
    return statements


def rebuild_statements(vendor: str) -> list[str]:
    """Empty each tally and add it up again from the incidents."""
    statements = []
    for spec in specs(vendor):
        statements += [f"DELETE FROM {spec.table}", *fill_statements(spec)]
    return statements


def fill_statements(spec: Spec) -> list[str]:
    """Add the spec's rows up from the incidents into its empty table, in the order of its key."""
    columns = ", ".join(spec.key_columns() + spec.value_columns())
    return [f"INSERT INTO {spec.table} ({columns}) {_fresh(spec, span, start)} "
            f"ORDER BY {spec.ordered()}" for span, start in spec.spans]


def rebuild(connection: Any = default_connection) -> dict[str, int]:
    """Add every tally up again from the incidents; returns the rows written per table."""
    written: dict[str, int] = {}
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in rebuild_statements(connection.vendor):
            cursor.execute(statement)
        for spec in specs(connection.vendor):
            cursor.execute(f"SELECT COUNT(*) FROM {spec.table}")
            written[spec.table] = int(cursor.fetchone()[0])
    return written


@dataclass(frozen=True)
class Drift:
    table: str
    key: tuple[Any, ...]
    held: tuple[Any, ...] | None
    expected: tuple[Any, ...] | None


def check(connection: Any = default_connection, *, limit: int = 20) -> list[Drift]:
    """Where the tallies differ from the incidents (at most `limit` rows): empty when in step.
    Coordinate sums are compared to a millionth of a degree (they are floating-point sums)."""
    found: list[Drift] = []
    with connection.cursor() as cursor:
        for spec in specs(connection.vendor):
            width = len(spec.key_columns())
            cursor.execute(f"SELECT {', '.join(spec.key_columns() + spec.value_columns())} "
                           f"FROM {spec.table}")
            held = {_key(row[:width]): tuple(row[width:]) for row in cursor.fetchall()}
            expected: dict[tuple[Any, ...], tuple[Any, ...]] = {}
            for span, start in spec.spans:
                cursor.execute(_fresh(spec, span, start))
                expected.update((_key(row[:width]), tuple(row[width:]))
                                for row in cursor.fetchall())
            for key in sorted(held.keys() | expected.keys(), key=repr):
                mine, theirs = held.get(key), expected.get(key)
                if not _same(mine, theirs):
                    found.append(Drift(spec.table, key, mine, theirs))
                    if len(found) >= limit:
                        return found
    return found


def _key(values: Iterable[Any]) -> tuple[Any, ...]:
    # Dates come back as text from SQLite and as dates from PostgreSQL; booleans as 0/1 or bool.
    return tuple(str(v) if not isinstance(v, bool | int) else int(v) for v in values)


def _same(a: tuple[Any, ...] | None, b: tuple[Any, ...] | None) -> bool:
    if a is None or b is None:
        # A row emptied by the sweep and a group with no incidents are both nothing.
        return all(v == 0 for v in (a or b or ()))
    return all(math.isclose(float(x), float(y), abs_tol=1e-6) for x, y in zip(a, b, strict=True))


def _rebuilt(connection: Any) -> dict[str, Any]:
    return {"rebuilt": rebuild(connection)}


GUARD = Guard(
    name="monitoring.tallies",
    app_label="monitoring",
    purpose="the incident tallies move with every incident written",
    install=install_statements,
    remove=remove_statements,
    after_repair=_rebuilt,
)
