"""Atom 1.0 feeds (RFC 4287) of public items in one language, optionally of one type. Ids are
`urn:uuid:` names that no change of address or title touches: the feed's own is derived from
what it lists, an entry's is its language's `entry_id`. A correction moves `updated`; a withdrawn
item stays as an entry that says so, for readers who keep a copy."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from xml.etree import ElementTree as ET

from django.utils import translation
from django.utils.translation import gettext as _

from concord.press.models import Publication, PublicationText
from concord.press.selectors.figures import filled

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEEDS = uuid.UUID("6f1d3b0e-9c1a-5d7e-8a43-2c5e0b7f9a11")


def feed_id(language: str, pub_type: str) -> str:
    name = f"press/{language}/{pub_type or 'all'}"
    return f"urn:uuid:{uuid.uuid5(FEEDS, name)}"


def entry_id(text: PublicationText) -> str:
    return f"urn:uuid:{text.entry_id}"


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text:
        element.text = text
    return element


def _link(parent: ET.Element, href: str, *, rel: str, type_: str, hreflang: str = "",
          title: str = "") -> None:
    attrs = {"rel": rel, "type": type_, "href": href}
    if hreflang:
        attrs["hreflang"] = hreflang
    if title:
        attrs["title"] = title
    _sub(parent, "link", **attrs)


def atom_feed(
    *, language: str, pub_type: str, items: Iterable[Publication], self_url: str,
    page_url: str, other_feed_url: str, absolute: Callable[[str], str],
) -> bytes:
    with translation.override(language):
        title = _("Press service") if not pub_type else str(Publication.Type(pub_type).label)
        ET.register_namespace("", ATOM)
        feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language})
        _sub(feed, "id", feed_id(language, pub_type))
        _sub(feed, "title", title)
        _link(feed, self_url, rel="self", type_="application/atom+xml")
        _link(feed, page_url, rel="alternate", type_="text/html", hreflang=language)
        other = "en" if language == "ru" else "ru"
        _link(feed, other_feed_url, rel="alternate", type_="application/atom+xml",
              hreflang=other)
        author = _sub(feed, "author")
        _sub(author, "name", _("Press service"))
        entries = [_entry(item, language, absolute) for item in items]
        moments = [moment for _, moment in entries]
        _sub(feed, "updated", _stamp(max(moments)) if moments else "1970-01-01T00:00:00Z")
        for entry, _moment in entries:
            feed.append(entry)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def _entry(item: Publication, language: str, absolute: Callable[[str], str]
           ) -> tuple[ET.Element, datetime]:
    current: list[PublicationText] = item.current  # type: ignore[attr-defined]
    texts = {t.language: t for t in current}
    text = texts[language]
    assert item.published_at is not None  # noqa: S101  (published items only)
    updated = item.updated_at or item.published_at
    entry = ET.Element(f"{{{ATOM}}}entry", {XML_LANG: language})
    _sub(entry, "id", entry_id(text))
    withdrawn = item.status == Publication.Status.WITHDRAWN
    _sub(entry, "title", _("Withdrawn: %(title)s") % {"title": text.title} if withdrawn
         else text.title)
    _sub(entry, "published", _stamp(item.published_at))
    _sub(entry, "updated", _stamp(updated))
    _link(entry, absolute(text.get_absolute_url()), rel="alternate", type_="text/html",
          hreflang=language)
    for other, other_text in texts.items():
        if other != language:
            _link(entry, absolute(other_text.get_absolute_url()), rel="alternate",
                  type_="text/html", hreflang=other, title=other_text.title)
    _sub(entry, "category", term=item.pub_type,
         label=str(Publication.Type(item.pub_type).label))
    if withdrawn:
        reason = item.withdrawal_reason_ru if language == "ru" else item.withdrawal_reason_en
        _sub(entry, "content", _("This publication was withdrawn: %(reason)s")
             % {"reason": reason}, type="text")
        return entry, updated
    if text.lead:
        _sub(entry, "summary", filled(text.lead), type="text")
    _sub(entry, "content", filled(text.body), type="text")
    return entry, updated
