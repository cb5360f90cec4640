"""A session as its page and the sessions API show it: the one read of a session for both, so
that what one leaves out the other leaves out too. Made on every visit to a session, its five
queries are prepared (compiled once per viewer scope, see concord.core.prepared), each scoped
with `.visible_to(viewer)` wherever the model is labelled, and its lists are rows rather than
model instances.

A row is a named tuple of the selected columns (`_…Columns`) with its texts read in the active
language by the models' own `Translated` attribute."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from concord.core import actors
from concord.core.labels import Viewer
from concord.core.models import Translated
from concord.core.prepared import PreparedQuery
from concord.core.scoping import audited_read, public_id_of
from concord.council.models import AgendaItem, Document, Participant, Session, Signature

_SESSION_COLUMNS = tuple(field.attname for field in Session._meta.concrete_fields)
_DOCUMENT_TYPES = dict(Document.Type.choices)
_DOCUMENT_STATUSES = dict(Document.Status.choices)


class _BodyColumns(NamedTuple):
    code: str
    name_ru: str
    name_en: str


class BodyRow(_BodyColumns):
    __slots__ = ()
    name = Translated("name")


class _StateColumns(NamedTuple):
    iso_alpha2: str
    name_ru: str
    name_en: str


class StateRow(_StateColumns):
    __slots__ = ()
    name = Translated("name")


class _SessionColumns(NamedTuple):
    public_id: uuid.UUID
    title_ru: str
    title_en: str


class SessionRow(_SessionColumns):
    __slots__ = ()
    title = Translated("title")


class _ParticipantColumns(NamedTuple):
    pk: int
    is_head_of_delegation: bool
    state_iso_alpha2: str | None
    state_name_ru: str | None
    state_name_en: str | None
    official_public_id: uuid.UUID | None
    official_name_ru: str | None
    official_name_en: str | None
    official_rank_ru: str | None
    official_rank_en: str | None
    position_title_ru: str | None
    position_title_en: str | None


class ParticipantRow(_ParticipantColumns):
    """A delegation, an official, or an official for a state, each part read over an outer
    join: blank where the participant names none."""

    __slots__ = ()
    state_name = Translated("state_name", optional=True)
    official_name = Translated("official_name", optional=True)
    official_rank = Translated("official_rank", optional=True)
    position_title = Translated("position_title", optional=True)


class DocumentLink(NamedTuple):
    public_id: uuid.UUID
    symbol: str
    # The agenda item that considers the document.
    item: int


class _AgendaItemColumns(NamedTuple):
    pk: int
    parent_id: int | None
    title_ru: str
    title_en: str
    outcome_ru: str
    outcome_en: str
    is_implementation_report: bool
    rapporteur_name_ru: str | None
    rapporteur_name_en: str | None
    rapporteur_position_ru: str | None
    rapporteur_position_en: str | None


class AgendaItemRow(_AgendaItemColumns):
    __slots__ = ()
    title = Translated("title")
    outcome = Translated("outcome")
    rapporteur_name = Translated("rapporteur_name", optional=True)
    rapporteur_position = Translated("rapporteur_position", optional=True)


class AgendaEntry(NamedTuple):
    """An agenda item numbered depth-first (1, 1.1, 1.2, 2 …), with the documents it considers
    that the viewer may read."""

    item: AgendaItemRow
    depth: int
    number: str
    documents: list[DocumentLink]
    session: uuid.UUID


class _DocumentColumns(NamedTuple):
    public_id: uuid.UUID
    symbol: str
    title_ru: str
    title_en: str
    doc_type: str
    status: str
    signature_count: int


class DocumentRow(_DocumentColumns):
    __slots__ = ()
    title = Translated("title")

    @property
    def doc_type_label(self) -> str:
        return str(_DOCUMENT_TYPES.get(self.doc_type, self.doc_type))

    @property
    def status_label(self) -> str:
        return str(_DOCUMENT_STATUSES.get(self.status, self.status))


@dataclass(frozen=True)
class SignedCount:
    held: int
    reported: int | None


@dataclass(frozen=True)
class SessionPage:
    """A session's page: the session itself, and the rest as rows read for this viewer."""

    session: Session
    body: BodyRow
    chair: StateRow | None
    # None also when the viewer may not read the previous session.
    previous: SessionRow | None
    participants: list[ParticipantRow]
    agenda: list[AgendaEntry]
    documents: list[DocumentRow]
    signed: SignedCount

    def __getattr__(self, name: str) -> Any:
        # What the page does not say itself it says as its session: the API's session schema
        # reads a session and a session's page alike.
        if name == "session":
            raise AttributeError(name)
        return getattr(self.session, name)


def _session_row(viewer: Viewer, *, public_id: uuid.UUID) -> QuerySet[Any]:
    previous_visible = Exists(Session.objects.visible_to(viewer).filter(pk=OuterRef("previous")))
    return Session.objects.visible_to(viewer).filter(public_id=public_id).order_by().values(
        *_SESSION_COLUMNS,
        body_code=F("body__code"), body_name_ru=F("body__name_ru"),
        body_name_en=F("body__name_en"), chair_iso_alpha2=F("chair__iso_alpha2"),
        chair_name_ru=F("chair__name_ru"), chair_name_en=F("chair__name_en"),
        previous_visible=previous_visible, previous_public_id=F("previous__public_id"),
        previous_title_ru=F("previous__title_ru"), previous_title_en=F("previous__title_en"))


