"""Sessions and their agendas as the viewer may read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from concord.core.scoping import labelled_get, public_id_of
from concord.council.filters import SessionFilters
from concord.council.models import (
    AgendaItem,
    Document,
    Participant,
    Session,
)
from concord.council.selectors.documents import visible_documents


def session_list(*, viewer: Any, filters: SessionFilters | None = None,
                 start: date | None = None, end: date | None = None) -> QuerySet[Session]:
    filters = filters or SessionFilters()
    # The count is of the documents this viewer may read: a hidden one is not even counted.
    readable = (visible_documents(viewer).filter(session=OuterRef("pk")).order_by()
                .values("session").annotate(n=Count("pk")).values("n"))
    sessions: QuerySet[Session] = (
        Session.objects.visible_to(viewer).select_related("body", "chair")
        .annotate(document_count=Coalesce(Subquery(readable), 0)))
    if filters.body:
        sessions = sessions.filter(body__code=filters.body)
    if filters.year:
        sessions = sessions.filter(starts_on__year=filters.year)
    if filters.status:
        sessions = sessions.filter(status=filters.status)
    if filters.kind:
        sessions = sessions.filter(kind=filters.kind)
    if start:
        sessions = sessions.filter(ends_on__gte=start)
    if end:
        sessions = sessions.filter(starts_on__lte=end)
    return sessions.order_by("-starts_on", "body__order")


def session_get(*, viewer: Any, public_id: Any) -> Session:
    key = public_id_of(Session, public_id)
    queryset = Session.objects.select_related("body", "chair", "previous").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related(
            "state", "position", "official")),
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related(
            "rapporteur", "rapporteur_position").prefetch_related(
            Prefetch("documents", queryset=visible_documents(viewer)))),
    )
    session: Session = labelled_get(queryset, viewer=viewer, public_id=key)
    return session


@dataclass(frozen=True)
class AgendaNode:
    item: AgendaItem
    depth: int
    number: str


def agenda_tree(*, session: Session) -> list[AgendaNode]:
    """The agenda depth-first, numbered 1, 1.1, 1.2, 2 … (from the prefetched items)."""
    children: dict[int | None, list[AgendaItem]] = {}
    for item in session.agenda_items.all():
        children.setdefault(item.parent_id, []).append(item)
    nodes: list[AgendaNode] = []

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        for index, item in enumerate(sorted(children.get(parent, []), key=lambda i: i.order),
                                     start=1):
            number = f"{prefix}{index}"
            nodes.append(AgendaNode(item, depth, number))
            walk(item.pk, number + ".", depth + 1)

    walk(None, "", 0)
    return nodes


def session_documents(*, viewer: Any, session: Session) -> QuerySet[Document]:
    return (visible_documents(viewer).filter(session=session)
            .annotate(signature_count=Count("signatures")).order_by("doc_type", "serial"))


@dataclass(frozen=True)
class SignedCount:
    held: int
    reported: int | None


def session_signed_count(*, viewer: Any, session: Session) -> SignedCount:
    held = visible_documents(viewer).filter(session=session, signatures__isnull=False
                                             ).distinct().count()
    return SignedCount(held, session.reported_signed_count)
