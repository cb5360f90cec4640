# No `from __future__ import annotations`: django-ninja resolves the annotations of @paginate'd
# endpoints at request time (see concord/registry/api.py).

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.assistance.filters import request_filters
from concord.assistance.models import AssistanceRequest, Delivery, Pledge, PledgeLine
from concord.assistance.schemas import (
    AcceptIn,
    CommitIn,
    DayIn,
    DeliveryOut,
    LineIn,
    OpenIn,
    PledgeIn,
    PledgeLineOut,
    PledgeOut,
    ReasonIn,
    RequestDetailOut,
    RequestIn,
    RequestOut,
    RespondIn,
    ReviseIn,
    ShipIn,
    request_detail,
)
from concord.assistance.selectors import figures
from concord.assistance.selectors import requests as selectors
from concord.assistance.services import deliveries, pledges, requests
from concord.core.errors import NotFound, ValidationError, referenced
from concord.core.pagination import LazyPage
from concord.council import selectors as council
from concord.registry import selectors as registry

router = Router(tags=["assistance"])


class RequestFilters(Schema):
    q: str = ""
    status: list[str] = []
    kind: list[str] = []
    urgency: list[str] = []
    state: str = ""
    overdue: bool = False
    sort: str = ""


@router.get("/requests", response=list[RequestOut],
            summary="Assistance requests with their totals, by status, kind and urgency")
@paginate(LimitOffsetPagination)
def assistance_requests(request: HttpRequest, filters: Query[RequestFilters]) -> LazyPage[Any]:
    params = {key: value for key, value in filters.dict().items() if value not in ("", [], None)}
    if params.get("overdue") is True:
        params["overdue"] = "1"
    found = selectors.request_list(viewer=request.user,
                                   filters=request_filters(params).or_refuse())
    return _Counted(found, viewer=request.user)


class _Counted(LazyPage[AssistanceRequest]):
    """The page of requests asked for, each with its lines counted by coverage."""

    def __init__(self, records: QuerySet[AssistanceRequest], *, viewer: Any) -> None:
        super().__init__(records)
        self.viewer = viewer

    def __getitem__(self, window: slice) -> list[AssistanceRequest]:
        return figures.with_line_counts(viewer=self.viewer, requests=super().__getitem__(window))


def _detail(request: HttpRequest, record: AssistanceRequest) -> dict[str, Any]:
    lines = figures.line_figures(viewer=request.user, request=record)
    return request_detail(record, lines, figures.request_figures(lines))


@router.post("/requests", response={201: RequestDetailOut}, auth=django_auth,
             summary="File a draft request, from a council instruction or from a state's letter")
def assistance_request_create(request: HttpRequest, payload: RequestIn) -> Status[dict[str, Any]]:
    state = referenced("body.requesting_state", registry.member_state_get, viewer=request.user,
                       code=payload.requesting_state)
    instruction = referenced("body.instruction", council.instruction_get, viewer=request.user,
                             public_id=payload.instruction) if payload.instruction else None
    addressed = [referenced(f"body.addressed_states[{index}]", registry.member_state_get,
                            viewer=request.user, code=code)
                 for index, code in enumerate(payload.addressed_states)]
    phases = [{"number": n, **phase.dict()} for n, phase in enumerate(payload.phases, start=1)]
    created = requests.request_create(
        actor=request.user, requesting_state=state, title_ru=payload.title_ru,
        title_en=payload.title_en, beneficiary_ru=payload.beneficiary_ru,
        beneficiary_en=payload.beneficiary_en, kind=payload.kind, terms=payload.terms,
        urgency=payload.urgency, summary_ru=payload.summary_ru,
        letter_reference=payload.letter_reference, letter_dated=payload.letter_dated,
        instruction=instruction, addressed_states=addressed, opens_on=payload.opens_on,
        closes_on=payload.closes_on, phases=phases,
        lines=[line.dict() for line in payload.lines],
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members)
    return Status(201, _detail(request, selectors.request_get(viewer=request.user,
                                                              public_id=created.public_id)))


