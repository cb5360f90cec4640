# No `from __future__ import annotations`: django-ninja resolves the annotations of @paginate'd
# endpoints at request time (see concord/registry/api.py).

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core import clock
from concord.core.errors import NotFound, ValidationError, referenced
from concord.core.pagination import LazyPage, lazily
from concord.council import outputs, selectors, services, signing
from concord.council.filters import (
    document_filters,
    instruction_filters,
    report_filters,
    session_filters,
)
from concord.council.models import (
    AgendaItem,
    Document,
    DocumentText,
    ImplementationReport,
    Instruction,
    Participant,
    Session,
)
from concord.council.schemas import (
    AgendaItemEditIn,
    AgendaItemIn,
    AgendaItemOut,
    AgendaOrderIn,
    DecisionIn,
    DecisionPreviewOut,
    DocumentAgendaItemIn,
    DocumentDetailOut,
    DocumentIn,
    DocumentOut,
    ImplementationReportDetailOut,
    ImplementationReportIn,
    ImplementationReportOut,
    InstructionDetailOut,
    InstructionIn,
    InstructionOut,
    ParticipantIn,
    ParticipantOrderIn,
    ParticipantOut,
    PositionIn,
    PositionOut,
    ProclamationIn,
    ProgressReportIn,
    ReportEntryIn,
    SessionDetailOut,
    SessionIn,
    SessionOut,
    SignatureIn,
    SignatureOut,
    SilenceIn,
    StatementOut,
    TextIn,
    TextOut,
    TreatyActionIn,
    TreatyStatusOut,
)
from concord.registry import selectors as registry
from concord.registry.models import Body, MemberState, Official, Position

router = Router(tags=["council"])

# A year the calendar has: beyond it a date cannot be built, nor the year stored.
Year = Field(None, ge=1, le=9999)


# A filter of a kind takes several values (`?status=draft&status=adopted`); `sort` names a column,
# `-` before it for the descending order. A value a list cannot take is refused, named (422).
class SessionFilters(Schema):
    q: str = Field("", description="Words of the title or the place")
    body: str = ""
    year: int | None = Year
    status: list[str] = Field([], description="planned, convened, held, closed")
    kind: list[str] = Field([], description="regular, extraordinary, informal")
    sort: str = Field("", description="title, body, starts or status (default -starts)")


class DocumentFilters(Schema):
    q: str = Field("", description="Words of the title or the symbol")
    type: list[str] = []
    status: list[str] = []
    body: str = ""
    year: int | None = Year
    sort: str = Field("", description="symbol, title, type, status or adopted (default -symbol)")


class InstructionFilters(Schema):
    q: str = Field("", description="Words of the text or the document's symbol")
    status: list[str] = []
    addressee: list[str] = []
    state: str = ""
    mine: str = Field("", description="true: only those addressed to the caller's own party")
    due: list[str] = Field([], description="overdue, soon (due within 14 days)")
    sort: str = Field("", description="due, document or status (default due)")


class ReportFilters(Schema):
    q: str = Field("", description="Words of the title")
    sort: str = Field("", description="title or drafted (default -drafted)")


# --- Sessions and agenda items ---------------------------------------------------------------

@router.get("/sessions", response=list[SessionOut], summary="Sessions of the bodies")
@paginate(LimitOffsetPagination)
def sessions(request: HttpRequest, filters: Query[SessionFilters]) -> LazyPage[Session]:
    found = selectors.session_list(viewer=request.user,
                                   filters=session_filters(filters.dict()).or_refuse())
    return lazily(found.select_related("previous"))


@router.post("/sessions", response={201: SessionOut}, auth=django_auth,
             summary="Convene a session (the chair defaults to the year's chairmanship)")
