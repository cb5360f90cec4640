"""IPTC ninjs 2.0 documents of public texts, for news agencies: one document per language of an
item, its `uri` the language's stable entry id, the other language named among its
associations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import translation

from concord.press.models import Publication, PublicationText
from concord.press.selectors.figures import filled


def ninjs(*, item: Publication, text: PublicationText, others: list[PublicationText],
          absolute: Callable[[str], str]) -> dict[str, Any]:
    withdrawn = item.status == Publication.Status.WITHDRAWN
    document: dict[str, Any] = {
        "uri": f"urn:uuid:{text.entry_id}",
        "standard": {"name": "ninjs", "version": "2.0"},
        "type": "text",
        "profile": item.pub_type,
        "version": str(text.version),
        "firstcreated": item.published_at,
        "versioncreated": item.updated_at or item.published_at,
        "pubstatus": "canceled" if withdrawn else "usable",
        "language": text.language,
        "headlines": [{"role": "main", "value": text.title}],
        "altids": [{"role": "number", "value": item.number}],
        "renditions": [{"name": "html", "href": absolute(text.get_absolute_url()),
                        "contenttype": "text/html"}],
        "associations": [{"name": f"translation-{other.language}",
                          "uri": f"urn:uuid:{other.entry_id}", "language": other.language,
                          "headlines": [{"role": "main", "value": other.title}]}
                         for other in others],
        "descriptions": [],
        "bodies": [],
    }
    if not withdrawn:
        # Figures from the data are written in the text's own language.
        with translation.override(text.language):
            lead, body = filled(text.lead), filled(text.body)
        if lead:
            document["descriptions"] = [{"role": "summary", "contenttype": "text/plain",
                                         "value": lead}]
        document["bodies"] = [{"role": "main", "contenttype": "text/plain", "value": body}]
    return document