@router.get("/requests/{request_id}", response=RequestDetailOut,
            summary="One request with its lines: requested, pledged, committed, delivered, gap")
def assistance_request(request: HttpRequest, request_id: str) -> dict[str, Any]:
    return _detail(request, selectors.request_get(viewer=request.user, public_id=request_id))


@router.post("/requests/{request_id}/lines", response={201: RequestDetailOut}, auth=django_auth,
             summary="Add a line to a draft or submitted request")
def assistance_request_line_add(request: HttpRequest, request_id: str,
                     payload: LineIn) -> Status[dict[str, Any]]:
    record = selectors.request_get(viewer=request.user, public_id=request_id)
    fields = payload.dict()
    requests.request_line_add(actor=request.user, request=record, **fields)
    return Status(201, _detail(request, record))


def _moved(request: HttpRequest, request_id: str, step: Any, **arguments: Any) -> dict[str, Any]:
    record = selectors.request_get(viewer=request.user, public_id=request_id)
    step(actor=request.user, request=record, **arguments)
    return _detail(request, selectors.request_get(viewer=request.user, public_id=request_id))


@router.post("/requests/{request_id}/submit", response=RequestDetailOut, auth=django_auth,
             summary="The requesting state submits its draft to the secretariat")
def assistance_request_submit(request: HttpRequest, request_id: str) -> dict[str, Any]:
    return _moved(request, request_id, requests.request_submit)


@router.post("/requests/{request_id}/open", response=RequestDetailOut, auth=django_auth,
             summary="The secretariat opens a submitted request for offers")
def assistance_request_open(request: HttpRequest, request_id: str, payload: OpenIn) -> dict[str, Any]:
    return _moved(request, request_id, requests.request_open, opens_on=payload.opens_on,
                  closes_on=payload.closes_on)


@router.post("/requests/{request_id}/close", response=RequestDetailOut, auth=django_auth,
             summary="The secretariat closes the offers")
def assistance_request_close(request: HttpRequest, request_id: str) -> dict[str, Any]:
    return _moved(request, request_id, requests.request_close)


@router.post("/requests/{request_id}/complete", response=RequestDetailOut, auth=django_auth,
             summary="Closed offers end as fulfilled or partly fulfilled")
def assistance_request_complete(request: HttpRequest, request_id: str) -> dict[str, Any]:
    return _moved(request, request_id, requests.request_complete)


@router.post("/requests/{request_id}/withdraw", response=RequestDetailOut, auth=django_auth,
             summary="Withdraw a request, saying why")
def assistance_request_withdraw(request: HttpRequest, request_id: str, payload: ReasonIn) -> dict[str, Any]:
    return _moved(request, request_id, requests.request_withdraw, reason=payload.reason)


@router.get("/requests/{request_id}/pledges", response=list[PledgeOut],
            summary="The pledges to a request the caller may read")
def assistance_pledges(request: HttpRequest, request_id: str) -> list[Pledge]:
    record = selectors.request_get(viewer=request.user, public_id=request_id)
    return list(selectors.pledge_list(viewer=request.user, request=record))


@router.post("/requests/{request_id}/pledges", response={201: PledgeOut}, auth=django_auth,
             summary="Pledge lines of a request open for offers, released to all or withheld")
def assistance_pledge_make(request: HttpRequest, request_id: str, payload: PledgeIn) -> Status[Pledge]:
    record = selectors.request_get(viewer=request.user, public_id=request_id)
    own = {line.number: line for line in selectors.request_lines(request=record)}
    rows = []
    for index, row in enumerate(payload.lines, start=1):
        if row.line not in own:
            raise ValidationError(_("The pledge cannot be recorded."), errors={
                f"body.lines[{index}].line": [_("The request has no line %(number)d.")
                                              % {"number": row.line}]})
        rows.append({**row.dict(), "line": own[row.line]})
    state = referenced("body.state", registry.member_state_get, viewer=request.user,
                       code=payload.state) if payload.state else selectors.state_of(request.user)
    made = pledges.pledge_make(actor=request.user, request=record, lines=rows,
                               state=state, note=payload.note,
                               release_to_all_members=payload.release_to_all_members,
                               classification=payload.classification)
    return Status(201, selectors.pledge_get(viewer=request.user, public_id=made.public_id))


