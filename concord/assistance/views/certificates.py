"""The pages of end-use certificates and handover acts: issue a certificate for a pledge's
items, sign it as the recipient, draw up a delivery's act and sign it for either side, see each
signature verified against the records as they stand now, and download the signed statement
with its signatures and public keys to check them elsewhere."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.assistance.forms_certificates import (
    ActForm,
    ActSignForm,
    CertificateForm,
    CertificateSignForm,
)
from concord.assistance.models import Delivery, HandoverAct, HandoverSignature
from concord.assistance.selectors import certificates as selectors
from concord.assistance.selectors import requests as requests_read
from concord.assistance.services import handover
from concord.core import clock
from concord.core.audit import canonical_json
from concord.core.errors import NotFound
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.council.models import SignerKey


def _key_out(key: SignerKey) -> dict[str, Any]:
    return {"official": key.official.name_en or key.official.name_ru,
            "fingerprint": key.fingerprint, "public_key": key.public_key}


def _download(name: str, content: dict[str, Any]) -> HttpResponse:
    answer = HttpResponse(json.dumps(content, ensure_ascii=False, indent=2),
                          content_type="application/json; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return answer


# --- End-use certificates --------------------------------------------------------------------

@form_page("assistance.add_endusecertificate")
def certificate_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    pledge = requests_read.pledge_get(viewer=request.user, public_id=public_id)
    lines = pledge.lines.select_related("line").order_by("line__number", "pk")
    form = CertificateForm(posted(request), lines=lines,
                           initial={"issued_on": clock.today(), "lines": list(lines)})
    return submit_to_service(
        request, form,
        call=lambda data: handover.end_use_certificate_issue(actor=request.user, pledge=pledge,
                                                             **data),
        success_url=lambda made: reverse("assistance:certificate-detail", args=[made.public_id]),
        success_message=_("The end-use certificate was issued; it counts once signed."),
        template="core/form.html",
        context={"title": _("End-use certificate for the pledge of %(state)s")
                 % {"state": pledge.state.name},
                 "back": pledge.get_absolute_url()})


def certificate_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    certificate = selectors.certificate_get(viewer=request.user, public_id=public_id)
    may_sign = (not certificate.is_signed
                and request.user.has_perm("assistance.change_endusecertificate"))
    context = {
        "certificate": certificate, "pledge": certificate.pledge,
        "items": selectors.certificate_items(certificate=certificate),
        "check": handover.end_use_certificate_verify(certificate=certificate)
        if certificate.is_signed else None,
        "sign_form": CertificateSignForm(
            keys=selectors.signer_keys_of(state=certificate.recipient),
            initial={"signed_on": clock.today()}) if may_sign else None,
    }
    return render(request, "assistance/certificates/certificate.html", context)


@form_action("assistance.change_endusecertificate")
def certificate_sign(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    certificate = selectors.certificate_get(viewer=request.user, public_id=public_id)
    back = reverse("assistance:certificate-detail", args=[certificate.public_id])
    form = CertificateSignForm(request.POST,
                               keys=selectors.signer_keys_of(state=certificate.recipient))
    return submit_to_service(
        request, form,
        call=lambda data: handover.end_use_certificate_sign(
            actor=request.user, certificate=certificate, key=data["key"],
            signed_on=data["signed_on"], signature=data["signature"] or None),
        success_url=back, refused_url=back,
        success_message=_("The end-use certificate is signed."))


def certificate_download(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    certificate = selectors.certificate_get(viewer=request.user, public_id=public_id)
    if not certificate.is_signed or certificate.key is None:
        raise NotFound(_("The certificate is not signed yet: there is nothing to download."))
    check = handover.end_use_certificate_verify(certificate=certificate)
    return _download(f"end-use-certificate-{certificate.public_id}", {
        "statement": json.loads(certificate.payload), "signature": certificate.signature,
        "signer": _key_out(certificate.key), "valid_when_downloaded": check.valid,
        "problem": check.problem})


# --- Handover acts ---------------------------------------------------------------------------

def _act_keys(delivery: Delivery) -> Any:
    provider, recipient = delivery.pledge.state, delivery.pledge.request.requesting_state
    return (selectors.signer_keys_of(state=provider)
            | selectors.signer_keys_of(state=recipient)).order_by("state__name_ru",
                                                                   "official__name_ru", "pk")


def act_page(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    delivery = requests_read.delivery_get(viewer=request.user, public_id=public_id)
    act = selectors.act_of(delivery=delivery)
    may_sign = request.user.has_perm("assistance.add_handoversignature")
    checks = handover.handover_verify(act=act) if act is not None else []
    signed = {check.side for check in checks}
    context = {
        "delivery": delivery, "pledge": delivery.pledge, "act": act, "checks": checks,
        "items": handover.act_content(act=act)["items"] if act is not None else [],
        "intact": handover.act_intact(act=act) if act is not None else True,
        "draw_form": ActForm(initial={"dated": clock.today(),
                                      "number": f"АКТ-{delivery.reference}"})
        if act is None and may_sign and delivery.status != Delivery.Status.SHIPPED else None,
        "sign_form": ActSignForm(keys=_act_keys(delivery), initial={"signed_on": clock.today()})
        if act is not None and may_sign and len(signed) < len(HandoverSignature.Side) else None,
    }
    return render(request, "assistance/certificates/act.html", context)


@form_action("assistance.add_handoversignature")
def act_draw(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    delivery = requests_read.delivery_get(viewer=request.user, public_id=public_id)
    back = reverse("assistance:delivery-act", args=[delivery.public_id])
    return submit_to_service(
        request, ActForm(request.POST),
        call=lambda data: handover.handover_act_draw(actor=request.user, delivery=delivery,
                                                     **data),
        success_url=back, refused_url=back,
        success_message=_("The handover act was drawn up; each side signs it now."))


@form_action("assistance.add_handoversignature")
def act_sign(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    delivery = requests_read.delivery_get(viewer=request.user, public_id=public_id)
    back = reverse("assistance:delivery-act", args=[delivery.public_id])
    act = selectors.act_of(delivery=delivery)
    if act is None:
        raise NotFound(_("This delivery has no handover act yet."))
    form = ActSignForm(request.POST, keys=_act_keys(delivery))
    return submit_to_service(
        request, form,
        call=lambda data: handover.handover_sign(
            actor=request.user, act=act, side=data["side"], key=data["key"],
            signed_on=data["signed_on"], signature=data["signature"] or None),
        success_url=back, refused_url=back,
        success_message=_("The signature of the handover act was recorded."))


def act_download(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    delivery = requests_read.delivery_get(viewer=request.user, public_id=public_id)
    act: HandoverAct | None = selectors.act_of(delivery=delivery)
    if act is None:
        raise NotFound(_("This delivery has no handover act yet."))
    return _download(f"handover-act-{act.public_id}", {
        "act": json.loads(act.payload),
        "intact_when_downloaded": canonical_json(handover.act_content(act=act)) == act.payload,
        "signatures": [{"side": check.side, "statement": json.loads(check.signature.payload),
                        "signature": check.signature.signature,
                        "signer": _key_out(check.signature.key),
                        "valid_when_downloaded": check.valid, "problem": check.problem}
                       for check in handover.handover_verify(act=act)
                       if check.signature is not None]})