def session_create(request: HttpRequest, payload: SessionIn) -> Status[Session]:
    body = referenced("body.body", registry.body_get, viewer=request.user, code=payload.body)
    chair = referenced("body.chair", registry.member_state_get, viewer=request.user,
                       code=payload.chair) if payload.chair else None
    created = services.session_create(
        actor=request.user, body=body, kind=payload.kind, title_ru=payload.title_ru,
        title_en=payload.title_en, place_ru=payload.place_ru, place_en=payload.place_en,
        starts_on=payload.starts_on, ends_on=payload.ends_on,
        dates_tentative=payload.dates_tentative, time_zone=payload.time_zone, chair=chair,
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members)
    return Status(201, created)


@router.get("/sessions/{session_id}", response=SessionDetailOut,
            summary="One session with its participants, agenda and documents")
def session(request: HttpRequest, session_id: str) -> selectors.SessionPage:
    return selectors.session_page(viewer=request.user, public_id=session_id)


@router.get("/agenda-items", response=list[AgendaItemOut],
            summary="A session's agenda, depth-first and numbered")
def agenda_items(request: HttpRequest, session: str) -> list[selectors.AgendaEntry]:
    return referenced("query.session", selectors.session_page, viewer=request.user,
                      public_id=session).agenda


@router.post("/agenda-items", response={201: list[AgendaItemOut]}, auth=django_auth,
             summary="Add an item to a session's agenda")
def agenda_item_add(request: HttpRequest,
                    payload: AgendaItemIn) -> Status[list[selectors.AgendaEntry]]:
    found = referenced("body.session", selectors.session_get, viewer=request.user,
                       public_id=payload.session)
    parent = next((i for i in found.agenda_items.all() if i.pk == payload.parent), None)
    if payload.parent is not None and parent is None:
        raise ValidationError(_("No such item on this agenda."),
                              errors={"body.parent": [_("Not on this agenda.")]})
    rapporteur = referenced("body.rapporteur", registry.official_get, viewer=request.user,
                            public_id=str(payload.rapporteur)) if payload.rapporteur else None
    documents = [referenced(f"body.documents.{index}", selectors.document_get,
                            viewer=request.user, public_id=key)
                 for index, key in enumerate(payload.documents)]
    services.agenda_item_add(actor=request.user, session=found, title_ru=payload.title_ru,
                             title_en=payload.title_en, parent=parent, rapporteur=rapporteur,
                             documents=documents)
    return Status(201, selectors.session_agenda(viewer=request.user, session=found))


def _participant(found: Session, participant_id: int) -> Participant:
    participant = next((p for p in found.participants.all() if p.pk == participant_id), None)
    if participant is None:
        raise NotFound(_("The session has no such participant."))
    return participant


def _agenda_item(found: Session, item_id: int | None, *, field: str = "") -> AgendaItem | None:
    """The item of the session's agenda; a missing one is a 404 on the path, or a bad value of
    `field` in the body."""
    if item_id is None:
        return None
    item = next((i for i in found.agenda_items.all() if i.pk == item_id), None)
    if item is None:
        if field:
            raise ValidationError(_("No such item on this agenda."),
                                  errors={field: [_("Not on this agenda.")]})
        raise NotFound(_("The agenda has no such item."))
    return item


def _participant_parts(request: HttpRequest, payload: ParticipantIn
                       ) -> tuple[MemberState | None, Official | None, Position | None]:
    state = referenced("body.state", registry.member_state_get, viewer=request.user,
                       code=payload.state) if payload.state else None
    official = referenced("body.official", registry.official_get, viewer=request.user,
                          public_id=str(payload.official)) if payload.official else None
    position = referenced("body.position", registry.position_get, viewer=request.user,
                          code=payload.position) if payload.position else None
    return state, official, position


def _participants(request: HttpRequest, session_id: str) -> list[selectors.ParticipantRow]:
    return selectors.session_page(viewer=request.user, public_id=session_id).participants


@router.get("/sessions/{session_id}/participants", response=list[ParticipantOut],
            summary="Who takes part in a session, in order")
def participants(request: HttpRequest, session_id: str) -> list[selectors.ParticipantRow]:
    return _participants(request, session_id)


@router.post("/sessions/{session_id}/participants", response={201: list[ParticipantOut]},
             auth=django_auth, summary="Add a delegation or an official to a session")
