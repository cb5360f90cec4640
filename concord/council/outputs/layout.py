"""What an official document and a report on implementation show, whatever the format they are laid
out in."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import translation
from django.utils.dates import MONTHS_ALT
from django.utils.translation import gettext as _

from concord.core.errors import InvalidState
from concord.council.models import Document, DocumentText, ImplementationReport
from concord.registry.models import MemberState

ORGANIZATION = {"ru": "Организация Договора о коллективной безопасности",
                "en": "Collective Security Treaty Organization"}

def written_date(day: date) -> str:
    """A day as an official document writes it in the active language: "23 сентября 2013 года",
    "23 September 2013" (the month in the genitive where the language declines it)."""
    # Translators: a day written out in a document; Russian adds «года» after the year.
    return _("%(day)s %(month)s %(year)s") % {
        "day": day.day, "month": MONTHS_ALT[day.month], "year": day.year}


def place_and_date(place: str, day: date | None) -> str:
    """The line under a document's title: "г. Сочи, 23 сентября 2013 года", "Sochi,
    23 September 2013"."""
    if not day:
        return place
    if not place:
        return written_date(day)
    # Translators: the place and day under a document's title; Russian puts «г.» before a city.
    return _("%(place)s, %(date)s") % {
        "place": place, "date": written_date(day)}


def on_behalf_of(state: MemberState | None, language: str) -> str:
    """A signature block's heading, "За Республику Таджикистан", "For the Republic of
    Tajikistan", from the form the registry holds for the language. A state whose form is not
    recorded is named as it is, without the preposition: a form guessed would be wrong as often
    as not."""
    if state is None:
        return ""
    form = (state.official_name_accusative_ru if language == "ru"
            else state.official_name_in_text_en if language == "en" else "")
    if not form:
        return state.official_name
    # Translators: the heading of a signature block, "За Республику Таджикистан".
    return _("For %(state)s") % {"state": form}


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
        signatures = [(on_behalf_of(s.state, language), s.official.name)
                      for s in document.signatures.all()]
        place = document.place or (document.session.place if document.session else "")
        day = (document.adopted_on or document.proclaimed_on
               or (document.session.starts_on if document.session else None))
        return {
            "organization": ORGANIZATION.get(language, ORGANIZATION["en"]),
            "body": document.body.name, "kind": kind.upper(), "symbol": document.symbol,
            "title": getattr(document, f"title_{language}") or document.title,
            "place_and_date": place_and_date(place, day),
            "paragraphs": [p for p in text.body.split("\n") if p.strip()],
            "signatures": signatures,
            "proclaimed_by": (_("Proclaimed by %(name)s")
                              % {"name": document.proclaimed_by.name}
                              if document.proclaimed_by else ""),
            "draft": document.status not in (Document.Status.ADOPTED,
                                              Document.Status.PROCLAIMED),
            "draft_word": _("Draft"),
        }


def report_addressed(report: ImplementationReport) -> str:
    """Who reports to whom on what, in the active language: the first paragraph of every
    implementation report, whatever introduction the secretariat writes after it."""
    session, covers = report.session, report.covers
    # Either session may be one the reader may not see; the report then names neither.
    if session is None or covers is None:
        return ""
    return _("The Secretary General reports to %(body)s, at its session in %(place)s on "
             "%(date)s, on the implementation of the decisions of its session in "
             "%(covers_place)s of %(covers_date)s, for the period from %(start)s to %(end)s.") % {
        "body": session.body.name, "place": session.place,
        "date": (written_date(session.starts_on) if not session.dates_tentative
                 else _("a date to be fixed")),
        "covers_place": covers.place, "covers_date": written_date(covers.starts_on),
        "start": written_date(covers.ends_on), "end": written_date(report.edited_at.date())}


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
                "place_and_date": place_and_date("", report.edited_at.date()),
                "addressed": report_addressed(report),
                "introduction": getattr(report, f"introduction_{language}"),
                "entries": entries, "status_word": _("Status"), "due_word": _("Due")}
