"""Signatures, signers' keys and an agreement's treaty status."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from concord.core import clock
from concord.core.exports import FORMATS, table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.council import selectors, services, signing
from concord.council.filters import signer_key_filters
from concord.council.forms import (
    SignatureForm,
    SignerKeyForm,
    StatementForm,
    TreatyActionForm,
)
from concord.council.views._common import edit_page


@form_page("council.add_signature")
def document_sign(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Signs with a key the installation holds, or records a signature made outside it over the
    statement this page lets the signer download."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, SignatureForm(posted(request), initial={"signed_on": clock.today()}),
        call=lambda data: services.document_sign(actor=request.user, document=document, **data),
        success_url=document.get_absolute_url(),
        success_message=lambda signature: _("%(name)s signed %(symbol)s.") % {
            "name": signature.official.name, "symbol": document.symbol},
        template="council/document_sign.html",
        context={"document": document, "back": document.get_absolute_url(),
                 "statement_form": StatementForm(initial={"signed_on": clock.today()},
                                                 auto_id="statement_%s"),
                 "title": _("Signature of %(symbol)s") % {"symbol": document.symbol}})


@login_required
@permission_required("council.add_signature", raise_exception=True)
@require_GET
def document_statement(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The exact bytes an external signer signs for one key and day: the canonical statement."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    if document.status != document.Status.ADOPTED:
        return HttpResponseBadRequest(_("Only an adopted document is signed."),
                                      content_type="text/plain; charset=utf-8")
    form = StatementForm(request.GET)
    if not form.is_valid():
        problems = "; ".join(f"{form.fields[name].label if name in form.fields else name}: "
                             f"{' '.join(str(m) for m in found)}" for name, found in form.errors.items())
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    key = form.cleaned_data["key"]
    signed_on = form.cleaned_data["signed_on"] or clock.today()
    statement = services.signature_statement(document=document, key=key, signed_on=signed_on)
    response = HttpResponse(signing.statement_bytes(statement),
                            content_type="application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="{document.symbol.replace("/", "-")}-{key.fingerprint[:16]}-'
        f'{signed_on.isoformat()}.statement.json"')
    return response


@form_page("council.add_treatyaction")
def document_treaty_action(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    initial: dict[str, Any] = {}
    code = request.GET.get("state", "").upper()
    recorded = next((a for a in selectors.treaty_status(document=document).rows
                     if a.state.iso_alpha2 == code), None)
    if recorded is not None:
        initial = {"state": code, "signed_on": recorded.signed_on,
                   "ratified_on": recorded.ratified_on, "deposited_on": recorded.deposited_on,
                   "reservations": recorded.reservations}
    elif code:
        initial = {"state": code}
    return edit_page(
        request, TreatyActionForm(posted(request), initial=initial),
        call=lambda data: services.treaty_action_record(actor=request.user, document=document,
                                                        **data),
        back=document.get_absolute_url(), message=_("The state's treaty status was recorded."),
        title=_("Treaty status of %(symbol)s") % {"symbol": document.symbol})


@require_http_methods(["GET", "POST"])
def signer_key_list(request: HttpRequest) -> HttpResponse:
    """The signers' public keys, which anyone may read to check a signature; those allowed
    register a key here or have one generated."""
    if request.method == "POST" and not request.user.has_perm("council.add_signerkey"):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    filters = signer_key_filters(request.GET).or_warn(request)
    keys = selectors.signer_key_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Official"), _("Signs for"), _("Fingerprint"), _("Public key (base64)"),
                  _("Registered"), _("Revoked")]
        rows = ([k.official.name, k.state.name if k.state else "", k.fingerprint, k.public_key,
                 k.created_at.date().isoformat(),
                 k.revoked_at.date().isoformat() if k.revoked_at else ""] for k in keys)
        return table_response(filename="signer-keys", fmt=fmt, header=header, rows=rows)

    def register(data: dict[str, Any]) -> object:
        public_key = data.pop("public_key").strip()
        if public_key:
            return services.signer_key_register(actor=request.user, public_key=public_key,
                                                **data)
        return services.signer_key_create(actor=request.user, **data)

    return submit_to_service(
        request, SignerKeyForm(posted(request)), call=register,
        success_url=reverse("council:signer-key-list"),
        success_message=_("The signer key was registered."), template="council/signer_keys.html",
        context={"keys": keys, "q": filters.q, "sort": filters.sort.param})


@form_action("council.change_signerkey")
def signer_key_revoke(request: HttpRequest, fingerprint: str) -> HttpResponse:
    key = selectors.signer_key_get(viewer=request.user, fingerprint=fingerprint)
    back = reverse("council:signer-key-list")
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.signer_key_revoke(actor=request.user, key=key),
        success_url=back, refused_url=back,
        success_message=_("The key of %(name)s was revoked.") % {"name": key.official.name})
