from ninja import Router

router = Router(tags=["assistance"])


# --- The fair-share proposal, the handover act, the end-use certificate, EDXL-RM and HXL ----

from typing import Any  # noqa: E402

from django.http import HttpRequest, HttpResponse  # noqa: E402
from ninja import Status  # noqa: E402
from ninja.security import django_auth  # noqa: E402

from concord.assistance.models import AllocationProposal  # noqa: E402
from concord.assistance.outputs import edxl, hxl  # noqa: E402
from concord.assistance.outputs.allocation_text import reason_sentence  # noqa: E402
from concord.assistance.schemas_allocation import AllocationIn, AllocationOut  # noqa: E402
from concord.assistance.selectors import allocation as allocation_read  # noqa: E402
from concord.assistance.services import allocation as allocation_services  # noqa: E402
from concord.core import clock  # noqa: E402
from concord.core.errors import NotFound, ValidationError, referenced  # noqa: E402
from concord.core.exports import FORMATS  # noqa: E402
from concord.registry.models import MemberState  # noqa: E402


def _allocation_out(proposal: AllocationProposal) -> dict[str, Any]:
    names = {state.iso_alpha2: state.name for state in MemberState.objects.all()}
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
def allocation_propose(request: HttpRequest, request_id: str,
                       payload: AllocationIn) -> Status[dict[str, Any]]:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    key = referenced("body.key", allocation_read.burden_key_get, code=payload.key)
    proposal = allocation_services.allocation_propose(actor=request.user, request=found, key=key)
    return Status(201, _allocation_out(proposal))


@router.get("/requests/{request_id}/allocation", response=AllocationOut,
            summary="The latest fair-share proposal of a request, with its inputs and reasons")
def allocation_latest(request: HttpRequest, request_id: str) -> dict[str, Any]:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    proposal = allocation_read.allocation_latest(viewer=request.user, request=found)
    if proposal is None:
        raise NotFound("No proposal has been made for this request.")
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
def request_edxl(request: HttpRequest, request_id: str,
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
def request_lines_hxl(request: HttpRequest, request_id: str,
                      format: str = "csv") -> HttpResponse:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    return hxl.lines_table(request=found, fmt=_table_format(format),
                           lines=allocation_read.request_lines(request=found),
                           pledge_lines=allocation_read.pledge_lines_visible(
                               viewer=request.user, request=found))


@router.get("/requests/{request_id}/hxl/pledges", openapi_extra=_TABLES,
            summary="The pledge lines the caller may see, HXL-tagged, as CSV or XLSX with "
                    "label columns")
def request_pledges_hxl(request: HttpRequest, request_id: str,
                        format: str = "csv") -> HttpResponse:
    found = allocation_read.request_get(viewer=request.user, public_id=request_id)
    return hxl.pledges_table(request=found, fmt=_table_format(format),
                             pledge_lines=allocation_read.pledge_lines_visible(
                                 viewer=request.user, request=found))
