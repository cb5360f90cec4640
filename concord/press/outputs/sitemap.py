"""The sitemap of the public press pages (sitemaps.org 0.9), each text with its other language
as an `xhtml:link` alternate, as search engines read language versions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.etree import ElementTree as ET

from concord.press.models import Publication, PublicationText

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap(*, items: Iterable[Publication], pages: Iterable[str],
            absolute: Callable[[str], str]) -> bytes:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for page in pages:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(page)
    for item in items:
        current: list[PublicationText] = item.current  # type: ignore[attr-defined]
        for text in current:
            url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(text.get_absolute_url())
            if item.updated_at is not None:
                ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = item.updated_at.date(
                ).isoformat()
            if len(current) > 1:
                for version in current:
                    ET.SubElement(url, f"{{{XHTML}}}link", {
                        "rel": "alternate", "hreflang": version.language,
                        "href": absolute(version.get_absolute_url())})
    return bytes(ET.tostring(urlset, encoding="utf-8", xml_declaration=True))
