"""Every read of the council app, scoped to the viewer: what they may not read is missing, from
lists, counts, details and exports alike."""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from concord.core.errors import NotFound, ValidationError
from concord.core.labels import Viewer
from concord.core.models import Party, localized
from concord.core.policy import system_viewers
from concord.core.prepared import PreparedQuery
from concord.core.scoping import audited_read, labelled_get, public_id_of
from concord.council.models import (
    LANGUAGES,
    AgendaItem,
    ConsensusOutcome,
    Document,
    DocumentText,
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    Participant,
    Session,
    Signature,
    SignerKey,
    SilenceProcedure,
    StatePosition,
    TreatyAction,
)
from concord.council.services import entry_into_force
from concord.registry.models import Body, MemberState

# --- Sessions --------------------------------------------------------------------------------

def session_list(*, viewer: Any, body: str = "", year: int | None = None, status: str = "",
                 kind: str = "", start: date | None = None, end: date | None = None
                 ) -> QuerySet[Session]:
    if status and status not in Session.Status.values:
        raise ValidationError(_("Unknown status."), errors={"status": [_("Unknown status.")]})
    if kind and kind not in Session.Kind.values:
        raise ValidationError(_("Unknown kind."), errors={"kind": [_("Unknown kind.")]})
    # The count is of the documents this viewer may read: a hidden one is not even counted.
    readable = (_visible_documents(viewer).filter(session=OuterRef("pk")).order_by()
                .values("session").annotate(n=Count("pk")).values("n"))
    sessions: QuerySet[Session] = (
        Session.objects.visible_to(viewer).select_related("body", "chair")
        .annotate(document_count=Coalesce(Subquery(readable), 0)))
    if body:
        sessions = sessions.filter(body__code=body)
    if year:
        sessions = sessions.filter(starts_on__year=year)
    if status:
        sessions = sessions.filter(status=status)
    if kind:
        sessions = sessions.filter(kind=kind)
    if start:
        sessions = sessions.filter(ends_on__gte=start)
    if end:
        sessions = sessions.filter(starts_on__lte=end)
    return sessions.order_by("-starts_on", "body__order")


def _visible_documents(viewer: Any) -> QuerySet[Document]:
    return Document.objects.visible_to(viewer).select_related("body")


def session_get(*, viewer: Any, public_id: Any) -> Session:
    key = public_id_of(Session, public_id)
    queryset = Session.objects.select_related("body", "chair", "previous").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related(
            "state", "position", "official")),
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related(
            "rapporteur", "rapporteur_position").prefetch_related(
            Prefetch("documents", queryset=_visible_documents(viewer)))),
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
    return (_visible_documents(viewer).filter(session=session)
            .annotate(signature_count=Count("signatures")).order_by("doc_type", "serial"))


@dataclass(frozen=True)
class SignedCount:
    held: int
    reported: int | None


def session_signed_count(*, viewer: Any, session: Session) -> SignedCount:
    held = _visible_documents(viewer).filter(session=session, signatures__isnull=False
                                             ).distinct().count()
    return SignedCount(held, session.reported_signed_count)


# --- The session page ------------------------------------------------------------------------
# Read on every visit to a session, so its five queries are prepared (compiled once per viewer
# scope, see concord.core.prepared) and its lists are rows rather than model instances.

_SESSION_COLUMNS = tuple(field.attname for field in Session._meta.concrete_fields)
_DOCUMENT_TYPES = dict(Document.Type.choices)
_DOCUMENT_STATUSES = dict(Document.Status.choices)


def _localized_or_blank(row: Any, field: str) -> str:
    """A name read over an outer join: blank where the row names no one."""
    return "" if getattr(row, f"{field}_ru") is None else localized(row, field)


class BodyRow(NamedTuple):
    code: str
    name_ru: str
    name_en: str

    @property
    def name(self) -> str:
        return localized(self, "name")


class StateRow(NamedTuple):
    iso_alpha2: str
    name_ru: str
    name_en: str

    @property
    def name(self) -> str:
        return localized(self, "name")


class SessionRow(NamedTuple):
    public_id: uuid.UUID
    title_ru: str
    title_en: str

    @property
    def title(self) -> str:
        return localized(self, "title")


class ParticipantRow(NamedTuple):
    state_name_ru: str | None
    state_name_en: str | None
    official_public_id: uuid.UUID | None
    official_name_ru: str | None
    official_name_en: str | None
    official_rank_ru: str | None
    official_rank_en: str | None
    position_title_ru: str | None
    position_title_en: str | None

    @property
    def state_name(self) -> str:
        return _localized_or_blank(self, "state_name")

    @property
    def official_name(self) -> str:
        return _localized_or_blank(self, "official_name")

    @property
    def official_rank(self) -> str:
        return _localized_or_blank(self, "official_rank")

    @property
    def position_title(self) -> str:
        return _localized_or_blank(self, "position_title")