def _participant_rows(viewer: Viewer, *, session: int) -> QuerySet[Any]:
    return Participant.objects.filter(session=session).order_by("order", "pk").values(
        "pk", "is_head_of_delegation", state_iso_alpha2=F("state__iso_alpha2"),
        state_name_ru=F("state__name_ru"),
        state_name_en=F("state__name_en"), official_public_id=F("official__public_id"),
        official_name_ru=F("official__name_ru"), official_name_en=F("official__name_en"),
        official_rank_ru=F("official__rank_ru"), official_rank_en=F("official__rank_en"),
        position_title_ru=F("position__title_ru"), position_title_en=F("position__title_en"))


def _agenda_rows(viewer: Viewer, *, session: int) -> QuerySet[Any]:
    return AgendaItem.objects.filter(session=session).order_by("order", "pk").values(
        "pk", "parent_id", "title_ru", "title_en", "outcome_ru", "outcome_en",
        "is_implementation_report", rapporteur_name_ru=F("rapporteur__name_ru"),
        rapporteur_name_en=F("rapporteur__name_en"),
        rapporteur_position_ru=F("rapporteur_position__title_ru"),
        rapporteur_position_en=F("rapporteur_position__title_en"))


def _agenda_document_rows(viewer: Viewer, *, session: int) -> QuerySet[Any]:
    # In the documents' own order, as the agenda item's `documents` lists them.
    return (Document.objects.visible_to(viewer).filter(agenda_items__session=session)
            .order_by(*(Document._meta.ordering or ()))
            .values("public_id", "symbol", item=F("agenda_items")))


def _session_document_rows(viewer: Viewer, *, session: int) -> QuerySet[Any]:
    # Counted per document rather than grouped over the join: a few index probes, no sort.
    signatures = (Signature.objects.filter(document=OuterRef("pk")).order_by()
                  .values("document").annotate(n=Count("pk")).values("n"))
    return (Document.objects.visible_to(viewer).filter(session=session)
            .order_by("doc_type", "serial")
            .values("public_id", "symbol", "title_ru", "title_en", "doc_type", "status",
                    signature_count=Coalesce(Subquery(signatures), 0)))


_SESSION_ROW = PreparedQuery(_session_row, arguments={"public_id": uuid.UUID})
_PARTICIPANT_ROWS = PreparedQuery(_participant_rows, arguments={"session": int})
_AGENDA_ROWS = PreparedQuery(_agenda_rows, arguments={"session": int})
_AGENDA_DOCUMENT_ROWS = PreparedQuery(_agenda_document_rows, arguments={"session": int})
_SESSION_DOCUMENT_ROWS = PreparedQuery(_session_document_rows, arguments={"session": int})


def session_page(*, viewer: actors.Viewer, public_id: Any) -> SessionPage:
    """What the session's page and the sessions API show of one session, with the audit of the
    session's read that `labelled_get` makes."""
    key = public_id_of(Session, public_id)
    scope = Viewer.of(viewer)
    row = _SESSION_ROW.first(viewer=scope, public_id=key) or {}
    # The one model instance of the page: forms, links and the label badge take the session.
    found = Session.from_db(DEFAULT_DB_ALIAS, _SESSION_COLUMNS,
                            [row[column] for column in _SESSION_COLUMNS]) if row else None
    session = audited_read(Session, found, viewer=viewer, public_id=key)
    documents = _SESSION_DOCUMENT_ROWS.rows_as(DocumentRow, viewer=scope, session=session.pk)
    chair = (StateRow(row["chair_iso_alpha2"], row["chair_name_ru"], row["chair_name_en"])
             if row["chair_iso_alpha2"] is not None else None)
    previous = (SessionRow(row["previous_public_id"], row["previous_title_ru"],
                           row["previous_title_en"]) if row["previous_visible"] else None)
    return SessionPage(
        session=session, body=BodyRow(row["body_code"], row["body_name_ru"], row["body_name_en"]),
        chair=chair, previous=previous,
        participants=_PARTICIPANT_ROWS.rows_as(ParticipantRow, viewer=scope, session=session.pk),
        agenda=session_agenda(viewer=scope, session=session), documents=documents,
        signed=SignedCount(sum(1 for document in documents if document.signature_count),
                           session.reported_signed_count))


def session_agenda(*, viewer: actors.Viewer, session: Session) -> list[AgendaEntry]:
    """The agenda of a session the viewer has read, numbered."""
    scope = Viewer.of(viewer)
    considered: dict[int, list[DocumentLink]] = {}
    for document in _AGENDA_DOCUMENT_ROWS.rows_as(DocumentLink, viewer=scope, session=session.pk):
        considered.setdefault(document.item, []).append(document)
    children: dict[int | None, list[AgendaItemRow]] = {}
    for item in _AGENDA_ROWS.rows_as(AgendaItemRow, viewer=scope, session=session.pk):
        children.setdefault(item.parent_id, []).append(item)
    entries: list[AgendaEntry] = []

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        for index, item in enumerate(children.get(parent, ()), start=1):
            number = f"{prefix}{index}"
            entries.append(AgendaEntry(item, depth, number, considered.get(item.pk, []),
                                       session.public_id))
            walk(item.pk, number + ".", depth + 1)

    walk(None, "", 0)
    return entries