@router.get("/requests/{request_id}/deliveries", response=list[DeliveryOut],
            summary="The consignments of the pledges the caller may read")
def assistance_deliveries(request: HttpRequest, request_id: str) -> list[Delivery]:
    record = selectors.request_get(viewer=request.user, public_id=request_id)
    return list(selectors.delivery_list(viewer=request.user, request=record))


def _line(request: HttpRequest, pledge_line_id: str) -> PledgeLine:
    return selectors.pledge_line_get(viewer=request.user, public_id=pledge_line_id)


@router.post("/pledge-lines/{pledge_line_id}/commit", response=PledgeLineOut, auth=django_auth,
             summary="Record the agreement committing part or all of a pledged line")
def assistance_pledge_line_commit(request: HttpRequest, pledge_line_id: str,
                       payload: CommitIn) -> PledgeLine:
    return pledges.pledge_line_commit(actor=request.user,
                                      pledge_line=_line(request, pledge_line_id), **payload.dict())


@router.post("/pledge-lines/{pledge_line_id}/revise", response=PledgeLineOut, auth=django_auth,
             summary="Revise a pledged line; the earlier figures stay in its revisions")
def assistance_pledge_line_revise(request: HttpRequest, pledge_line_id: str,
                       payload: ReviseIn) -> PledgeLine:
    return pledges.pledge_line_revise(actor=request.user,
                                      pledge_line=_line(request, pledge_line_id), **payload.dict())


@router.post("/pledge-lines/{pledge_line_id}/cancel", response=PledgeLineOut, auth=django_auth,
             summary="Cancel what remains of a pledged line, saying why")
def assistance_pledge_line_cancel(request: HttpRequest, pledge_line_id: str,
                       payload: ReasonIn) -> PledgeLine:
    return pledges.pledge_line_cancel(actor=request.user,
                                      pledge_line=_line(request, pledge_line_id),
                                      reason=payload.reason)


@router.post("/pledge-lines/{pledge_line_id}/answer", response=PledgeLineOut, auth=django_auth,
             summary="The requester accepts, declines or provisionally accepts a pledged line")
def assistance_pledge_line_answer(request: HttpRequest, pledge_line_id: str,
                        payload: RespondIn) -> PledgeLine:
    return pledges.pledge_line_respond(actor=request.user,
                                       pledge_line=_line(request, pledge_line_id),
                                       response=payload.response, note=payload.note)


@router.post("/pledges/{pledge_id}/deliveries", response={201: DeliveryOut}, auth=django_auth,
             summary="Record a consignment of committed items")
def assistance_delivery_ship(request: HttpRequest, pledge_id: str, payload: ShipIn) -> Status[Delivery]:
    pledge = selectors.pledge_get(viewer=request.user, public_id=pledge_id)
    items = [{"pledge_line": referenced(f"body.items[{index}].pledge_line",
                                        selectors.pledge_line_get, viewer=request.user,
                                        public_id=item.pledge_line),
              "quantity": item.quantity} for index, item in enumerate(payload.items, start=1)]
    sent = deliveries.delivery_ship(actor=request.user, pledge=pledge, reference=payload.reference,
                                    shipped_on=payload.shipped_on, place_ru=payload.place_ru,
                                    items=items)
    return Status(201, selectors.delivery_get(viewer=request.user, public_id=sent.public_id))


@router.post("/deliveries/{delivery_id}/receive", response=DeliveryOut, auth=django_auth,
             summary="The recipient records a consignment's arrival")