class DocumentLink(NamedTuple):
    public_id: uuid.UUID
    symbol: str
    # The agenda item that considers the document.
    item: int


class AgendaItemRow(NamedTuple):
    pk: int
    parent_id: int | None
    title_ru: str
    title_en: str
    outcome_ru: str
    outcome_en: str
    rapporteur_name_ru: str | None
    rapporteur_name_en: str | None
    rapporteur_position_ru: str | None
    rapporteur_position_en: str | None

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def outcome(self) -> str:
        return localized(self, "outcome")

    @property
    def rapporteur_name(self) -> str:
        return _localized_or_blank(self, "rapporteur_name")

    @property
    def rapporteur_position(self) -> str:
        return _localized_or_blank(self, "rapporteur_position")


class AgendaEntry(NamedTuple):
    """An agenda item numbered as `agenda_tree` numbers it, with the documents it considers
    that the viewer may read."""

    item: AgendaItemRow
    depth: int
    number: str
    documents: list[DocumentLink]


class DocumentRow(NamedTuple):
    public_id: uuid.UUID
    symbol: str
    title_ru: str
    title_en: str
    doc_type: str
    status: str
    signature_count: int

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def doc_type_label(self) -> str:
        return str(_DOCUMENT_TYPES.get(self.doc_type, self.doc_type))

    @property
    def status_label(self) -> str:
        return str(_DOCUMENT_STATUSES.get(self.status, self.status))


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
        state_name_ru=F("state__name_ru"), state_name_en=F("state__name_en"),
        official_public_id=F("official__public_id"), official_name_ru=F("official__name_ru"),
        official_name_en=F("official__name_en"), official_rank_ru=F("official__rank_ru"),
        official_rank_en=F("official__rank_en"), position_title_ru=F("position__title_ru"),
        position_title_en=F("position__title_en"))


def _agenda_rows(viewer: Viewer, *, session: int) -> QuerySet[Any]:
    return AgendaItem.objects.filter(session=session).order_by("order", "pk").values(
        "pk", "parent_id", "title_ru", "title_en", "outcome_ru", "outcome_en",
        rapporteur_name_ru=F("rapporteur__name_ru"), rapporteur_name_en=F("rapporteur__name_en"),
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


def session_page(*, viewer: Any, public_id: Any) -> SessionPage:
    """What the session's page shows, read as `session_get`, `agenda_tree` and
    `session_documents` read it, and with the same audit of the session's read."""
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
        agenda=_agenda_entries(scope, session.pk), documents=documents,
        signed=SignedCount(sum(1 for document in documents if document.signature_count),
                           session.reported_signed_count))


def _agenda_entries(viewer: Viewer, session: int) -> list[AgendaEntry]:
    considered: dict[int, list[DocumentLink]] = {}
    for document in _AGENDA_DOCUMENT_ROWS.rows_as(DocumentLink, viewer=viewer, session=session):
        considered.setdefault(document.item, []).append(document)
    children: dict[int | None, list[AgendaItemRow]] = {}
    for item in _AGENDA_ROWS.rows_as(AgendaItemRow, viewer=viewer, session=session):
        children.setdefault(item.parent_id, []).append(item)
    entries: list[AgendaEntry] = []

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        for index, item in enumerate(children.get(parent, ()), start=1):
            number = f"{prefix}{index}"
            entries.append(AgendaEntry(item, depth, number, considered.get(item.pk, [])))
            walk(item.pk, number + ".", depth + 1)

    walk(None, "", 0)
    return entries


# --- Documents -------------------------------------------------------------------------------

DOCUMENT_ORDERINGS = {
    "symbol": ("body__order", "year", "doc_type", "serial"),
    "-symbol": ("-year", "body__order", "doc_type", "-serial"),
    "adopted": ("adopted_on", "symbol"), "-adopted": ("-adopted_on", "symbol"),
    "title": ("title_ru",), "-title": ("-title_ru",),
}


def document_list(*, viewer: Any, q: str = "", doc_type: str = "", status: str = "",
                  body: str = "", year: int | None = None, session: Session | None = None,
                  sort: str = "") -> QuerySet[Document]:
    if doc_type and doc_type not in Document.Type.values:
        raise ValidationError(_("Unknown document type."), errors={"type": [_("Unknown type.")]})
    if status and status not in Document.Status.values:
        raise ValidationError(_("Unknown status."), errors={"status": [_("Unknown status.")]})
    if sort and sort not in DOCUMENT_ORDERINGS:
        raise ValidationError(_("Cannot sort by %(value)s.") % {"value": sort},
                              errors={"sort": [_("Choose one of: %(options)s.")
                                               % {"options": ", ".join(DOCUMENT_ORDERINGS)}]})
    documents = _visible_documents(viewer).select_related("session")
    if q:
        documents = documents.filter(Q(title_ru__icontains=q) | Q(title_en__icontains=q)
                                     | Q(symbol__icontains=q))
    if doc_type:
        documents = documents.filter(doc_type=doc_type)
    if status:
        documents = documents.filter(status=status)
    if body:
        documents = documents.filter(body__code=body)
    if year:
        documents = documents.filter(year=year)
    if session is not None:
        documents = documents.filter(session=session)
    return documents.order_by(*DOCUMENT_ORDERINGS[sort or "-symbol"])