def participant_add(request: HttpRequest, session_id: str,
                    payload: ParticipantIn) -> Status[list[selectors.ParticipantRow]]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    state, official, position = _participant_parts(request, payload)
    services.participant_add(actor=request.user, session=found, state=state, official=official,
                             position=position,
                             is_head_of_delegation=payload.head_of_delegation)
    return Status(201, _participants(request, session_id))


@router.post("/sessions/{session_id}/participants/member-states",
             response={201: list[ParticipantOut]}, auth=django_auth,
             summary="Add every state that is a member on the session's first day and does not "
                     "yet take part")
def participants_add_member_states(request: HttpRequest,
                                   session_id: str) -> Status[list[selectors.ParticipantRow]]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    services.participants_add_member_states(actor=request.user, session=found)
    return Status(201, _participants(request, session_id))


@router.put("/sessions/{session_id}/participants/order", response=list[ParticipantOut],
            auth=django_auth, summary="Put the participants in the order given (every id once)")
def participants_reorder(request: HttpRequest, session_id: str,
                         payload: ParticipantOrderIn) -> list[selectors.ParticipantRow]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    services.participants_reorder(actor=request.user, session=found, order=payload.order)
    return _participants(request, session_id)


@router.put("/sessions/{session_id}/participants/{participant_id}",
            response=list[ParticipantOut], auth=django_auth,
            summary="Change who a participant is or the office they hold")
def participant_edit(request: HttpRequest, session_id: str, participant_id: int,
                     payload: ParticipantIn) -> list[selectors.ParticipantRow]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    participant = _participant(found, participant_id)
    state, official, position = _participant_parts(request, payload)
    services.participant_edit(actor=request.user, participant=participant, state=state,
                              official=official, position=position,
                              is_head_of_delegation=payload.head_of_delegation)
    return _participants(request, session_id)


@router.delete("/sessions/{session_id}/participants/{participant_id}", response={204: None},
               auth=django_auth,
               summary="Remove a participant (refused when its state has recorded positions)")
def participant_remove(request: HttpRequest, session_id: str,
                       participant_id: int) -> Status[None]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    services.participant_remove(actor=request.user, participant=_participant(found,
                                                                             participant_id))
    return Status(204, None)


@router.put("/sessions/{session_id}/agenda-order", response=list[AgendaItemOut],
            auth=django_auth,
            summary="Put the items under one parent (or the top level) in the order given")
def agenda_items_reorder(request: HttpRequest, session_id: str,
                         payload: AgendaOrderIn) -> list[selectors.AgendaEntry]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    parent = _agenda_item(found, payload.parent, field="body.parent")
    services.agenda_items_reorder(actor=request.user, session=found, parent=parent,
                                  order=payload.order)
    return selectors.session_agenda(viewer=request.user, session=found)


@router.put("/sessions/{session_id}/agenda-items/{item_id}", response=list[AgendaItemOut],
            auth=django_auth, summary="Change an agenda item's title, place, rapporteur or outcome")
def agenda_item_edit(request: HttpRequest, session_id: str, item_id: int,
                     payload: AgendaItemEditIn) -> list[selectors.AgendaEntry]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    item = _agenda_item(found, item_id)
    assert item is not None  # noqa: S101  (an id was given)
    parent = _agenda_item(found, payload.parent, field="body.parent")
    rapporteur = referenced("body.rapporteur", registry.official_get, viewer=request.user,
                            public_id=str(payload.rapporteur)) if payload.rapporteur else None
    services.agenda_item_edit(actor=request.user, item=item, title_ru=payload.title_ru,
                              title_en=payload.title_en, parent=parent, rapporteur=rapporteur,
                              rapporteur_position=item.rapporteur_position,
                              outcome_ru=payload.outcome_ru, outcome_en=payload.outcome_en)
    return selectors.session_agenda(viewer=request.user, session=found)


@router.delete("/sessions/{session_id}/agenda-items/{item_id}", response={204: None},
               auth=django_auth,
               summary="Remove an agenda item (refused while documents or items are under it)")
