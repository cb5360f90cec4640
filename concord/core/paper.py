"""The paper official outputs are laid out on, whatever writes them: A4 with the margins of an
official document (GOST R 7.0.97: 20 mm at the top and bottom, 30 mm on the left for the binding,
10 mm on the right at least), and every page numbered "N of M" at the bottom, in DOCX as in PDF.

Word processors fill a DOCX's page fields when they lay it out; a PDF is numbered by drawing each
page only once the number of pages is known."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
_FIELD = re.compile(r"(%\(page\)s|%\(pages\)s)")


def page_number_words() -> str:
    """The page number's wording in the active language, with %(page)s and %(pages)s in it."""
    # Translators: the page number at the foot of a document, "стр. 2 из 3".
    return gettext("Page %(page)s of %(pages)s")


def page_number(page: int, pages: int) -> str:
    return page_number_words() % {"page": page, "pages": pages}


def a4_docx() -> Any:
    """A new python-docx document on A4 with the official margins and its pages numbered in the
    footer, in the active language."""
    # python-docx is loaded by the Word writers only.
    from docx import Document as Docx  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    document = Docx()
    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    return document


def number_docx_pages(document: Any) -> None:
    """Adds "Page N of M" under whatever the footers hold (the marking comes first)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    words = page_number_words()
    for section in document.sections:
        section.footer.is_linked_to_previous = False
        paragraph = section.footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for part in _FIELD.split(words):
            if not part:
                continue
            field = {"%(page)s": ("PAGE", "1"), "%(pages)s": ("NUMPAGES", "1")}.get(part)
            if field is None:
                paragraph.add_run(part).font.size = Pt(9)
            else:
                _field_run(paragraph, *field)


def _field_run(paragraph: Any, code: str, shown: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) with the value shown until Word updates it."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = paragraph.add_run(shown)
    run.font.size = Pt(9)
    paragraph._p.remove(run._r)  # python-docx has no API for fields
    field.append(run._r)
    paragraph._p.append(field)


def numbered_canvas(*, font: str, size: float = 9, right_mm: float = MARGINS_MM["right"],
                    bottom_mm: float = 8) -> type[Any]:
    """A reportlab canvas class that numbers each page "N of M" at the bottom right. Pages are
    kept until the document is saved, when their number is known; the wording is taken in the
    language active when the class is made."""
    words = page_number_words()

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, size)
                self.drawRightString(A4[0] - right_mm * mm, bottom_mm * mm,
                                     words % {"page": self._pageNumber, "pages": pages})
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas
