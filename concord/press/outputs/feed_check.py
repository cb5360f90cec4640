"""What `concord press feed check` verifies in an Atom feed: the rules of RFC 4287 a reader's
software relies on, each problem named by the entry it is in."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def _element_problems(element: ET.Element, where: str) -> list[str]:
    problems = []
    for tag in ("id", "title", "updated"):
        found = element.findall(f"{ATOM}{tag}")
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"{where}: needs exactly one non-empty <{tag}>")
    updated = element.find(f"{ATOM}updated")
    if updated is not None and _moment(updated.text) is None:
        problems.append(f"{where}: <updated> {updated.text!r} is not an RFC 3339 date")
    ident = element.find(f"{ATOM}id")
    if ident is not None and not (ident.text or "").startswith("urn:uuid:"):
        problems.append(f"{where}: id {ident.text!r} is not a urn:uuid name")
    alternates: set[tuple[str, str]] = set()
    for link in element.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") != "alternate":
            continue
        pair = (link.get("type", ""), link.get("hreflang", ""))
        if pair in alternates:
            problems.append(f"{where}: two alternate links of type {pair[0]!r} "
                            f"and language {pair[1]!r}")
        alternates.add(pair)
    return problems


def atom_problems(content: bytes) -> list[str]:
    """Every rule the feed breaks; an empty list for a valid feed."""
    try:
        feed = ET.fromstring(content)  # noqa: S314  (Concord's own output, read back)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if feed.tag != f"{ATOM}feed":
        return [f"the root element is {feed.tag}, not an Atom feed"]
    problems = _element_problems(feed, "feed")
    if not feed.get(XML_LANG):
        problems.append("feed: no xml:lang")
    if feed.find(f"{ATOM}author") is None:
        problems.append("feed: no author, which every entry then lacks")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append("feed: no link to itself (rel=self)")
    seen: set[str] = set()
    for number, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        ident = (entry.findtext(f"{ATOM}id") or "").strip()
        where = f"entry {number} ({ident or 'no id'})"
        problems += _element_problems(entry, where)
        if ident in seen:
            problems.append(f"{where}: the id is given to an earlier entry too")
        seen.add(ident)
        if not any(link.get("rel", "alternate") == "alternate"
                   for link in entry.findall(f"{ATOM}link")) \
                and entry.find(f"{ATOM}content") is None:
            problems.append(f"{where}: neither content nor an alternate link")
    return problems
