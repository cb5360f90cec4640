# No `from __future__ import annotations`: django-ninja reads the annotations at request time.

import json
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.allowance import refusals_bounded
from concord.core.audit import canonical_json
from concord.core.errors import ValidationError
from concord.core.middleware import client_address
from concord.core.pagination import LazyPage, lazily
from concord.federation import local, transport
from concord.federation.models import ReceivedCopy
from concord.federation.schemas import FederatedCopyOut
from concord.federation.selectors import copies as read
from concord.federation.services import exchange
from concord.federation.services import witness as witness_services
from concord.federation.services.transport import node_request_authenticate

router = Router(tags=["federation"])

_SIGNED = {
    "description": "Signed node requests only: X-Concord-Node, X-Concord-Key, X-Concord-Time "
                   "and X-Concord-Signature (see docs/federation.md).",
    "responses": {403: {
        "description": "Not signed by an active key of a registered node, too far from now, "
                       "or a request already answered.",
        "content": {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"}}}}}}


def _signed_answer(request: HttpRequest, status: int, document: dict[str, Any]) -> HttpResponse:
    body = canonical_json(document).encode("utf-8")
    at = clock.now().isoformat()
    response = HttpResponse(body, status=status, content_type="application/json")
    message = transport.response_message(
        status, request.get_full_path(), at, body,
        request.headers.get(transport.SIGNATURE, ""))
    for name, value in transport.signed_headers(message, key=local.node_key(), at=at).items():
        response[name] = value
    return response


@router.post("/bundles", summary="Push a bundle from another node", openapi_extra=_SIGNED)
def bundle_push(request: HttpRequest) -> HttpResponse:
    node = node_request_authenticate(method="POST", path=request.get_full_path(),
                                     headers=request.headers, body=request.body)
    try:
        bundle = json.loads(request.body)
    except ValueError:
        raise ValidationError(_("The bundle is refused."),
                              errors={"body": [_("The body is not a JSON document.")]}) from None
    report = exchange.bundle_import(actor=SYSTEM, bundle=bundle, via=node)
    return _signed_answer(request, 200, {
        "distribution_id": report.distribution_id, "sender": report.sender,
        "status": report.status, "accepted": len(report.accepted),
        "unchanged": report.unchanged, "withdrawn": len(report.withdrawn),
        "refused": [{"index": index, "field": field, "reason": reason}
                    for index, field, reason in report.refused]})


@router.get("/bundles", summary="Pull the bundle this node holds for the calling node",
            openapi_extra=_SIGNED)
def bundle_pull(request: HttpRequest, since: int = 0) -> HttpResponse:
    node = node_request_authenticate(method="GET", path=request.get_full_path(),
                                     headers=request.headers, body=b"")
    bundle = exchange.bundle_export(actor=SYSTEM, node=node, since=max(since, 0))
    return _signed_answer(request, 200, bundle)


@router.get("/copies", response=list[FederatedCopyOut],
            summary="Copies received from other nodes (real ones, or exercise ones)")
@paginate(LimitOffsetPagination)
def copies(request: HttpRequest, exercise: bool = False, origin: str = "",
           record_type: str = "") -> LazyPage[ReceivedCopy]:
    return lazily(read.copy_list(viewer=request.user, exercise=exercise, origin=origin,
                                 record_type=record_type))


@router.get("/copies/{copy_id}", response=FederatedCopyOut, summary="A received copy")
def copy_read(request: HttpRequest, copy_id: UUID) -> ReceivedCopy:
    return read.copy_get(viewer=request.user, public_id=copy_id)

# --- Mutual witnessing of audit checkpoints ---------------------------------------------------
# A peer's checkpoint note signs itself: the origin's key, registered out of band, is what is
# trusted here, so the caller needs no account.


_NOTE = {"content": {"text/plain": {"schema": {"type": "string"}, "example": (
    "tj/concord-audit\n1024\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
    "\u2014 tj/concord-audit Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGz"
    "Gku9nTo+zyWE+xeMcTOAYQ8=\n")}}}


@router.post("/witness/cosign", summary="Cosign a peer's audit checkpoint (C2SP signed note)",
             description=(
                 "The body is the peer's checkpoint note, signed by its active node key. The "
                 "answer is the same note with this node's cosignature (cosignature/v1). A note "
                 "whose size repeats a witnessed one with another head (a fork), or is smaller "
                 "(a rollback), is refused with 409 and kept as evidence. An address refused "
                 "too often is answered 429, with Retry-After, until its window ends."),
             openapi_extra={"requestBody": {"required": True, **_NOTE},
                            "responses": {200: {"description": "The cosigned note", **_NOTE},
                                          429: {"description": "Too many refused notes"}}})
def witness_cosign(request: HttpRequest) -> HttpResponse:
    with refusals_bounded("witness", client_address(request),
                          limit=settings.CONCORD_WITNESS_REFUSALS,
                          window=settings.CONCORD_WITNESS_REFUSAL_WINDOW):
        text = witness_services.decode_note(request.body, source="body")
        cosigned = witness_services.witness_cosign(actor=SYSTEM, text=text)
    return HttpResponse(cosigned.text(), content_type="text/plain; charset=utf-8")
