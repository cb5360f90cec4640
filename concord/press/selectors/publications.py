"""Publications as the press service's own staff read them."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.labels import Classification
from concord.core.models import LabelChange
from concord.core.policy import system_viewers
from concord.core.scoping import labelled_get, public_id_of
from concord.council.models import Document, Session
from concord.council.selectors.documents import visible_documents
from concord.forces.models import Exercise, Operation
from concord.press import rules
from concord.press.models import Publication, PublicationFile, PublicationText, Section
from concord.registry.models import Body


def publication_list(*, viewer: Viewer, status: tuple[str, ...] = ()) -> QuerySet[Publication]:
    items = Publication.objects.visible_to(viewer).select_related("drafted_by")
    if status:
        items = items.filter(status__in=status)
    return items.prefetch_related(Prefetch(
        "texts", queryset=PublicationText.objects.filter(superseded_at__isnull=True),
        to_attr="current")).order_by("-created_at", "-pk")


def publication_get(*, viewer: Viewer, public_id: Any) -> Publication:
    queryset = Publication.objects.select_related(
        "drafted_by", "approved_by", "session", "source_document").prefetch_related(
        Prefetch("texts", queryset=PublicationText.objects.order_by("language", "-version")),
        Prefetch("files", queryset=PublicationFile.objects.defer("content")),
        "sections", "states")
    publication: Publication = labelled_get(queryset, viewer=viewer,
                                            public_id=public_id_of(Publication, public_id))
    return publication


def section_list() -> QuerySet[Section]:
    return Section.objects.select_related("body")


def sessions_for(*, viewer: Viewer) -> QuerySet[Session]:
    return Session.objects.visible_to(viewer).select_related("body").order_by("-starts_on")


def documents_for(*, viewer: Viewer) -> QuerySet[Document]:
    return visible_documents(viewer).order_by("-year", "symbol")


def exercises_for(*, viewer: Viewer) -> QuerySet[Exercise]:
    return Exercise.objects.visible_to(viewer).order_by("-starts_on", "series_ru")


def operations_for(*, viewer: Viewer) -> QuerySet[Operation]:
    return Operation.objects.visible_to(viewer).order_by("code")


def issuable_documents(*, viewer: Viewer) -> QuerySet[Document]:
    """Adopted public communiqués, statements and declarations: what may be issued."""
    return (visible_documents(viewer).filter(
        status=Document.Status.ADOPTED, classification=Classification.PUBLIC,
        doc_type__in=list(rules.ISSUED_AS)).order_by("-adopted_on", "symbol"))


def label_change_waiting(*, publication: Publication) -> bool:
    return LabelChange.objects.filter(
        target_model=publication._meta.label, target_pk=publication.pk,
        status=LabelChange.Status.PENDING).exists()


def publications_for_operator(*, status: tuple[str, ...] = ()) -> list[Publication]:
    """The operator's command line lists every item, each read as its originator reads it."""
    found: list[Publication] = []
    for viewer in system_viewers(reason="the operator's command line lists publications"):
        items = (publication_list(viewer=viewer, status=status)
                 .filter(originator_id=viewer.party_id))
        found += list(items)
    return sorted(found, key=lambda p: (p.year, p.serial), reverse=True)


def section_get(*, slug: str) -> Section:
    found = section_list().filter(slug=slug).first()
    if found is None:
        raise NotFound(_("No such section."))
    return found


def section_bodies() -> QuerySet[Body]:
    return Body.objects.order_by("order")
