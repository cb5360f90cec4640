"""Documents and reports laid out as PDF, marked at the top and bottom of every page."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from concord.core.marking import (
    Marking,
    marking_of,
    pdf_marker,
)
from concord.core.pdf import pdf_font
from concord.council.models import Document, ImplementationReport
from concord.council.outputs.layout import document_layout, report_layout


def _pdf(blocks: list[tuple[str, str]], marking: Marking) -> bytes:
    """Blocks of (style, text): 'head', 'right', 'title', 'centre', 'body', 'sign'; the
    marking on every page."""
    font = pdf_font(serif=True)
    styles = {
        "head": ParagraphStyle("head", fontName=font, fontSize=12, leading=16, alignment=TA_CENTER),
        "right": ParagraphStyle("right", fontName=font, fontSize=11, leading=14, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", fontName=font, fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceBefore=6, spaceAfter=6),
        "centre": ParagraphStyle("centre", fontName=font, fontSize=11, leading=14,
                                 alignment=TA_CENTER),
        "body": ParagraphStyle("body", fontName=font, fontSize=12, leading=17,
                               alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4),
        "sign": ParagraphStyle("sign", fontName=font, fontSize=12, leading=16, spaceBefore=10),
    }
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)
    story: list[Any] = []
    for style, text in blocks:
        if style == "space":
            story.append(Spacer(1, 6 * mm))
            continue
        story.append(Paragraph(escape(text).replace("\n", "<br/>"), styles[style]))
    # The marking sits in the top and bottom margins, as on any classified paper.
    page = pdf_marker(marking, font=font, top=A4[1] - 10 * mm, bottom=10 * mm)
    pdf.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def document_pdf(*, document: Document, language: str) -> bytes:
    page = document_layout(document, language)
    blocks = [("head", page["organization"].upper()), ("head", page["body"]),
              ("right", page["symbol"] + (f" ({page['draft_word']})" if page["draft"] else "")),
              ("space", ""), ("title", page["kind"]), ("title", page["title"]),
              ("centre", f"{page['place']}    {page['date']}".strip()), ("space", "")]
    blocks += [("body", p) for p in page["paragraphs"]]
    blocks += [("sign", f"{page['for_word']} {state}\n{name}".strip())
               for state, name in page["signatures"]]
    return _pdf(blocks, marking_of(document, language=language))


def report_pdf(*, report: ImplementationReport, language: str) -> bytes:
    page = report_layout(report, language)
    blocks = [("head", page["organization"].upper()), ("space", ""), ("title", page["title"])]
    if page["introduction"]:
        blocks.append(("body", page["introduction"]))
    for entry in page["entries"]:
        blocks += [("sign", f"{entry['reference']}. {entry['instruction']}"),
                   ("centre", f"{page['status_word']}: {entry['status']}"
                    + (f"; {page['due_word']}: {entry['due']}" if entry["due"] else "")),
                   ("body", entry["text"])]
    return _pdf(blocks, marking_of(report, language=language))
