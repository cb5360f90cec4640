"""What the public reads: published items and their texts, always read as a signed-out visitor
reads them, whoever asks, so that the public site, its feeds, its search and its API show only
PUBLIC records through the one read rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max, Prefetch, QuerySet
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import NotFound
from concord.core.models import LabelledQuerySet
from concord.core.scoping import labelled_get
from concord.council import selectors as council
from concord.council.models import Document, Session
from concord.council.selectors.documents import visible_documents
from concord.forces.models import Exercise, Operation
from concord.press.models import LANGUAGE_CODES, Publication, PublicationFile, PublicationText
from concord.registry import selectors as registry

PUBLIC = AnonymousUser()


def _seen() -> QuerySet[Publication]:
    return (Publication.objects.visible_to(PUBLIC).filter(status__in=Publication.SEEN)
            .select_related("session", "source_document"))


def _with_current_texts(items: QuerySet[Publication]) -> QuerySet[Publication]:
    return items.prefetch_related(Prefetch(
        "texts", queryset=PublicationText.objects.filter(superseded_at__isnull=True),
        to_attr="current"))


def published(*, language: str = "", pub_type: str = "", with_withdrawn: bool = False
              ) -> QuerySet[Publication]:
    """Items out in public, the latest first; with `language`, those told in that language."""
    items = _seen() if with_withdrawn else _seen().filter(status__in=Publication.OUT)
    if language:
        items = items.filter(texts__language=language,
                             texts__superseded_at__isnull=True)
    if pub_type:
        items = items.filter(pub_type=pub_type)
    return _with_current_texts(items).order_by("-published_at", "-pk")


def publication_by_number(*, number: str) -> Publication:
    """One item out in public (or its tombstone), with every version of its texts."""
    queryset = _seen().prefetch_related(
        Prefetch("texts", queryset=PublicationText.objects.order_by("language", "-version")),
        Prefetch("files", queryset=PublicationFile.objects.defer("content")),
        "sections", "states")
    publication: Publication = labelled_get(cast(LabelledQuerySet, queryset), viewer=PUBLIC,
                                            number=number)
    return publication


def public_file(*, public_id: Any) -> PublicationFile:
    try:
        found = (PublicationFile.objects.filter(
            public_id=public_id, publication__in=_seen().filter(status__in=Publication.OUT))
            .first())
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise NotFound(_("No such file."))
    return found


@dataclass(frozen=True)
class Item:
    """One item as a public page shows it in one language."""

    publication: Publication
    text: PublicationText
    versions: list[PublicationText]
    other: PublicationText | None

    @property
    def language(self) -> str:
        return self.text.language


def item_in(publication: Publication, language: str) -> Item:
    texts = list(publication.texts.all())
    mine = [t for t in texts if t.language == language]
    current = next((t for t in mine if t.superseded_at is None), None)
    if current is None:
        raise NotFound(_("This publication is not published in this language."))
    other = next((t for t in texts if t.language != language and t.superseded_at is None), None)
    return Item(publication=publication, text=current,
                versions=[t for t in mine if t is not current], other=other)


def languages_of(publication: Publication) -> list[str]:
    return [code for code in LANGUAGE_CODES
            if any(t.language == code and t.superseded_at is None
                   for t in publication.texts.all())]


def last_change() -> datetime | None:
    """When the public press site last changed: its pages' Last-Modified."""
    top: datetime | None = _seen().aggregate(top=Max("updated_at"))["top"]
    return top


def sessions_ahead(*, limit: int) -> list[Session]:
    return list(council.sessions_ahead(viewer=PUBLIC)[:limit])


def sessions_public() -> QuerySet[Session]:
    return Session.objects.visible_to(PUBLIC).select_related("body").order_by("starts_on")


def decisions_latest(*, limit: int) -> list[Document]:
    return list(visible_documents(PUBLIC)
                .filter(status=Document.Status.ADOPTED, adopted_on__isnull=False)
                .order_by("-adopted_on", "-pk")[:limit])


def events() -> QuerySet[Publication]:
    """Announced press events (a briefing, a press conference) of items out in public."""
    return (_with_current_texts(_seen().filter(status__in=Publication.OUT,
                                               event_starts_at__isnull=False))
            .order_by("event_starts_at"))


@dataclass(frozen=True)
class Card:
    """An item in a list, in the reader's language where it has it."""

    publication: Publication
    text: PublicationText
    pending: bool


def card(publication: Publication, language: str) -> Card:
    current: list[PublicationText] = publication.current  # type: ignore[attr-defined]
    texts = {t.language: t for t in current}
    text = texts.get(language) or next(iter(texts.values()))
    return Card(publication=publication, text=text, pending=text.language != language)


@dataclass(frozen=True)
class Source:
    """The adopted document an item was issued from, as a reader checks it."""

    document: Document
    hashes: dict[str, str]
    signatories: list[str]
    matches: bool


def source_of(publication: Publication) -> Source | None:
    document = publication.source_document
    if document is None:
        return None
    found = visible_documents(PUBLIC).filter(pk=document.pk).select_related(
        "session").first()
    if found is None:
        return None
    authentic = {t.language: t for t in found.texts.filter(is_authentic=True)}
    published_texts = {t.language: t.body for t in publication.texts.all()
                       if t.superseded_at is None}
    signatories = [str(s.official) for s in council.document_signatures(document=found)]
    return Source(document=found, hashes={k: t.sha256 for k, t in authentic.items()},
                  signatories=signatories,
                  matches=all(authentic[k].body == body for k, body in published_texts.items()
                              if k in authentic))


@dataclass(frozen=True)
class Related:
    """The records an item is about that the public may read."""

    session: Session | None
    documents: list[Document]
    states: list[Any]
    exercises: list[Exercise]
    operations: list[Operation]


def related_of(publication: Publication) -> Related:
    session = None
    if publication.session_id is not None:
        session = Session.objects.visible_to(PUBLIC).filter(pk=publication.session_id).first()
    linked = Publication.documents.through.objects.filter(publication_id=publication.pk)
    documents = list(visible_documents(PUBLIC).filter(
        pk__in=linked.values_list("document_id", flat=True)))
    exercise_ids = Publication.exercises.through.objects.filter(
        publication_id=publication.pk).values_list("exercise_id", flat=True)
    operation_ids = Publication.operations.through.objects.filter(
        publication_id=publication.pk).values_list("operation_id", flat=True)
    return Related(session=session, documents=documents, states=list(publication.states.all()),
                   exercises=list(Exercise.objects.visible_to(PUBLIC).filter(
                       pk__in=exercise_ids).order_by("-starts_on")),
                   operations=list(Operation.objects.visible_to(PUBLIC).filter(
                       pk__in=operation_ids).order_by("code")))


def holders_today(position: Any) -> list[Any]:
    return [term.official for term in registry.holders_on(position=position, day=clock.today())]
