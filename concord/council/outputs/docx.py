"""Documents and reports laid out as DOCX on A4, marked at the top and bottom of every page and
numbered at the foot."""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from concord.core.marking import (
    mark_docx,
    marking_of,
)
from concord.core.paper import a4_docx, number_docx_pages
from concord.council.models import Document, ImplementationReport
from concord.council.outputs.layout import document_layout, report_layout

SIGNATURE_LINE = "_" * 24


def _paper(record: Any, language: str) -> Any:
    with translation.override(language):
        docx = a4_docx()
        mark_docx(docx, marking_of(record, language=language))
        number_docx_pages(docx)
    return docx


def _signature_blocks(docx: Any, signatures: list[tuple[str, str]]) -> None:
    """One row a signatory: on whose behalf on the left, the line to sign on and the name on
    the right, each row kept on one page."""
    table = docx.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for on_behalf, name in signatures:
        row = table.add_row()
        row.cells[0].width, row.cells[1].width = Mm(85), Mm(80)
        left = row.cells[0].paragraphs[0]
        left.add_run(on_behalf).bold = True
        left.paragraph_format.space_before = Pt(18)
        left.paragraph_format.keep_with_next = True
        right = row.cells[1].paragraphs[0]
        right.paragraph_format.space_before = Pt(18)
        right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        right.add_run(f"{SIGNATURE_LINE}\n{name}")


def document_docx(*, document: Document, language: str) -> bytes:
    page = document_layout(document, language)
    docx = _paper(document, language)
    head = docx.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(page["organization"].upper()).bold = True
    head.add_run("\n" + page["body"])
    symbol = docx.add_paragraph()
    symbol.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    symbol.add_run(page["symbol"] + (f" ({page['draft_word']})" if page["draft"] else ""))
    kind = docx.add_paragraph()
    kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kind.add_run(page["kind"]).bold = True
    title = docx.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(page["title"]).bold = True
    where = docx.add_paragraph(page["place_and_date"])
    where.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in page["paragraphs"]:
        text = docx.add_paragraph(paragraph)
        text.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        text.paragraph_format.first_line_indent = Mm(12.5)
    if page["proclaimed_by"]:
        docx.add_paragraph(page["proclaimed_by"]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if page["signatures"]:
        _signature_blocks(docx, page["signatures"])
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def report_docx(*, report: ImplementationReport, language: str) -> bytes:
    page = report_layout(report, language)
    docx = _paper(report, language)
    head = docx.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(page["organization"].upper()).bold = True
    docx.add_heading(page["title"], level=1)
    docx.add_paragraph(page["place_and_date"]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if page["addressed"]:
        docx.add_paragraph(page["addressed"]).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if page["introduction"]:
        docx.add_paragraph(page["introduction"]).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for entry in page["entries"]:
        docx.add_heading(f"{entry['reference']}. {entry['instruction']}", level=2)
        docx.add_paragraph(f"{page['status_word']}: {entry['status']}"
                           + (f"; {page['due_word']}: {entry['due']}" if entry["due"] else ""))
        docx.add_paragraph(entry["text"]).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
