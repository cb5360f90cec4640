"""Sessions and their agendas as the viewer may read them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.core.scoping import labelled_get, public_id_of
from concord.council.filters import SESSION_SORTS, SessionFilters
from concord.council.models import (
    AgendaItem,
    Document,
    Participant,
    Session,
)
from concord.council.selectors.documents import visible_documents


def session_list(*, viewer: Viewer, filters: SessionFilters | None = None,
                 start: date | None = None, end: date | None = None) -> QuerySet[Session]:
    filters = filters or SessionFilters()
    # The count is of the documents this viewer may read: a hidden one is not even counted.
    readable = (visible_documents(viewer).filter(session=OuterRef("pk")).order_by()
                .values("session").annotate(n=Count("pk")).values("n"))
    sessions: QuerySet[Session] = (
        Session.objects.visible_to(viewer).select_related("body", "chair")
        .annotate(document_count=Coalesce(Subquery(readable), 0)))
    if filters.q:
        sessions = sessions.filter(Q(title_ru__icontains=filters.q)
                                   | Q(title_en__icontains=filters.q)
                                   | Q(place_ru__icontains=filters.q)
                                   | Q(place_en__icontains=filters.q))
    if filters.body:
        sessions = sessions.filter(body__code=filters.body)
    if filters.year:
        sessions = sessions.filter(starts_on__year=filters.year)
    if filters.status:
        sessions = sessions.filter(status__in=filters.status)
    if filters.kind:
        sessions = sessions.filter(kind__in=filters.kind)
    if start:
        sessions = sessions.filter(ends_on__gte=start)
    if end:
        sessions = sessions.filter(starts_on__lte=end)
    return sessions.order_by(*order_by(filters.sort, SESSION_SORTS))


def session_get(*, viewer: Viewer, public_id: Any) -> Session:
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


def session_documents(*, viewer: Viewer, session: Session) -> QuerySet[Document]:
    return (visible_documents(viewer).filter(session=session)
            .annotate(signature_count=Count("signatures")).order_by("doc_type", "serial"))