def agenda_item_remove(request: HttpRequest, session_id: str, item_id: int) -> Status[None]:
    found = selectors.session_get(viewer=request.user, public_id=session_id)
    item = _agenda_item(found, item_id)
    assert item is not None  # noqa: S101  (an id was given)
    services.agenda_item_remove(actor=request.user, item=item)
    return Status(204, None)


# --- Documents -------------------------------------------------------------------------------

@router.get("/documents", response=list[DocumentOut], summary="Documents the caller may read")
@paginate(LimitOffsetPagination)
def documents(request: HttpRequest, filters: Query[DocumentFilters]) -> LazyPage[Document]:
    found = selectors.document_list(viewer=request.user,
                                    filters=document_filters(filters.dict()).or_refuse())
    return lazily(found)


@router.post("/documents", response={201: DocumentOut}, auth=django_auth,
             summary="Register a draft; it is numbered in its body's series for the year")
def document_register(request: HttpRequest, payload: DocumentIn) -> Status[Document]:
    body = referenced("body.body", registry.body_get, viewer=request.user, code=payload.body)
    session = referenced("body.session", selectors.session_get, viewer=request.user,
                         public_id=payload.session) if payload.session else None
    parties = selectors.parties_by_code(codes=payload.releasable_to)
    if payload.agenda_item is not None and session is None:
        raise ValidationError(_("Only a session's document is on its agenda."),
                              errors={"body.agenda_item": [_("Name the session too.")]})
    item = _agenda_item(session, payload.agenda_item,
                        field="body.agenda_item") if session is not None else None
    created = services.document_register(
        actor=request.user, body=body, doc_type=payload.type, title_ru=payload.title_ru,
        title_en=payload.title_en, session=session, year=payload.year,
        place_ru=payload.place_ru, place_en=payload.place_en,
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members, releasable_to=parties,
        texts=payload.texts, ratifications_required=payload.ratifications_required,
        agenda_item=item)
    return Status(201, created)


@router.get("/documents/{document_id}", response=DocumentDetailOut,
            summary="One document with the outcome of each body's decision")
def document(request: HttpRequest, document_id: str) -> Document:
    return selectors.document_get(viewer=request.user, public_id=document_id)


@router.get("/documents/{document_id}/texts", response=list[TextOut],
            summary="Every version of every language's text")
def document_texts(request: HttpRequest, document_id: str) -> list[DocumentText]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    return list(found.texts.all())


@router.post("/documents/{document_id}/texts", response={201: TextOut}, auth=django_auth,
             summary="Add a new version of one language's text")
def document_text_revise(request: HttpRequest, document_id: str,
                         payload: TextIn) -> Status[DocumentText]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    text = services.document_text_revise(actor=request.user, document=found,
                                         language=payload.language, body=payload.body,
                                         note=payload.note)
    return Status(201, text)


def _positions(found: Document, body: Body) -> list[selectors.PositionRow]:
    return selectors.position_board(document=found, body=body)


@router.get("/documents/{document_id}/positions", response=list[PositionOut],
            summary="Each member state's position on the draft before a body")
def document_positions(request: HttpRequest, document_id: str,
                       body: str | None = None) -> list[selectors.PositionRow]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    deciding = referenced("query.body", registry.body_get, viewer=request.user,
                          code=body) if body else found.body
    return _positions(found, deciding)


@router.post("/documents/{document_id}/positions", response=list[PositionOut],
             auth=django_auth, summary="State a member state's position on the draft")
def document_position_record(request: HttpRequest, document_id: str,
                             payload: PositionIn) -> list[selectors.PositionRow]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    body = referenced("body.body", registry.body_get, viewer=request.user,
                      code=payload.body) if payload.body else found.body
    state = referenced("body.state", registry.member_state_get, viewer=request.user,
                       code=payload.state)
    services.position_record(actor=request.user, document=found, body=body, state=state,
                             stance=payload.stance, reason=payload.reason)
    return _positions(found, body)