def assistance_delivery_receive(request: HttpRequest, delivery_id: str, payload: DayIn) -> Delivery:
    found = selectors.delivery_get(viewer=request.user, public_id=delivery_id)
    deliveries.delivery_receive(actor=request.user, delivery=found, delivered_on=payload.day)
    return selectors.delivery_get(viewer=request.user, public_id=delivery_id)


@router.post("/deliveries/{delivery_id}/accept", response=DeliveryOut, auth=django_auth,
             summary="The recipient accepts a delivered consignment, in full or per line")
def assistance_delivery_accept(request: HttpRequest, delivery_id: str, payload: AcceptIn) -> Delivery:
    found = selectors.delivery_get(viewer=request.user, public_id=delivery_id)
    quantities = None
    if payload.accepted is not None:
        items = {item.pledge_line.line.number: item for item in
                 found.items.select_related("pledge_line__line")}
        unknown = sorted(set(payload.accepted) - set(items))
        if unknown:
            raise NotFound(_("The consignment carries no line %(number)d.")
                           % {"number": unknown[0]})
        quantities = {items[n].pk: amount for n, amount in payload.accepted.items()}
    deliveries.delivery_accept(actor=request.user, delivery=found, accepted_on=payload.day,
                               quantities=quantities)
    return selectors.delivery_get(viewer=request.user, public_id=delivery_id)


# --- The fair-share proposal, the handover act, the end-use certificate, EDXL-RM and HXL ----

from django.http import HttpResponse  # noqa: E402

from concord.assistance.models import AllocationProposal  # noqa: E402
from concord.assistance.outputs import edxl, hxl  # noqa: E402
from concord.assistance.outputs.allocation_text import reason_sentence  # noqa: E402
from concord.assistance.schemas_allocation import AllocationIn, AllocationOut  # noqa: E402
from concord.assistance.selectors import allocation as allocation_read  # noqa: E402
from concord.assistance.services import allocation as allocation_services  # noqa: E402
from concord.core import clock  # noqa: E402
from concord.core.exports import FORMATS  # noqa: E402


def _allocation_out(proposal: AllocationProposal) -> dict[str, Any]:
    names = allocation_read.state_names()
    result = proposal.result
    return {
        "id": proposal.public_id, "request": proposal.request.public_id,
        "key": proposal.key.code, "status": proposal.status, "created_at": proposal.created_at,
        "solver_status": proposal.solver_status,
        "largest_deviation": float(proposal.max_deviation or 0),
        "requested_items": result.get("requested_items", 0),
        "covered_items": result.get("covered_items", 0),
        "rows": [{"line": row.line.number, "state": row.state.iso_alpha2,
                  "quantity": row.quantity, "response": row.response,
                  "amended_quantity": row.amended_quantity}
                 for row in allocation_read.allocation_rows(proposal=proposal)],
        "inputs": proposal.inputs, "result": result,
        "explanations": {part["state"]: [reason_sentence(reason, states=names)
                                         for reason in part["reasons"]]
                         for part in result.get("states", [])},
        "notes": [reason_sentence(note, states=names) for note in result.get("notes", [])],
    }


@router.post("/requests/{request_id}/allocation", response={201: AllocationOut},
             auth=django_auth,
             summary="Propose who gives what: a fair-share allocation of what the request lacks")
def assistance_allocation_propose(request: HttpRequest, request_id: str,
                       payload: AllocationIn) -> Status[dict[str, Any]]:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    key = referenced("body.key", allocation_read.burden_key_get, code=payload.key)
    proposal = allocation_services.allocation_propose(actor=request.user, request=found, key=key)
    return Status(201, _allocation_out(proposal))


@router.get("/requests/{request_id}/allocation", response=AllocationOut,
            summary="The latest fair-share proposal of a request, with its inputs and reasons")