def document_get(*, viewer: Any, public_id: Any) -> Document:
    key = public_id_of(Document, public_id)
    queryset = Document.objects.select_related("body", "session", "originator").prefetch_related(
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


@dataclass(frozen=True)
class PositionRow:
    state: MemberState
    position: StatePosition | None
    takes_part: bool


def position_board(*, document: Document, body: Body) -> list[PositionRow]:
    positions = {p.state_id: p for p in StatePosition.objects.filter(document=document, body=body)}
    return [PositionRow(state, positions.get(state.pk), state.status == "active")
            for state in MemberState.objects.exclude(status="withdrawn").order_by("name_ru")]


def document_signatures(*, document: Document) -> list[Signature]:
    return list(document.signatures.all())


@dataclass(frozen=True)
class TreatyStatus:
    rows: list[TreatyAction]
    in_force_on: date | None
    deposits: int


def treaty_status(*, document: Document) -> TreatyStatus:
    rows = list(TreatyAction.objects.filter(document=document).select_related("state")
                .order_by("state__name_ru"))
    return TreatyStatus(rows, entry_into_force(document=document, actions=rows),
                        sum(1 for r in rows if r.deposited_on))


# --- Instructions and reports -----------------------------------------------------------------

def instruction_list(*, viewer: Any, status: str = "", addressee: str = "",
                     document: Document | None = None, state: str = "") -> QuerySet[Instruction]:
    if status and status not in Instruction.Status.values:
        raise ValidationError(_("Unknown status."), errors={"status": [_("Unknown status.")]})
    if addressee and addressee not in Instruction.Addressee.values:
        raise ValidationError(_("Unknown addressee."), errors={"addressee": [_("Unknown.")]})
    instructions = (Instruction.objects.visible_to(viewer)
                    .select_related("document", "addressee_body", "addressee_state"))
    if status:
        instructions = instructions.filter(status=status)
    if addressee:
        instructions = instructions.filter(addressee_kind=addressee)
    if state:
        instructions = instructions.filter(
            Q(addressee_state__iso_alpha2=state.upper())
            | Q(addressee_kind=Instruction.Addressee.ALL_STATES))
    if document is not None:
        instructions = instructions.filter(document=document)
    return instructions.order_by("due_on", "document__symbol", "number")


def instruction_get(*, viewer: Any, public_id: Any) -> Instruction:
    key = public_id_of(Instruction, public_id)
    queryset = Instruction.objects.select_related(
        "document", "addressee_body", "addressee_state").prefetch_related("reports__party")
    instruction: Instruction = labelled_get(queryset, viewer=viewer, public_id=key)
    return instruction


def implementation_report_list(*, viewer: Any, session: Session | None = None
                               ) -> QuerySet[ImplementationReport]:
    reports = ImplementationReport.objects.visible_to(viewer).select_related("session", "covers")
    if session is not None:
        reports = reports.filter(session=session)
    return reports.order_by("-generated_at")


def implementation_report_get(*, viewer: Any, public_id: Any) -> ImplementationReport:
    key = public_id_of(ImplementationReport, public_id)
    # An entry is about its instruction: the entries shown are those on instructions the viewer
    # may read, as if the others were not in the report.
    entries = (ImplementationEntry.objects
               .filter(instruction__in=Instruction.objects.visible_to(viewer))
               .select_related("instruction", "instruction__document",
                               "instruction__addressee_state", "instruction__addressee_body"))
    queryset = ImplementationReport.objects.select_related("session", "covers").prefetch_related(
        Prefetch("entries", queryset=entries))
    report: ImplementationReport = labelled_get(queryset, viewer=viewer, public_id=key)
    return report


def signer_key_list(*, viewer: Any) -> QuerySet[SignerKey]:
    """Public keys are public: anyone may read them to check a signature."""
    return SignerKey.objects.select_related("official", "state").order_by(
        "revoked_at", "official__name_en", "-created_at")


def signer_key_get(*, viewer: Any, fingerprint: str) -> SignerKey:
    """Public keys are public: anyone may read them to check a signature."""
    key = SignerKey.objects.select_related("official", "state").filter(
        fingerprint=fingerprint).first()
    if key is None:
        raise NotFound(_("No signer key %(fingerprint)s.") % {"fingerprint": fingerprint})
    return key


def parties_by_code(*, codes: list[str]) -> list[Party]:
    """The parties a record is to be released to, each named by its code."""
    found = list(Party.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {p.code for p in found})
    if unknown:
        raise ValidationError(_("Unknown party: %(codes)s.") % {"codes": ", ".join(unknown)},
                              errors={"releasable_to": [_("Unknown party code.")]})
    return found
