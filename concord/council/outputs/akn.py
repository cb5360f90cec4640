"""Adopted documents as Akoma Ntoso 3.0 XML, their label in the proprietary metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree  # type: ignore[import-untyped]

from concord.core.errors import InvalidState
from concord.core.marking import (
    PARTY_SEPARATOR,
    classification_code,
    release_codes,
)
from concord.council.models import Document, DocumentText, Signature
from concord.council.models.documents import numbered_points
from concord.council.outputs.layout import place_and_date, text_laid_out, written_date

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CONCORD_NS = "urn:concord:council"
ISO_639_2 = {"ru": "rus", "en": "eng"}
_PLACEHOLDER = re.compile(r"(%\(place\)s|%\(date\)s)")


def _akn(tag: str, parent: Any = None, text: str | None = None, **attributes: str) -> Any:
    name = f"{{{AKN_NS}}}{tag}"
    element = etree.Element(name, nsmap={None: AKN_NS}) if parent is None \
        else etree.SubElement(parent, name)
    for key, value in attributes.items():
        element.set(key.rstrip("_"), value)
    if text is not None:
        element.text = text
    return element


@dataclass(frozen=True)
class _Names:
    """The FRBR names of a document in one language: the work (the document), its expression
    in that language, and this file, its manifestation."""

    day: str
    number: str
    work: str
    expression: str
    manifestation: str
    language_code: str

    @classmethod
    def of(cls, document: Document, language: str, day: str) -> _Names:
        number = document.symbol.replace("/", "-")
        work = f"/akn/csto/doc/{document.doc_type}/{day}/{number}"
        code = ISO_639_2.get(language, "und")
        expression = f"{work}/{code}@{day}"
        return cls(day=day, number=number, work=work, expression=expression,
                   manifestation=f"{expression}/!main.xml", language_code=code)


def _identification(meta: Any, document: Document, names: _Names) -> None:
    body_ref = f"#{document.body.code.lower()}"
    event = ("proclamation" if document.status == Document.Status.PROCLAIMED else "adoption")
    identification = _akn("identification", meta, source="#concord")
    work = _akn("FRBRWork", identification)
    _akn("FRBRthis", work, value=f"{names.work}/!main")
    _akn("FRBRuri", work, value=names.work)
    _akn("FRBRalias", work, value=document.symbol, name="symbol")
    _akn("FRBRdate", work, date=names.day, name=event)
    _akn("FRBRauthor", work, href=body_ref)
    _akn("FRBRcountry", work, value="csto")
    _akn("FRBRnumber", work, value=names.number)
    expression = _akn("FRBRExpression", identification)
    _akn("FRBRthis", expression, value=f"{names.expression}/!main")
    _akn("FRBRuri", expression, value=names.expression)
    _akn("FRBRdate", expression, date=names.day, name=event)
    _akn("FRBRauthor", expression, href=body_ref)
    _akn("FRBRlanguage", expression, language=names.language_code)
    # The file is made by Concord when it is asked for, not by the body that adopted the text.
    manifestation = _akn("FRBRManifestation", identification)
    _akn("FRBRthis", manifestation, value=names.manifestation)
    _akn("FRBRuri", manifestation, value=names.manifestation)
    _akn("FRBRdate", manifestation, date=names.day, name="generation")
    _akn("FRBRauthor", manifestation, href="#concord")


def _place(document: Document, language: str) -> str:
    """Where the document was adopted: its own place, else its session's."""
    return getattr(document, f"place_{language}") or (
        getattr(document.session, f"place_{language}") if document.session else "")