@router.post("/documents/{document_id}/decision", response=DocumentDetailOut, auth=django_auth,
             summary="Apply the consensus rule to the positions taken and record the outcome")
def document_decide(request: HttpRequest, document_id: str,
                    payload: DecisionIn) -> Document:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    body = referenced("body.body", registry.body_get, viewer=request.user,
                      code=payload.body) if payload.body else None
    session = referenced("body.session", selectors.session_get, viewer=request.user,
                         public_id=payload.session) if payload.session else None
    services.document_decide(actor=request.user, document=found, body=body, session=session,
                             on=payload.decided_on, confirm_refusal=payload.confirm_refusal)
    return document(request, document_id)


@router.get("/documents/{document_id}/decision-preview", response=DecisionPreviewOut,
            summary="What the consensus rule would conclude now, recording nothing")
def document_decision_preview(request: HttpRequest, document_id: str,
                              body: str | None = None) -> services.Outlook:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    deciding = referenced("query.body", registry.body_get, viewer=request.user,
                          code=body) if body else None
    return selectors.decision_preview(document=found, body=deciding)


@router.post("/documents/{document_id}/proclamation", response=DocumentDetailOut,
             auth=django_auth,
             summary="Record that the chair proclaimed the act (no positions, no consensus)")
def document_proclaim(request: HttpRequest, document_id: str,
                      payload: ProclamationIn) -> Document:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    by = referenced("body.by", registry.official_get, viewer=request.user,
                    public_id=str(payload.by))
    session = referenced("body.session", selectors.session_get, viewer=request.user,
                         public_id=payload.session) if payload.session else None
    services.document_proclaim(actor=request.user, document=found, by=by, session=session,
                               on=payload.proclaimed_on)
    return document(request, document_id)


@router.post("/documents/{document_id}/silence", response=DocumentDetailOut, auth=django_auth,
             summary="Circulate the draft under the silence procedure until a deadline")
def document_silence(request: HttpRequest, document_id: str,
                     payload: SilenceIn) -> Document:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    body = referenced("body.body", registry.body_get, viewer=request.user,
                      code=payload.body) if payload.body else None
    services.silence_start(actor=request.user, document=found, deadline=payload.deadline,
                           body=body)
    return document(request, document_id)


@router.get("/documents/{document_id}/signatures", response=list[SignatureOut],
            summary="Signatures with what was signed and the signers' public keys, verified now")
def document_signatures(request: HttpRequest,
                        document_id: str) -> list[services.SignatureCheck]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    return services.document_verify(document=found)


@router.post("/documents/{document_id}/signatures", response={201: list[SignatureOut]},
             auth=django_auth,
             summary="Record a signature made by the signer over the statement of the document")
def document_sign(request: HttpRequest, document_id: str,
                  payload: SignatureIn) -> Status[list[services.SignatureCheck]]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    key = referenced("body.key_fingerprint", selectors.signer_key_get, viewer=request.user,
                     fingerprint=payload.key_fingerprint)
    services.document_sign(actor=request.user, document=found, key=key,
                           signed_on=payload.signed_on, signature=payload.signature)
    return Status(201, services.document_verify(document=found))


@router.get("/documents/{document_id}/signatures/statement", response=StatementOut,
            auth=django_auth,
            summary="The statement a signer signs for a key and a day, to sign outside Concord")
def document_statement(request: HttpRequest, document_id: str, key_fingerprint: str,
                       signed_on: date | None = None) -> dict[str, Any]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    key = referenced("query.key_fingerprint", selectors.signer_key_get, viewer=request.user,
                     fingerprint=key_fingerprint)
    day = signed_on or clock.today()
    statement = services.signature_statement(document=found, key=key, signed_on=day)
    return {"statement": signing.statement_bytes(statement).decode("utf-8"),
            "key_fingerprint": key.fingerprint, "signed_on": day}


@router.get("/documents/{document_id}/treaty-status", response=TreatyStatusOut,
            summary="An agreement's signatures, ratifications, deposits and entry into force")
