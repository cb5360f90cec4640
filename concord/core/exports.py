"""Tables as CSV or XLSX downloads: what a list page shows, a user can take away. A table of
labelled records carries each record's label in the last columns (concord.core.marking)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

from concord.core import policy
from concord.core.marking import LABEL_COLUMNS, PARTY_SEPARATOR, classification_code, label_cells

FORMATS = ("csv", "xlsx")


# What spreadsheet software reads as the start of a formula (OWASP, "CSV Injection"), also
# after leading spaces, which it skips.
_FORMULA_STARTS = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _needs_quote(text: str) -> bool:
    # Text already quoted is quoted again, so that reading a cell back (`formula_text`) always
    # takes off exactly the quote written here.
    if _PLAIN_NUMBER.fullmatch(text):
        return False
    return text.lstrip(" ")[:1] in _FORMULA_STARTS or (text[:1] == "'" and _needs_quote(text[1:]))


def formula_safe(value: Any) -> Any:
    """`value` as a cell no spreadsheet runs: text that would start a formula gets a leading
    quote. A number, and text that is only a number (a coordinate written with its decimals),
    is no formula and stays as it is."""
    if isinstance(value, str) and _needs_quote(value):
        return "'" + value
    return value


def formula_text(value: Any) -> Any:
    """A cell of a file Concord wrote as it was before `formula_safe` quoted it: the leading
    quote taken off text that needed one, and nothing else."""
    if isinstance(value, str) and value[:1] == "'" and _needs_quote(value[1:]):
        return value[1:]
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return formula_safe(str(value))


def table_response(*, filename: str, fmt: str, header: Sequence[str],
                   rows: Iterable[Sequence[Any]]) -> HttpResponse:
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(filename[:31])
        sheet.append(list(header))
        for row in rows:
            sheet.append([_cell(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows([_cell(v) for v in row] for row in rows)
        # The byte-order mark lets spreadsheet software open Cyrillic text as UTF-8.
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def counted_label_cells(record: Any, counted: Sequence[Any]) -> list[Any]:
    """The label cells of a row showing `record` with figures that count the labelled records
    `counted` too: the record's own label, narrowed to the readers of all of them, so that a
    row never travels further than the least released record it counts."""
    if not counted:
        return label_cells(record)
    label = policy.label_within(policy.audience_of([record, *counted]),
                                originator=record.originator)
    return [classification_code(label.classification), record.originator.code,
            label.release_to_all_members,
            PARTY_SEPARATOR.join(sorted(party.code for party in label.releasable_to))]


def labelled_table_response(*, filename: str, fmt: str, header: Sequence[str],
                            records: Iterable[Any], row: Callable[[Any], Sequence[Any]],
                            counted: Callable[[Any], Sequence[Any]] | None = None,
                            ) -> HttpResponse:
    """A table of labelled records: `row(record)` under `header`, then the record's label,
    narrowed by the records its figures count (`counted(record)`) where given."""
    return table_response(
        filename=filename, fmt=fmt, header=[*header, *LABEL_COLUMNS],
        rows=([*row(record), *(counted_label_cells(record, counted(record)) if counted
                               else label_cells(record))] for record in records))
