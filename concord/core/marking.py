"""How a record's label travels with it when it leaves Concord.

In a table (CSV, XLSX, GeoJSON) the label is four columns of codes, read by programs as well as
people: `classification` as the API spells it (`secret`), `originator` and `releasable_to` as
party codes (`RU;TJ`), `release_to_all_members` as `true` or `false`. On paper (DOCX, PDF) it
is the marking at the top and bottom of every page, in the document's language, with the line
saying to whom the record is released, as on any classified paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from concord.core.labels import Classification

LABEL_COLUMNS = ("classification", "originator", "release_to_all_members", "releasable_to")
# Party codes in the `releasable_to` column.
PARTY_SEPARATOR = ";"


def classification_code(value: int) -> str:
    """The code of a classification, as the API writes it: `public` … `secret`."""
    return Classification(value).name.lower()


CLASSIFICATION_CODES: dict[str, int] = {
    **{c.name.lower(): int(c) for c in Classification},
    # The command line writes `official-use`.
    **{c.name.lower().replace("_", "-"): int(c) for c in Classification},
}


def classification_of_code(text: str) -> int | None:
    """The classification a code names, or None when it names none."""
    return CLASSIFICATION_CODES.get(text.strip().casefold())


def release_codes(record: Any) -> list[str]:
    """The codes of the parties a record is released to by name, in code order (reads the
    release list, prefetched or not)."""
    return sorted(party.code for party in record.releasable_to.all())


def label_cells(record: Any) -> list[Any]:
    """The values of LABEL_COLUMNS for one labelled record."""
    return [classification_code(record.classification), record.originator.code,
            bool(record.release_to_all_members),
            PARTY_SEPARATOR.join(release_codes(record))]


# --- The marking on paper ----------------------------------------------------------------------


@dataclass(frozen=True)
class Marking:
    """What every page of a document made of a labelled record shows: the classification in
    capitals and, below PUBLIC, the originator and to whom the record is released."""

    classification: str
    release: str = ""

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.classification, self.release) if line]


def marking_of(record: Any, *, language: str | None = None) -> Marking:
    """The marking of a labelled record, in `language` (the active language when None)."""
    if language is not None:
        with translation.override(language):
            return marking_of(record)
    classification = str(Classification(record.classification).label).upper()
    if record.classification == Classification.PUBLIC:
        return Marking(classification)
    named = release_codes(record)
    if record.release_to_all_members and named:
        released = _("Released to all member states and to: %(parties)s") % {
            "parties": ", ".join(named)}
    elif record.release_to_all_members:
        released = _("Released to all member states")
    elif named:
        released = _("Released to: %(parties)s") % {"parties": ", ".join(named)}
    else:
        released = _("Not released beyond the originator")
    # People read the originator by name on paper; its code is for files meant for machines.
    originator = _("Originator: %(party)s") % {"party": record.originator.name}
    return Marking(classification, f"{originator} · {released}")


def mark_docx(document: Any, marking: Marking) -> None:
    """Puts the marking in the header and the footer of every section of a python-docx
    document: the classification first, centred and bold, the release line under it."""
    # python-docx is loaded by the Word writers only, not by every page that draws a marking.
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    for section in document.sections:
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
            paragraphs = list(part.paragraphs)
            for index, line in enumerate(marking.lines):
                paragraph = paragraphs[index] if index < len(paragraphs) else part.add_paragraph()
                paragraph.text = ""
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(line)
                if index == 0:
                    run.bold = True
                else:
                    run.font.size = Pt(8)


def pdf_marker(marking: Marking, *, font: str, top: float, bottom: float,
               page_numbers: bool = False) -> Callable[[Any, Any], None]:
    """A reportlab page callback that draws the marking at the top and bottom of each page:
    the classification at `top` and `bottom` (points from the page's lower edge, as reportlab
    counts), the release line just inside each."""

    def page(canvas: Any, document: Any) -> None:
        width = document.pagesize[0]
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(width / 2, top, marking.classification)
        footer = (f"{marking.classification} · {document.page}" if page_numbers
                  else marking.classification)
        canvas.drawCentredString(width / 2, bottom, footer)
        if marking.release:
            canvas.setFont(font, 7)
            canvas.drawCentredString(width / 2, top - 10, marking.release)
            canvas.drawCentredString(width / 2, bottom + 10, marking.release)
        canvas.restoreState()

    return page