def assistance_allocation(request: HttpRequest, request_id: str) -> dict[str, Any]:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    proposal = allocation_read.allocation_latest(viewer=request.user, request=found)
    if proposal is None:
        raise NotFound(_("No proposal has been made for this request."))
    return _allocation_out(proposal)



_TABLES = {"responses": {200: {"description": "HXL-tagged CSV or XLSX", "content": {
    "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}}}


def _table_format(value: str) -> str:
    if value not in FORMATS:
        raise ValidationError(f"Unknown format {value!r}.",
                              errors={"query.format": [f"One of: {', '.join(FORMATS)}."]})
    return value


@router.get("/requests/{request_id}/edxl",
            openapi_extra={"responses": {200: {"description": "EDXL-RM 1.0 XML", "content": {
                "application/xml": {}}}}},
            summary="The request (message=request) or the commitments the caller may see "
                    "(message=commitments) as an EDXL-RM 1.0 message, with Concord's labels")
def assistance_request_edxl(request: HttpRequest, request_id: str,
                 message: str = "request") -> HttpResponse:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    if message == "request":
        body = edxl.request_message(request=found, sent=clock.now(),
                                    lines=allocation_read.request_lines(request=found))
    elif message == "commitments":
        body = edxl.commit_message(request=found, sent=clock.now(),
                                   pledge_lines=allocation_read.pledge_lines_visible(
                                       viewer=request.user, request=found, committed_only=True))
    else:
        raise ValidationError(f"Unknown message {message!r}.", errors={
            "query.message": ["One of: request, commitments."]})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@router.get("/requests/{request_id}/hxl/lines", openapi_extra=_TABLES,
            summary="The request's lines with what visible pledges give, HXL-tagged, as CSV "
                    "or XLSX with label columns")
def assistance_lines_hxl(request: HttpRequest, request_id: str,
                      format: str = "csv") -> HttpResponse:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    return hxl.lines_table(request=found, fmt=_table_format(format),
                           lines=allocation_read.request_lines(request=found),
                           pledge_lines=allocation_read.pledge_lines_visible(
                               viewer=request.user, request=found))


@router.get("/requests/{request_id}/hxl/pledges", openapi_extra=_TABLES,
            summary="The pledge lines the caller may see, HXL-tagged, as CSV or XLSX with "
                    "label columns")
def assistance_pledges_hxl(request: HttpRequest, request_id: str,
                        format: str = "csv") -> HttpResponse:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    return hxl.pledges_table(request=found, fmt=_table_format(format),
                             pledge_lines=allocation_read.pledge_lines_visible(
                                 viewer=request.user, request=found))


from concord.assistance.models import Delivery  # noqa: E402
from concord.assistance.schemas_allocation import (  # noqa: E402
    HandoverIn,
    HandoverOut,
    HandoverSignatureIn,
)
from concord.assistance.services import handover as handover_services  # noqa: E402
from concord.council.selectors import signatures as signer_keys  # noqa: E402


def _handover_out(delivery: Delivery) -> dict[str, Any]:
    act = allocation_read.handover_act_of(delivery=delivery)
    return {
        "delivery": delivery.public_id, "number": act.number, "dated": act.dated,
        "place_ru": act.signed_at_place_ru, "place_en": act.signed_at_place_en,
        "statement": act.payload, "intact": handover_services.act_intact(act=act),
        "signatures": [{
            "side": check.side, "official": check.official,
            "state": check.signature.state.iso_alpha2, "signed_on": check.signature.signed_on,
            "key_fingerprint": check.signature.key.fingerprint,
            "public_key": check.signature.key.public_key,
            "statement": check.signature.payload, "signature": check.signature.signature,
            "valid": check.valid, "problem": check.problem}
            for check in handover_services.handover_verify(act=act)
            if check.signature is not None],
    }


@router.get("/deliveries/{delivery_id}/handover", response=HandoverOut,
            summary="The handover act of a delivery with each side's signature checked now")
def assistance_handover(request: HttpRequest, delivery_id: str) -> dict[str, Any]:
    return _handover_out(selectors.delivery_get(viewer=request.user, public_id=delivery_id))


@router.post("/deliveries/{delivery_id}/handover", response={201: HandoverOut},
             auth=django_auth, summary="Draw up the handover act of a delivered consignment")
def assistance_handover_draw(request: HttpRequest, delivery_id: str,
                             payload: HandoverIn) -> Status[dict[str, Any]]:
    found = selectors.delivery_get(viewer=request.user, public_id=delivery_id)
    handover_services.handover_act_draw(actor=request.user, delivery=found, **payload.dict())
    return Status(201, _handover_out(found))


@router.post("/deliveries/{delivery_id}/handover/signatures", response={201: HandoverOut},
             auth=django_auth,
             summary="Record one side's signature of the handover act, made here with a held "
                     "key or brought by the signer")
def assistance_handover_sign(request: HttpRequest, delivery_id: str,
                             payload: HandoverSignatureIn) -> Status[dict[str, Any]]:
    found = selectors.delivery_get(viewer=request.user, public_id=delivery_id)
    act = allocation_read.handover_act_of(delivery=found)
    key = referenced("body.key_fingerprint", signer_keys.signer_key_get, viewer=request.user,
                     fingerprint=payload.key_fingerprint)
    handover_services.handover_sign(actor=request.user, act=act, side=payload.side, key=key,
                                    signed_on=payload.signed_on, signature=payload.signature)
    return Status(201, _handover_out(found))


# --- End-use certificates: issued for a pledge's military-technical items, signed by the
# recipient. Each is read through its pledge, so one of a withheld pledge is missing. ----------

import json  # noqa: E402

from concord.assistance.models import MILITARY_CATEGORIES, EndUseCertificate  # noqa: E402
from concord.assistance.schemas_certificates import (  # noqa: E402
    CertificateIn,
    CertificateOut,
    CertificateSignatureIn,
)
from concord.assistance.selectors import certificates as certificates_read  # noqa: E402


def _in_body(refused: ValidationError) -> ValidationError:
    """The service names the fields it refuses as the form does; the API names them in the
    body."""
    return ValidationError(refused.detail, errors={
        field if field.startswith("body.") else f"body.{field}": messages
        for field, messages in refused.errors.items()})


def _certificate_out(certificate: EndUseCertificate) -> dict[str, Any]:
    signed = certificate.is_signed and certificate.key is not None
    check = handover_services.end_use_certificate_verify(certificate=certificate)
    return {
        "id": certificate.public_id, "pledge": certificate.pledge.public_id,
        "provider": certificate.pledge.state.iso_alpha2,
        "recipient": certificate.recipient.iso_alpha2, "number": certificate.number,
        "issued_on": certificate.issued_on, "end_user_ru": certificate.end_user_ru,
        "end_user_en": certificate.end_user_en, "restriction_ru": certificate.restriction_ru,
        "restriction_en": certificate.restriction_en,
        "retransfer_banned": certificate.retransfer_banned,
        "lines": [line.line.number
                  for line in certificates_read.certificate_items(certificate=certificate)],
        "signed": signed, "signed_on": certificate.signed_on,
        "official": check.official if signed else "",
        "key_fingerprint": certificate.key.fingerprint if certificate.key else "",
        "public_key": certificate.key.public_key if certificate.key else "",
        "statement": certificate.payload, "signature": certificate.signature,
        "valid": check.valid, "problem": check.problem if signed else "",
    }


@router.get("/requests/{request_id}/end-use-certificates", response=list[CertificateOut],
            summary="The end-use certificates of the request's pledges the caller may read")
def assistance_certificates(request: HttpRequest, request_id: str) -> list[dict[str, Any]]:
    found = selectors.request_get(viewer=request.user, public_id=request_id)
    return [_certificate_out(certificate) for certificate in
            certificates_read.certificates_of_pledges(pledges=list(
                figures.visible_pledges(request.user).filter(request=found)
                .select_related("state")))]


@router.post("/pledges/{pledge_id}/end-use-certificates", response={201: CertificateOut},
             auth=django_auth,
             summary="The recipient issues an end-use certificate for a pledge's "
                     "military-technical lines, to be signed before their delivery")
def assistance_certificate_issue(request: HttpRequest, pledge_id: str,
                                 payload: CertificateIn) -> Status[dict[str, Any]]:
    pledge = selectors.pledge_get(viewer=request.user, public_id=pledge_id)
    own = {line.line.number: line
           for line in pledge.lines.select_related("line").order_by("line__number", "pk")}
    if payload.lines:
        missing = [(index, number) for index, number in enumerate(payload.lines, start=1)
                   if number not in own]
        if missing:
            raise ValidationError(_("The certificate was not issued."), errors={
                f"body.lines[{index}]": [_("The pledge has no line %(number)d.")
                                         % {"number": number}] for index, number in missing})
        covered = [own[number] for number in dict.fromkeys(payload.lines)]
    else:
        covered = [line for line in own.values() if line.line.category in MILITARY_CATEGORIES]
    try:
        made = handover_services.end_use_certificate_issue(
            actor=request.user, pledge=pledge, lines=covered,
            **payload.dict(exclude={"lines"}))
    except ValidationError as refused:
        raise _in_body(refused) from None
    return Status(201, _certificate_out(certificates_read.certificate_get(
        viewer=request.user, public_id=made.public_id)))


@router.get("/end-use-certificates/{certificate_id}", response=CertificateOut,
            summary="One end-use certificate with its signature checked now")
def assistance_certificate(request: HttpRequest, certificate_id: str) -> dict[str, Any]:
    return _certificate_out(certificates_read.certificate_get(viewer=request.user,
                                                              public_id=certificate_id))


@router.post("/end-use-certificates/{certificate_id}/signature", response={201: CertificateOut},
             auth=django_auth,
             summary="Record the recipient's signature of its end-use certificate, made here "
                     "with a held key or brought by the signer")
def assistance_certificate_sign(request: HttpRequest, certificate_id: str,
                                payload: CertificateSignatureIn) -> Status[dict[str, Any]]:
    certificate = certificates_read.certificate_get(viewer=request.user, public_id=certificate_id)
    key = referenced("body.key_fingerprint", signer_keys.signer_key_get, viewer=request.user,
                     fingerprint=payload.key_fingerprint)
    try:
        handover_services.end_use_certificate_sign(
            actor=request.user, certificate=certificate, key=key, signed_on=payload.signed_on,
            signature=payload.signature or None)
    except ValidationError as refused:
        raise _in_body(refused) from None
    return Status(201, _certificate_out(certificates_read.certificate_get(
        viewer=request.user, public_id=certificate_id)))


@router.get("/end-use-certificates/{certificate_id}/download",
            openapi_extra={"responses": {200: {
                "description": "The signed statement, its signature and the signer's public key",
                "content": {"application/json": {}}}}},
            summary="The signed certificate as a file: its statement, signature and the "
                    "signer's public key, to check elsewhere")
def assistance_certificate_download(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = certificates_read.certificate_get(viewer=request.user, public_id=certificate_id)
    if not certificate.is_signed or certificate.key is None:
        raise NotFound(_("The certificate is not signed yet: there is nothing to download."))
    check = handover_services.end_use_certificate_verify(certificate=certificate)
    answer = HttpResponse(json.dumps({
        "statement": json.loads(certificate.payload), "signature": certificate.signature,
        "signer": {"official": check.official, "fingerprint": certificate.key.fingerprint,
                   "public_key": certificate.key.public_key},
        "valid_when_downloaded": check.valid, "problem": check.problem},
        ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8")
    answer["Content-Disposition"] = (
        f'attachment; filename="end-use-certificate-{certificate.public_id}.json"')
    return answer
