"""Adopted documents as Akoma Ntoso 3.0 XML, their label in the proprietary metadata."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from lxml import etree  # type: ignore[import-untyped]

from concord.core.errors import InvalidState
from concord.core.marking import (
    PARTY_SEPARATOR,
    classification_code,
    release_codes,
)
from concord.council.models import Document
from concord.council.outputs.layout import text_laid_out

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CONCORD_NS = "urn:concord:council"
ISO_639_2 = {"ru": "rus", "en": "eng"}



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
    text = text_laid_out(document, language)
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
