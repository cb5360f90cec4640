"""Tables taken away as CSV open in a spreadsheet as text and numbers, never as formulas."""

from __future__ import annotations

import csv
import io

import pytest

from concord.core.exports import table_response


def _csv(*cells: object) -> list[str]:
    response = table_response(filename="table", fmt="csv", header=["cell"],
                              rows=[[cell] for cell in cells])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return [row[0] for row in rows[1:]]


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1",
                                  "   =1+1", " \t=1+1", "   -1+1"])
def test_it_writes_text_that_starts_a_formula_behind_a_quote(text):
    assert _csv(text) == ["'" + text]


def test_it_writes_negative_numbers_and_plain_text_as_they_are():
    assert _csv(-5, -2.5, "-12.3456", "Panj", " Panj", "a=b") == [
        "-5", "-2.5", "-12.3456", "Panj", " Panj", "a=b"]
