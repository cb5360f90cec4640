"""Operation results as CSV or XLSX files: the export of what the viewer reads, and the reading
of a file of results for the import. The columns are the same both ways, the label in the last
four (concord.core.marking), so that a file exported and imported again adds nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from concord.core.actors import Viewer
from concord.core.errors import ValidationError
from concord.core.exports import formula_text, labelled_table_response
from concord.core.marking import LABEL_COLUMNS, PARTY_SEPARATOR, classification_of_code
from concord.core.models import Party
from concord.forces.models import OperationResult, OperationStage, Substance
from concord.forces.selectors import operations as selectors
from concord.forces.services.operations import ResultFigure

COLUMNS = ("operation", "stage", "state", "measure", "substance", "case_type", "quantity",
           "unit", "kg_equivalent", "note")
# Read back on import; the kilogram-equivalent is computed again from quantity and unit.
REQUIRED = ("operation", "stage", "state", "measure", "quantity", "unit")
# A file of results larger than this is refused before it is read.
MAX_ROWS = 50_000


def _row(result: OperationResult) -> list[Any]:
    return [result.stage.operation.code, result.stage.number, result.originator.code,
            result.measure, result.substance.code if result.substance else "",
            result.case_type, result.quantity, result.unit, result.kg_equivalent, result.note]


def results_response(*, viewer: Viewer, filters: Any, fmt: str) -> HttpResponse:
    results = selectors.result_list(viewer=viewer, filters=filters).prefetch_related(
        "releasable_to")
    return labelled_table_response(filename="operation-results", fmt=fmt, header=COLUMNS,
                                   records=results.iterator(chunk_size=2000), row=_row)


def totals_rows(totals: selectors.Totals) -> tuple[list[str], list[list[Any]]]:
    header = [totals.by, *totals.measures]
    rows = [[label, *cells] for label, cells in totals.table()]
    rows.append([str(totals.overall.label), *totals.overall.cells(totals.measures)])
    return header, rows


# --- Reading a file ----------------------------------------------------------------------------


def _cells(upload: IO[bytes], name: str) -> Iterator[list[Any]]:
    if name.lower().endswith(".xlsx"):
        try:
            book = load_workbook(upload, read_only=True, data_only=True)
        except Exception as error:
            raise ValidationError(_("The file cannot be read."), errors={"file": [
                _("This is not an XLSX workbook: %(error)s") % {"error": error}]}) from None
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield ["" if value is None else value for value in values]
        return
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file cannot be read."), errors={"file": [
            _("A CSV file is read as UTF-8.")]}) from None
    yield from csv.reader(io.StringIO(text))


class _Reader:
    """Turns the cells of one line into a figure, naming each bad cell by line and column."""

    def __init__(self, viewer: Viewer) -> None:
        self.stages: dict[tuple[str, int], OperationStage] = selectors.stages_by_key(
            viewer=viewer)
        self.parties = {party.code: party for party in Party.objects.all()}
        self.substances = {s.code: s for s in Substance.objects.all()}
        self.errors: dict[str, list[str]] = {}

    def fail(self, line: int, column: str, message: str) -> None:
        self.errors.setdefault(_("line %(line)d, %(column)s") % {"line": line, "column": column},
                               []).append(message)

    def figure(self, line: int, cells: dict[str, str]) -> ResultFigure | None:
        before = len(self.errors)
        for column in REQUIRED:
            if not cells.get(column):
                self.fail(line, column, _("This cell is empty."))
        if len(self.errors) > before:
            return None
        stage = self._stage(line, cells)
        state = self._party(line, "state", cells["state"])
        substance = self._substance(line, cells.get("substance", ""))
        quantity = self._quantity(line, cells["quantity"])
        label = self._label(line, cells, state)
        if len(self.errors) > before or stage is None or state is None or quantity is None \
                or label is None:
            return None
        classification, to_all, releasable = label
        return ResultFigure(stage=stage, state=state, measure=cells["measure"],
                            quantity=quantity, unit=cells["unit"], substance=substance,
                            case_type=cells.get("case_type", ""), note=cells.get("note", ""),
                            classification=classification, release_to_all_members=to_all,
                            releasable_to=releasable)

    def _stage(self, line: int, cells: dict[str, str]) -> OperationStage | None:
        number = cells["stage"].removesuffix(".0")
        if not number.isdigit():
            self.fail(line, "stage", _("Give the stage's number."))
            return None
        stage = self.stages.get((cells["operation"], int(number)))
        if stage is None:
            self.fail(line, "operation", _("No stage %(number)s of an operation “%(code)s”.")
                      % {"number": number, "code": cells["operation"]})
        return stage

    def _party(self, line: int, column: str, code: str) -> Party | None:
        party = self.parties.get(code.strip())
        if party is None:
            self.fail(line, column, _("Unknown party “%(code)s”.") % {"code": code})
        return party

    def _substance(self, line: int, code: str) -> Substance | None:
        if not code:
            return None
        substance = self.substances.get(code)
        if substance is None:
            self.fail(line, "substance", _("Unknown substance “%(code)s”.") % {"code": code})
        return substance

    def _quantity(self, line: int, text: str) -> Decimal | None:
        try:
            quantity = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            self.fail(line, "quantity", _("“%(value)s” is not a number.") % {"value": text})
            return None
        if not quantity.is_finite():
            self.fail(line, "quantity", _("“%(value)s” is not a number.") % {"value": text})
            return None
        return quantity

    def _label(self, line: int, cells: dict[str, str], state: Party | None
               ) -> tuple[int, bool, list[Party]] | None:
        code = cells.get("classification") or "official_use"
        classification = classification_of_code(code)
        if classification is None:
            self.fail(line, "classification", _("Unknown classification “%(code)s”.")
                      % {"code": code})
        originator = cells.get("originator", "")
        if originator and state is not None and originator != state.code:
            self.fail(line, "originator", _("The originator of a result is the state reporting "
                                            "it (%(code)s).") % {"code": state.code})
        to_all = cells.get("release_to_all_members", "false").lower()
        if to_all not in ("true", "false", ""):
            self.fail(line, "release_to_all_members", _("Write true or false."))
        releasable = [self._party(line, "releasable_to", code)
                      for code in cells.get("releasable_to", "").split(PARTY_SEPARATOR)
                      if code.strip()]
        if classification is None or None in releasable:
            return None
        return classification, to_all == "true", [p for p in releasable if p is not None]


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(formula_text(value)).strip()


def figures_read(*, viewer: Viewer, upload: IO[bytes], name: str
                 ) -> tuple[list[tuple[int, ResultFigure]], dict[str, list[str]]]:
    """The figures of a file, each with its line, and the problems of the lines that make no
    figure, by line and column (for the import to name with its own). A file that cannot be
    read, or has no results, is refused whole."""
    reader = _Reader(viewer)
    lines = _cells(upload, name)
    header = [_text(cell) for cell in next(lines, [])]
    known = set(COLUMNS) | set(LABEL_COLUMNS)
    missing = [column for column in REQUIRED if column not in header]
    unknown = [column for column in header if column and column not in known]
    if missing or unknown:
        problems = ([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}]
                    if missing else [])
        problems += ([_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}]
                     if unknown else [])
        raise ValidationError(_("The file cannot be read."), errors={_("line 1"): problems})
    figures: list[tuple[int, ResultFigure]] = []
    for line, values in enumerate(lines, start=2):
        if line > MAX_ROWS + 1:
            reader.fail(line, "file", _("A file holds at most %(count)d results.")
                        % {"count": MAX_ROWS})
            break
        cells = {column: _text(value) for column, value in zip(header, values, strict=False)}
        if not any(cells.values()):
            continue
        figure = reader.figure(line, cells)
        if figure is not None:
            figures.append((line, figure))
    if not figures and not reader.errors:
        raise ValidationError(_("The file cannot be read."), errors={"file": [
            _("The file holds no results.")]})
    return figures, reader.errors