def document_treaty_status(request: HttpRequest, document_id: str) -> dict[str, Any]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    status = selectors.treaty_status(document=found)
    return {"symbol": found.symbol, "ratifications_required": found.ratifications_required,
            "deposits": status.deposits, "in_force_on": status.in_force_on,
            "states": status.rows}


@router.put("/documents/{document_id}/agenda-item", response=DocumentDetailOut,
            auth=django_auth,
            summary="Attach the document to an item of its session's agenda, or to none")
def document_agenda_item(request: HttpRequest, document_id: str,
                         payload: DocumentAgendaItemIn) -> Document:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    item = None
    if payload.agenda_item is not None:
        if found.session is None:
            raise ValidationError(_("The document belongs to no session."),
                                  errors={"body.agenda_item": [_("Not on this agenda.")]})
        session = selectors.session_get(viewer=request.user, public_id=found.session.public_id)
        item = _agenda_item(session, payload.agenda_item, field="body.agenda_item")
    services.document_agenda_item_set(actor=request.user, document=found, item=item)
    return document(request, document_id)


@router.post("/documents/{document_id}/treaty-status", response=TreatyStatusOut,
             auth=django_auth,
             summary="Record a state's signature, ratification and deposit of an agreement")
def document_treaty_action(request: HttpRequest, document_id: str,
                           payload: TreatyActionIn) -> dict[str, Any]:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    state = referenced("body.state", registry.member_state_get, viewer=request.user,
                       code=payload.state)
    services.treaty_action_record(actor=request.user, document=found, state=state,
                                  signed_on=payload.signed_on, ratified_on=payload.ratified_on,
                                  deposited_on=payload.deposited_on,
                                  reservations=payload.reservations)
    return document_treaty_status(request, document_id)


def _language(language: str) -> str:
    if language not in ("ru", "en"):
        raise ValidationError(_("Unknown language."), errors={"language": [_("Use ru or en.")]})
    return language


@router.get("/documents/{document_id}/akn", summary="The adopted document as Akoma Ntoso 3.0 XML",
            openapi_extra={"responses": {
                200: {"description": "Akoma Ntoso 3.0 XML",
                      "content": {"application/akn+xml": {}}},
                409: {"description": "The document is not adopted: only adopted documents are "
                                     "published as Akoma Ntoso.",
                      "content": {"application/problem+json": {
                          "schema": {"$ref": "#/components/schemas/Problem"}}}}}})
def document_akn(request: HttpRequest, document_id: str, language: str = "ru") -> HttpResponse:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    return HttpResponse(outputs.document_akn(document=found, language=_language(language)),
                        content_type="application/akn+xml")


@router.get("/documents/{document_id}/docx", summary="The document laid out as DOCX",
            openapi_extra={"responses": {200: {"description": "DOCX", "content": {
                outputs.CONTENT_TYPES["docx"]: {}}}}})
def document_docx(request: HttpRequest, document_id: str, language: str = "ru") -> HttpResponse:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    return outputs.download(outputs.document_docx(document=found, language=_language(language)),
                            filename=outputs.filename(found, language, "docx"))


@router.get("/documents/{document_id}/pdf", summary="The document laid out as PDF",
            openapi_extra={"responses": {200: {"description": "PDF", "content": {
                "application/pdf": {}}}}})
def document_pdf(request: HttpRequest, document_id: str, language: str = "ru") -> HttpResponse:
    found = selectors.document_get(viewer=request.user, public_id=document_id)
    return outputs.download(outputs.document_pdf(document=found, language=_language(language)),
                            filename=outputs.filename(found, language, "pdf"))


# --- Instructions and implementation reports ---------------------------------------------------

@router.get("/instructions", response=list[InstructionOut],
            summary="Instructions of decisions, by status and addressee")
@paginate(LimitOffsetPagination)
def instructions(request: HttpRequest,
                 filters: Query[InstructionFilters]) -> LazyPage[Instruction]:
    found = selectors.instruction_list(viewer=request.user,
                                       filters=instruction_filters(filters.dict()).or_refuse())
    return lazily(found)


