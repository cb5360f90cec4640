"""Documents and their texts as the viewer may read them."""

from __future__ import annotations

import difflib
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import NotFound, ValidationError
from concord.core.filters import order_by
from concord.core.models import Party
from concord.core.policy import system_viewers
from concord.core.scoping import labelled_get, public_id_of
from concord.council.filters import DOCUMENT_SORTS, DocumentFilters
from concord.council.models import (
    LANGUAGES,
    AgendaItem,
    ConsensusOutcome,
    Document,
    DocumentText,
    Session,
    Signature,
    SilenceProcedure,
)


def visible_documents(viewer: Viewer) -> QuerySet[Document]:
    return Document.objects.visible_to(viewer).select_related("body", "proclaimed_by")


def document_list(*, viewer: Viewer, filters: DocumentFilters | None = None,
                  session: Session | None = None) -> QuerySet[Document]:
    filters = filters or DocumentFilters()
    documents = visible_documents(viewer).select_related("session")
    if filters.q:
        documents = documents.filter(Q(title_ru__icontains=filters.q)
                                     | Q(title_en__icontains=filters.q)
                                     | Q(symbol__icontains=filters.q))
    if filters.doc_type:
        documents = documents.filter(doc_type__in=filters.doc_type)
    if filters.status:
        documents = documents.filter(status__in=filters.status)
    if filters.body:
        documents = documents.filter(body__code=filters.body)
    if filters.year:
        documents = documents.filter(year=filters.year)
    if session is not None:
        documents = documents.filter(session=session)
    return documents.order_by(*order_by(filters.sort, DOCUMENT_SORTS))


def document_get(*, viewer: Viewer, public_id: Any) -> Document:
    key = public_id_of(Document, public_id)
    queryset = Document.objects.select_related(
        "body", "session", "originator", "proclaimed_by").prefetch_related(
        Prefetch("texts", queryset=DocumentText.objects.order_by("language", "version")),
        Prefetch("outcomes", queryset=ConsensusOutcome.objects.select_related("body", "session")),
        Prefetch("signatures", queryset=Signature.objects.select_related(
            "official", "state", "key")),
        Prefetch("silences", queryset=SilenceProcedure.objects.select_related("body",
                                                                              "broken_by")),
    )
    document: Document = labelled_get(queryset, viewer=viewer, public_id=key)
    return document


def document_for_operator(*, symbol: str) -> Document:
    """The operator's command line reads any document, each as its originator would."""
    for viewer in system_viewers(reason="the operator's command line reads a document"):
        found: Document | None = (Document.objects.visible_to(viewer)
                 .filter(originator_id=viewer.party_id, symbol=symbol).first())
        if found is not None:
            return found
    raise NotFound(_("No document %(symbol)s.") % {"symbol": symbol})


def document_texts(*, document: Document) -> dict[str, list[DocumentText]]:
    """Each language's versions, oldest first (from the prefetched texts)."""
    by_language: dict[str, list[DocumentText]] = {code: [] for code, _label in LANGUAGES}
    for text in document.texts.all():
        by_language.setdefault(text.language, []).append(text)
    return {code: versions for code, versions in by_language.items() if versions}


def latest_text(*, document: Document, language: str) -> DocumentText | None:
    versions = document_texts(document=document).get(language, [])
    return versions[-1] if versions else None


def text_diff(*, older: DocumentText, newer: DocumentText) -> list[tuple[str, str]]:
    """Line by line: ('same' | 'added' | 'removed', line)."""
    lines = []
    for line in difflib.ndiff(older.body.splitlines(), newer.body.splitlines()):
        tag = line[:2]
        if tag == "? ":
            continue
        kind = {"+ ": "added", "- ": "removed"}.get(tag, "same")
        lines.append((kind, line[2:]))
    return lines


def parties_by_code(*, codes: list[str]) -> list[Party]:
    """The parties a record is to be released to, each named by its code."""
    found = list(Party.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {p.code for p in found})
    if unknown:
        raise ValidationError(_("Unknown party: %(codes)s.") % {"codes": ", ".join(unknown)},
                              errors={"releasable_to": [_("Unknown party code.")]})
    return found


def document_agenda_item(*, document: Document) -> AgendaItem | None:
    """The item of its session's agenda that considers a document the viewer has read."""
    if document.session_id is None:
        return None
    return (AgendaItem.objects.filter(documents=document, session_id=document.session_id)
            .order_by("order", "pk").first())
