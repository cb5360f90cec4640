# No `from __future__ import annotations`: django-ninja reads the annotations at request time.

from ninja import Router

router = Router(tags=["federation"])


# --- Mutual witnessing of audit checkpoints ---------------------------------------------------
# A peer's checkpoint note signs itself: the origin's key, registered out of band, is what is
# trusted here, so the caller needs no account.

from django.http import HttpRequest, HttpResponse  # noqa: E402

from concord.core.actors import SYSTEM  # noqa: E402
from concord.federation.services import witness as witness_services  # noqa: E402

_NOTE = {"content": {"text/plain": {"schema": {"type": "string"}, "example": (
    "tj/concord-audit\n1024\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
    "\u2014 tj/concord-audit Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGz"
    "Gku9nTo+zyWE+xeMcTOAYQ8=\n")}}}


@router.post("/witness/cosign", summary="Cosign a peer's audit checkpoint (C2SP signed note)",
             description=(
                 "The body is the peer's checkpoint note, signed by its active node key. The "
                 "answer is the same note with this node's cosignature (cosignature/v1). A note "
                 "whose size repeats a witnessed one with another head (a fork), or is smaller "
                 "(a rollback), is refused with 409 and kept as evidence."),
             openapi_extra={"requestBody": {"required": True, **_NOTE},
                            "responses": {200: {"description": "The cosigned note", **_NOTE}}})
def witness_cosign(request: HttpRequest) -> HttpResponse:
    text = witness_services.decode_note(request.body, source="body")
    cosigned = witness_services.witness_cosign(actor=SYSTEM, text=text)
    return HttpResponse(cosigned.text(), content_type="text/plain; charset=utf-8")