@router.post("/instructions", response={201: InstructionOut}, auth=django_auth,
             summary="Give an instruction of a decision, labelled no lower than the decision")
def instruction_add(request: HttpRequest, payload: InstructionIn) -> Status[Instruction]:
    found = referenced("body.document", selectors.document_get, viewer=request.user,
                       public_id=payload.document)
    body = referenced("body.addressee_body", registry.body_get, viewer=request.user,
                      code=payload.addressee_body) if payload.addressee_body else None
    state = referenced("body.addressee_state", registry.member_state_get, viewer=request.user,
                       code=payload.addressee_state) if payload.addressee_state else None
    created = services.instruction_add(
        actor=request.user, document=found, text_ru=payload.text_ru, text_en=payload.text_en,
        addressee_kind=payload.addressee_kind, addressee_body=body, addressee_state=state,
        deadline_on=payload.deadline_on, deadline_months=payload.deadline_months,
        deadline_days=payload.deadline_days, classification=payload.classification)
    return Status(201, created)


@router.get("/instructions/{instruction_id}", response=InstructionDetailOut,
            summary="One instruction with the addressees' progress reports")
def instruction(request: HttpRequest, instruction_id: str) -> Instruction:
    return selectors.instruction_get(viewer=request.user, public_id=instruction_id)


@router.post("/instructions/{instruction_id}/reports", response={201: InstructionDetailOut},
             auth=django_auth, summary="Report progress on an instruction addressed to you")
def instruction_report(request: HttpRequest, instruction_id: str,
                       payload: ProgressReportIn) -> Status[Instruction]:
    found = selectors.instruction_get(viewer=request.user, public_id=instruction_id)
    services.instruction_report(actor=request.user, instruction=found, text=payload.text,
                                status=payload.status)
    return Status(201, selectors.instruction_get(viewer=request.user, public_id=instruction_id))


@router.get("/implementation-reports", response=list[ImplementationReportOut],
            summary="The Secretary General's reports on implementation")
@paginate(LimitOffsetPagination)
def implementation_reports(request: HttpRequest,
                           filters: Query[ReportFilters]) -> LazyPage[ImplementationReport]:
    return lazily(selectors.implementation_report_list(
        viewer=request.user, filters=report_filters(filters.dict()).or_refuse()))


@router.post("/implementation-reports", response={201: ImplementationReportDetailOut},
             auth=django_auth,
             summary="Generate the report to a session on the previous session's instructions")
def implementation_report_generate(request: HttpRequest,
                                   payload: ImplementationReportIn
                                   ) -> Status[ImplementationReport]:
    session = referenced("body.session", selectors.session_get, viewer=request.user,
                         public_id=payload.session)
    created = services.implementation_report_generate(actor=request.user, session=session)
    return Status(201, implementation_report(request, str(created.public_id)))


@router.put("/implementation-reports/{report_id}/entries/{instruction_id}",
            response=ImplementationReportDetailOut, auth=django_auth,
            summary="Edit the report's assessment of one instruction")
def implementation_entry_edit(request: HttpRequest, report_id: str, instruction_id: str,
                              payload: ReportEntryIn) -> ImplementationReport:
    found = selectors.implementation_report_get(viewer=request.user, public_id=report_id)
    entry = next((e for e in found.entries.all()
                  if str(e.instruction.public_id) == instruction_id), None)
    if entry is None:
        raise NotFound(_("The report has no entry for this instruction."))
    services.implementation_entry_edit(actor=request.user, entry=entry, text_ru=payload.text_ru,
                                       text_en=payload.text_en)
    return implementation_report(request, report_id)


@router.get("/implementation-reports/{report_id}", response=ImplementationReportDetailOut,
            summary="One implementation report with an entry per instruction")
def implementation_report(request: HttpRequest, report_id: str) -> ImplementationReport:
    return selectors.implementation_report_get(viewer=request.user, public_id=report_id)
