"""Documents and reports laid out as PDF on A4, marked at the top and bottom of every page and
numbered at the foot."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils import translation
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from concord.core.marking import (
    Marking,
    marking_of,
    pdf_marker,
)
from concord.core.paper import MARGINS_MM, numbered_canvas
from concord.core.pdf import pdf_font
from concord.council.models import Document, ImplementationReport
from concord.council.outputs.docx import SIGNATURE_LINE
from concord.council.outputs.layout import document_layout, report_layout

# What a block of the layout is: a paragraph in a style, a space, or a signature block
# (on whose behalf, who signs).
Block = tuple[str, Any]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "head": ParagraphStyle("head", fontName=font, fontSize=12, leading=16, alignment=TA_CENTER),
        "right": ParagraphStyle("right", fontName=font, fontSize=11, leading=14, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", fontName=font, fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceBefore=6, spaceAfter=6),
        "centre": ParagraphStyle("centre", fontName=font, fontSize=11, leading=14,
                                 alignment=TA_CENTER),
        "body": ParagraphStyle("body", fontName=font, fontSize=12, leading=17,
                               alignment=TA_JUSTIFY, firstLineIndent=12.5 * mm, spaceAfter=4),
        "heading": ParagraphStyle("heading", fontName=font, fontSize=12, leading=16,
                                  spaceBefore=10, keepWithNext=True),
        "status": ParagraphStyle("status", fontName=font, fontSize=11, leading=14,
                                 alignment=TA_LEFT, spaceAfter=2, keepWithNext=True),
        "sign": ParagraphStyle("sign", fontName=font, fontSize=12, leading=16),
        "sign-right": ParagraphStyle("sign-right", fontName=font, fontSize=12, leading=16,
                                     alignment=TA_RIGHT),
    }


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _signature(on_behalf: str, name: str, styles: dict[str, ParagraphStyle]) -> Any:
    """A signatory's block: on whose behalf on the left, the line and the name on the right,
    never split over two pages."""
    table = Table([[_paragraph(on_behalf, styles["sign"]),
                    _paragraph(f"{SIGNATURE_LINE}\n{name}", styles["sign-right"])]],
                  colWidths=[90 * mm, 75 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), table])


def _pdf(blocks: list[Block], marking: Marking, language: str) -> bytes:
    font = pdf_font(serif=True)
    styles = _styles(font)
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGINS_MM["left"] * mm,
                            rightMargin=MARGINS_MM["right"] * mm,
                            topMargin=MARGINS_MM["top"] * mm,
                            bottomMargin=MARGINS_MM["bottom"] * mm)
    story: list[Any] = []
    for style, content in blocks:
        if style == "space":
            story.append(Spacer(1, 6 * mm))
        elif style == "signature":
            on_behalf, name = content
            story.append(_signature(on_behalf, name, styles))
        else:
            story.append(_paragraph(content, styles[style]))
    # The marking sits in the top and bottom margins, as on any classified paper.
    page = pdf_marker(marking, font=font, top=A4[1] - 10 * mm, bottom=10 * mm)
    with translation.override(language):
        canvas = numbered_canvas(font=font)
    pdf.build(story, onFirstPage=page, onLaterPages=page, canvasmaker=canvas)
    return buffer.getvalue()


def document_pdf(*, document: Document, language: str) -> bytes:
    page = document_layout(document, language)
    blocks: list[Block] = [
        ("head", page["organization"].upper()), ("head", page["body"]),
        ("right", page["symbol"] + (f" ({page['draft_word']})" if page["draft"] else "")),
        ("space", ""), ("title", page["kind"]), ("title", page["title"]),
        ("centre", page["place_and_date"]), ("space", "")]
    blocks += [("body", p) for p in page["paragraphs"]]
    if page["proclaimed_by"]:
        blocks.append(("right", page["proclaimed_by"]))
    blocks += [("signature", signature) for signature in page["signatures"]]
    return _pdf(blocks, marking_of(document, language=language), language)


def report_pdf(*, report: ImplementationReport, language: str) -> bytes:
    page = report_layout(report, language)
    blocks: list[Block] = [("head", page["organization"].upper()), ("space", ""),
                           ("title", page["title"]), ("right", page["place_and_date"]),
                           ("space", "")]
    if page["addressed"]:
        blocks.append(("body", page["addressed"]))
    if page["introduction"]:
        blocks.append(("body", page["introduction"]))
    for entry in page["entries"]:
        blocks += [("heading", f"{entry['reference']}. {entry['instruction']}"),
                   ("status", f"{page['status_word']}: {entry['status']}"
                    + (f"; {page['due_word']}: {entry['due']}" if entry["due"] else "")),
                   ("body", entry["text"])]
    return _pdf(blocks, marking_of(report, language=language), language)
