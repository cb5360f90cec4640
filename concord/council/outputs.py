"""The formats people take away: iCalendar for sessions, DOCX and PDF laid out as official
documents, and Akoma Ntoso 3.0 XML of adopted documents. Each DOCX and PDF carries its record's
marking at the top and bottom of every page, in the document's language, and the Akoma Ntoso
its label in the proprietary metadata (concord.core.marking)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from icalendar import Calendar, Event
from lxml import etree  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from concord.core.errors import InvalidState
from concord.core.marking import (
    PARTY_SEPARATOR,
    Marking,
    classification_code,
    mark_docx,
    marking_of,
    pdf_marker,
    release_codes,
)
from concord.core.pdf import pdf_font
from concord.council.models import Document, DocumentText, ImplementationReport, Session

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CONCORD_NS = "urn:concord:council"
ISO_639_2 = {"ru": "rus", "en": "eng"}
ORGANIZATION = {"ru": "Организация Договора о коллективной безопасности",
                "en": "Collective Security Treaty Organization"}


def download(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def filename(document: Document, language: str, extension: str) -> str:
    return f"{document.symbol.replace('/', '-')}-{language}.{extension}"


# --- iCalendar -------------------------------------------------------------------------------

def sessions_ical(*, sessions: list[Session], request: HttpRequest) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Concord//Council sessions//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Sessions"))
    stamp = datetime.now(UTC)
    for session in sessions:
        # A session known only to fall within a period ("the second half of 2014") is no event
        # a calendar can place; the calendar page lists it apart.
        if session.dates_tentative:
            continue
        event = Event()
        event.add("uid", f"{session.public_id}@concord")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_on)
        event.add("dtend", session.ends_on + timedelta(days=1))
        event.add("summary", session.title)
        event.add("location", session.place)
        event.add("url", request.build_absolute_uri(session.get_absolute_url()))
        event.add("status", "TENTATIVE" if session.status == Session.Status.PLANNED
                  else "CONFIRMED")
        event.add("description", f"{session.body.name} · {session.get_kind_display()}")
        cal.add_component(event)
    return bytes(cal.to_ical())


# --- What an official document shows ----------------------------------------------------------

def _text(document: Document, language: str) -> DocumentText:
    versions = [t for t in document.texts.all() if t.language == language]
    authentic = [t for t in versions if t.is_authentic]
    chosen = (authentic or versions)[-1:] if versions else []
    if not chosen:
        raise InvalidState(_("The document has no text in this language."))
    return chosen[0]


def _layout(document: Document, language: str) -> dict[str, Any]:
    text = _text(document, language)
    with translation.override(language):
        kind = str(Document.Type(document.doc_type).label)
        signatures = [(s.state.official_name if s.state else "", s.official.name)
                      for s in document.signatures.all()]
        place = document.place or (document.session.place if document.session else "")
        day = document.adopted_on or (document.session.starts_on if document.session else None)
        return {
            "organization": ORGANIZATION.get(language, ORGANIZATION["en"]),
            "body": document.body.name, "kind": kind.upper(), "symbol": document.symbol,
            "title": getattr(document, f"title_{language}") or document.title,
            "date": day.strftime("%d.%m.%Y") if day else "",
            "place": place, "paragraphs": [p for p in text.body.split("\n") if p.strip()],
            "signatures": signatures, "for_word": _("For"),
            "draft": document.status != Document.Status.ADOPTED,
            "draft_word": _("Draft"),
        }


def document_docx(*, document: Document, language: str) -> bytes:
    page = _layout(document, language)
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


# --- PDF -------------------------------------------------------------------------------------

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
    page = _layout(document, language)
    blocks = [("head", page["organization"].upper()), ("head", page["body"]),
              ("right", page["symbol"] + (f" ({page['draft_word']})" if page["draft"] else "")),
              ("space", ""), ("title", page["kind"]), ("title", page["title"]),
              ("centre", f"{page['place']}    {page['date']}".strip()), ("space", "")]
    blocks += [("body", p) for p in page["paragraphs"]]
    blocks += [("sign", f"{page['for_word']} {state}\n{name}".strip())
               for state, name in page["signatures"]]
    return _pdf(blocks, marking_of(document, language=language))


def _report_layout(report: ImplementationReport, language: str) -> dict[str, Any]:
    with translation.override(language):
        entries = [{"reference": str(e.instruction),
                    "instruction": getattr(e.instruction, f"text_{language}"),
                    "status": str(e.get_status_display()),
                    "due": e.instruction.due_on.strftime("%d.%m.%Y") if e.instruction.due_on
                    else "", "text": getattr(e, f"text_{language}")}
                   for e in report.entries.all()]
        return {"organization": ORGANIZATION.get(language, ORGANIZATION["en"]),
                "title": getattr(report, f"title_{language}"),
                "introduction": getattr(report, f"introduction_{language}"),
                "entries": entries, "status_word": _("Status"), "due_word": _("Due")}


def report_docx(*, report: ImplementationReport, language: str) -> bytes:
    page = _report_layout(report, language)
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


def report_pdf(*, report: ImplementationReport, language: str) -> bytes:
    page = _report_layout(report, language)
    blocks = [("head", page["organization"].upper()), ("space", ""), ("title", page["title"])]
    if page["introduction"]:
        blocks.append(("body", page["introduction"]))
    for entry in page["entries"]:
        blocks += [("sign", f"{entry['reference']}. {entry['instruction']}"),
                   ("centre", f"{page['status_word']}: {entry['status']}"
                    + (f"; {page['due_word']}: {entry['due']}" if entry["due"] else "")),
                   ("body", entry["text"])]
    return _pdf(blocks, marking_of(report, language=language))


# --- Akoma Ntoso 3.0 --------------------------------------------------------------------------

def _akn(tag: str, parent: Any = None, text: str | None = None, **attributes: str) -> Any:
    name = f"{{{AKN_NS}}}{tag}"
    element = etree.Element(name, nsmap={None: AKN_NS}) if parent is None \
        else etree.SubElement(parent, name)
    for key, value in attributes.items():
        element.set(key.rstrip("_"), value)
    if text is not None:
        element.text = text
    return element


def document_akn(*, document: Document, language: str) -> bytes:
    """An adopted document as Akoma Ntoso 3.0 (a `doc` named by its type), in one language."""
    if document.status != Document.Status.ADOPTED or document.adopted_on is None:
        raise InvalidState(_("Only adopted documents are published as Akoma Ntoso."))
    text = _text(document, language)
    day = document.adopted_on.isoformat()
    number = document.symbol.replace("/", "-")
    work = f"/akn/csto/doc/{document.doc_type}/{day}/{number}"
    expression = f"{work}/{ISO_639_2.get(language, 'und')}@{day}"
    manifestation = f"{expression}/!main.xml"
    body_ref = f"#{document.body.code.lower()}"

    root = _akn("akomaNtoso")
    doc = _akn("doc", root, name=document.doc_type)
    meta = _akn("meta", doc)
    identification = _akn("identification", meta, source="#concord")
    for level, this, uri in (("FRBRWork", f"{work}/!main", work),
                             ("FRBRExpression", f"{expression}/!main", expression),
                             ("FRBRManifestation", manifestation, manifestation)):
        frbr = _akn(level, identification)
        _akn("FRBRthis", frbr, value=this)
        _akn("FRBRuri", frbr, value=uri)
        if level == "FRBRWork":
            _akn("FRBRalias", frbr, value=document.symbol, name="symbol")
        _akn("FRBRdate", frbr, date=day, name="adoption" if level != "FRBRManifestation"
             else "generation")
        _akn("FRBRauthor", frbr, href=body_ref if level != "FRBRManifestation" else "#concord")
        if level == "FRBRWork":
            _akn("FRBRcountry", frbr, value="csto")
            _akn("FRBRnumber", frbr, value=number)
        if level == "FRBRExpression":
            _akn("FRBRlanguage", frbr, language=ISO_639_2.get(language, "und"))
    references = _akn("references", meta, source="#concord")
    _akn("TLCOrganization", references, eId="concord", href="/ontology/organization/concord",
         showAs="Concord")
    _akn("TLCOrganization", references, eId=document.body.code.lower(),
         href=f"/ontology/organization/csto/{document.body.code.lower()}",
         showAs=getattr(document.body, f"name_{language}", document.body.name))
    signatures = list(document.signatures.all())
    for signature in signatures:
        _akn("TLCPerson", references, eId=f"signer-{signature.official.public_id}",
             href=f"/ontology/person/{signature.official.public_id}",
             showAs=getattr(signature.official, f"name_{language}", signature.official.name))

    # Concord's own metadata, in its own namespace: the document's label, as its tables write
    # it, and the authentic text's hash recorded at adoption.
    proprietary = _akn("proprietary", meta, source="#concord")
    label = etree.SubElement(proprietary, f"{{{CONCORD_NS}}}label", nsmap={"concord": CONCORD_NS})
    label.set("classification", classification_code(document.classification))
    label.set("originator", document.originator.code)
    label.set("releaseToAllMembers", "true" if document.release_to_all_members else "false")
    label.set("releasableTo", PARTY_SEPARATOR.join(release_codes(document)))
    if text.sha256:
        authentic = etree.SubElement(proprietary, f"{{{CONCORD_NS}}}authenticText",
                                     nsmap={"concord": CONCORD_NS})
        authentic.set("language", text.language)
        authentic.set("version", str(text.version))
        authentic.set("sha256", text.sha256)

    preface = _akn("preface", doc)
    _akn("docNumber", _akn("p", preface), document.symbol)
    _akn("docTitle", _akn("p", preface), getattr(document, f"title_{language}") or document.title)
    dated = _akn("p", preface)
    _akn("docDate", dated, document.adopted_on.strftime("%d.%m.%Y"), date=day)
    place = getattr(document, f"place_{language}") or (
        getattr(document.session, f"place_{language}") if document.session else "")
    if place:
        dated[-1].tail = ", "
        _akn("location", dated, place, refersTo="#place")
        _akn("TLCLocation", references, eId="place", href="/ontology/location/" +
             place.lower().replace(" ", "-"), showAs=place)

    main = _akn("mainBody", doc)
    paragraphs = [p for p in text.body.split("\n") if p.strip()]
    for index, paragraph in enumerate(paragraphs, start=1):
        _akn("p", main, paragraph, eId=f"para_{index}")
    if signatures:
        conclusions = _akn("conclusions", doc)
        for signature in signatures:
            line = _akn("p", conclusions)
            sign = _akn("signature", line)
            _akn("person", sign, getattr(signature.official, f"name_{language}",
                                         signature.official.name),
                 refersTo=f"#signer-{signature.official.public_id}")
            _akn("date", sign, signature.signed_on.strftime("%d.%m.%Y"),
                 date=signature.signed_on.isoformat())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True))
