"""The case's log on paper, in the layout of the ICS-214 activity log: a block naming the
incident, the operational period and who prepared it, then the notable activities as time and
entry, and a line saying how many entries the reader may not see. A4, marked at the highest
label among the entries shown (or the case's, when higher)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from concord.core.marking import mark_docx, marking_of, pdf_marker
from concord.core.paper import a4_docx, number_docx_pages, numbered_canvas
from concord.core.pdf import pdf_font
from concord.crisis.models import Case, LogEntry


def _moment(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at is not None else ""


def highest(case: Case, entries: Sequence[LogEntry]) -> Any:
    """The record whose label marks the export: the most restricted of the case and entries."""
    return max([case, *entries], key=lambda record: record.classification)


def header_rows(*, case: Case, entries: Sequence[LogEntry], prepared_by: str) -> list[list[str]]:
    start = entries[0].at if entries else case.opened_at
    end = entries[-1].at if entries else case.closed_at
    return [[_("1. Incident name"), case.title],
            [_("2. Operational period"), f"{_moment(start)} — {_moment(end)} UTC"],
            [_("3. Phase"), case.get_phase_display()],
            [_("4. Prepared by"), prepared_by]]


def activity_header() -> list[str]:
    return [_("Date and time (UTC)"), _("Who"), _("Position"), _("Party"), _("Notable activity"),
            _("Label")]


def activity_rows(entries: Sequence[LogEntry]) -> list[list[str]]:
    return [[_moment(entry.at), entry.actor_name, entry.position, entry.party_code,
             ("★ " if entry.significant else "") + entry.what, entry.classification_label]
            for entry in entries]


def withheld_line(withheld: int) -> str:
    if not withheld:
        return ""
    return ngettext("%(count)d entry withheld.", "%(count)d entries withheld.",
                    withheld) % {"count": withheld}


def log_docx(*, case: Case, entries: Sequence[LogEntry], withheld: int,
             prepared_by: str) -> bytes:
    document = a4_docx()
    mark_docx(document, marking_of(highest(case, entries)))
    number_docx_pages(document)
    document.add_heading(_("Activity log (ICS-214)"), level=0)
    block = document.add_table(rows=0, cols=2)
    block.style = "Table Grid"
    for name, value in header_rows(case=case, entries=entries, prepared_by=prepared_by):
        cells = block.add_row().cells
        cells[0].text, cells[1].text = name, value
    document.add_heading(_("5. Activity log"), level=1)
    grid = document.add_table(rows=1, cols=len(activity_header()))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, activity_header(), strict=True):
        cell.text = text
    for row in activity_rows(entries):
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    if withheld:
        document.add_paragraph(withheld_line(withheld))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br/>")


def log_pdf(*, case: Case, entries: Sequence[LogEntry], withheld: int, prepared_by: str) -> bytes:
    font = pdf_font()
    body = ParagraphStyle("body", fontName=font, fontSize=8, leading=10)
    title = ParagraphStyle("title", parent=body, fontSize=14, leading=18, spaceAfter=6)
    width = A4[0] - 3.5 * cm

    def grid(rows: list[list[str]], widths: list[float], header: bool) -> Table:
        table = Table([[Paragraph(_escaped(c), body) for c in row] for row in rows],
                      colWidths=widths, repeatRows=1 if header else 0)
        style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
        table.setStyle(TableStyle(style))
        return table

    story: list[Any] = [Paragraph(_escaped(_("Activity log (ICS-214)")), title),
                        grid(header_rows(case=case, entries=entries, prepared_by=prepared_by),
                             [0.3 * width, 0.7 * width], header=False), Spacer(1, 8),
                        grid([activity_header(), *activity_rows(entries)],
                             [0.15 * width, 0.12 * width, 0.14 * width, 0.07 * width,
                              0.4 * width, 0.12 * width], header=True)]
    if withheld:
        story += [Spacer(1, 6), Paragraph(_escaped(withheld_line(withheld)), body)]
    page = pdf_marker(marking_of(highest(case, entries)), font=font, top=A4[1] - 1.0 * cm,
                      bottom=0.7 * cm)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=case.title, leftMargin=2 * cm,
                      rightMargin=1.5 * cm, topMargin=1.8 * cm, bottomMargin=1.6 * cm).build(
        story, onFirstPage=page, onLaterPages=page,
        canvasmaker=numbered_canvas(font=font, right_mm=15, bottom_mm=7))
    return out.getvalue()
