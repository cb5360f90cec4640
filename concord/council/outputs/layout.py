"""What an official document and a report on implementation show, whatever the format they are laid
out in."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from concord.core.errors import InvalidState
from concord.council.models import Document, DocumentText, ImplementationReport

ORGANIZATION = {"ru": "Организация Договора о коллективной безопасности",
                "en": "Collective Security Treaty Organization"}



def text_laid_out(document: Document, language: str) -> DocumentText:
    versions = [t for t in document.texts.all() if t.language == language]
    authentic = [t for t in versions if t.is_authentic]
    chosen = (authentic or versions)[-1:] if versions else []
    if not chosen:
        raise InvalidState(_("The document has no text in this language."))
    return chosen[0]


def document_layout(document: Document, language: str) -> dict[str, Any]:
    text = text_laid_out(document, language)
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


def report_layout(report: ImplementationReport, language: str) -> dict[str, Any]:
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