def _references(meta: Any, document: Document, *, signatures: list[Signature], place: str,
                language: str) -> None:
    references = _akn("references", meta, source="#concord")
    _akn("TLCOrganization", references, eId="concord", href="/ontology/organization/concord",
         showAs="Concord")
    _akn("TLCOrganization", references, eId=document.body.code.lower(),
         href=f"/ontology/organization/csto/{document.body.code.lower()}",
         showAs=getattr(document.body, f"name_{language}", document.body.name))
    for signature in signatures:
        _akn("TLCPerson", references, eId=f"signer-{signature.official.public_id}",
             href=f"/ontology/person/{signature.official.public_id}",
             showAs=getattr(signature.official, f"name_{language}", signature.official.name))
    if place:
        _akn("TLCLocation", references, eId="place", href="/ontology/location/" +
             place.lower().replace(" ", "-"), showAs=place)


def _proprietary(meta: Any, document: Document, text: DocumentText) -> None:
    """Concord's own metadata, in its own namespace: the document's label, as its tables write
    it, and the authentic text's hash recorded at adoption."""
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


def _preface(doc: Any, document: Document, *, adopted_on: date, place: str,
             language: str) -> None:
    preface = _akn("preface", doc)
    _akn("docNumber", _akn("p", preface), document.symbol)
    _akn("docTitle", _akn("p", preface), getattr(document, f"title_{language}") or document.title)
    # The place and day as the document writes them ("г. Сочи, 23 сентября 2013 года"), the
    # place and the day marked up where the language's wording puts them.
    with translation.override(language):
        words = place_and_date("%(place)s", adopted_on).replace(
            written_date(adopted_on), "%(date)s") if place else "%(date)s"
        written = written_date(adopted_on)
    dated = _akn("p", preface)
    last: Any = None
    for part in filter(None, _PLACEHOLDER.split(words)):
        if part == "%(place)s":
            last = _akn("location", dated, place, refersTo="#place")
        elif part == "%(date)s":
            last = _akn("docDate", dated, written, date=adopted_on.isoformat())
        elif last is None:
            dated.text = (dated.text or "") + part
        else:
            last.tail = (last.tail or "") + part


def _main_body(doc: Any, text: DocumentText) -> None:
    """The text's numbered points as `point`s with their `num`, and the paragraphs before them
    (a preamble, a chair's words introducing the points) as paragraphs."""
    main = _akn("mainBody", doc)
    lead, points = numbered_points(text.body)
    for index, paragraph in enumerate(lead, start=1):
        _akn("p", main, paragraph, eId=f"para_{index}")
    for point in points:
        element = _akn("point", main, eId=f"point_{point.number}")
        _akn("num", element, f"{point.number}.")
        content = _akn("content", element)
        for paragraph in point.paragraphs:
            _akn("p", content, paragraph)


def _conclusions(doc: Any, signatures: list[Signature], language: str) -> None:
    if not signatures:
        return
    conclusions = _akn("conclusions", doc)
    for signature in signatures:
        line = _akn("p", conclusions)
        sign = _akn("signature", line)
        _akn("person", sign, getattr(signature.official, f"name_{language}",
                                     signature.official.name),
             refersTo=f"#signer-{signature.official.public_id}")
        _akn("date", sign, signature.signed_on.strftime("%d.%m.%Y"),
             date=signature.signed_on.isoformat())


def document_akn(*, document: Document, language: str) -> bytes:
    """An adopted or proclaimed document as Akoma Ntoso 3.0 (a `doc` named by its type), in one
    language."""
    day = (document.adopted_on if document.status == Document.Status.ADOPTED
           else document.proclaimed_on if document.status == Document.Status.PROCLAIMED
           else None)
    if day is None:
        raise InvalidState(_("Only adopted documents are published as Akoma Ntoso."))
    text = text_laid_out(document, language)
    names = _Names.of(document, language, day.isoformat())
    signatures = list(document.signatures.all())
    place = _place(document, language)

    root = _akn("akomaNtoso")
    doc = _akn("doc", root, name=document.doc_type)
    meta = _akn("meta", doc)
    _identification(meta, document, names)
    _references(meta, document, signatures=signatures, place=place, language=language)
    _proprietary(meta, document, text)
    _preface(doc, document, adopted_on=day, place=place, language=language)
    _main_body(doc, text)
    _conclusions(doc, signatures, language)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True))
