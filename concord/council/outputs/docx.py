"""Documents and reports laid out as DOCX, marked at the top and bottom of every page."""

from __future__ import annotations

import io

from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from concord.core.marking import (
    mark_docx,
    marking_of,
)
from concord.council.models import Document, ImplementationReport
from concord.council.outputs.layout import document_layout, report_layout


def document_docx(*, document: Document, language: str) -> bytes:
    page = document_layout(document, language)
    docx = Docx()
    mark_docx(docx, marking_of(document, language=language))
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
    where = docx.add_paragraph(f"{page['place']}    {page['date']}".strip())
    where.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in page["paragraphs"]:
        docx.add_paragraph(paragraph)
    if page["signatures"]:
        table = docx.add_table(rows=0, cols=2)
        for state, name in page["signatures"]:
            cells = table.add_row().cells
            cells[0].text = f"{page['for_word']} {state}".strip()
            cells[1].text = name
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def report_docx(*, report: ImplementationReport, language: str) -> bytes:
    page = report_layout(report, language)
    docx = Docx()
    mark_docx(docx, marking_of(report, language=language))
    head = docx.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(page["organization"].upper()).bold = True
    docx.add_heading(page["title"], level=1)
    if page["introduction"]:
        docx.add_paragraph(page["introduction"])
    for entry in page["entries"]:
        docx.add_heading(f"{entry['reference']}. {entry['instruction']}", level=2)
        docx.add_paragraph(f"{page['status_word']}: {entry['status']}"
                           + (f"; {page['due_word']}: {entry['due']}" if entry["due"] else ""))
        docx.add_paragraph(entry["text"])
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
