"""Signing in (password, then the second factor where required), out, and one's own profile."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from concord.accounts import backends, selectors, services
from concord.accounts.forms import CodeForm, PasswordForm, SignInForm, TokenForm
from concord.accounts.models import ApiToken, User
from concord.core.actors import SYSTEM
from concord.core.errors import DomainError, NotFound
from concord.core.forms import apply_domain_errors, posted
from concord.core.middleware import client_address

PENDING_KEY = "concord_pending_user"
PENDING_AT_KEY = "concord_pending_at"
ENROL_SECRET_KEY = "concord_enrol_secret"  # noqa: S105  (a session key name)
PENDING_SECONDS = 300


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _finish(request: HttpRequest, user: User) -> HttpResponse:
    target = _next_url(request)
    login(request, user, backend=backends.PATH)
    for key in (PENDING_KEY, PENDING_AT_KEY, ENROL_SECRET_KEY):
        request.session.pop(key, None)
    services.sign_in_complete(user=user, client_address=client_address(request))
    return HttpResponseRedirect(target)


def _pending_user(request: HttpRequest) -> User | None:
    user_id = request.session.get(PENDING_KEY)
    started = request.session.get(PENDING_AT_KEY, 0)
    if user_id is None or time.time() - float(started) > PENDING_SECONDS:
        return None
    try:
        return selectors.user_get(viewer=SYSTEM, pk=int(user_id))
    except NotFound:  # deactivated while signing in
        return None


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = SignInForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = services.password_check(
                request=request, username=form.cleaned_data["username"],
                password=form.cleaned_data["password"], client_address=client_address(request))
        except services.SignInRefused as refused:
            form.add_error(None, str(refused))
        else:
            if not user.needs_second_factor:
                return _finish(request, user)
            request.session.cycle_key()
            request.session[PENDING_KEY] = user.pk
            request.session[PENDING_AT_KEY] = time.time()
            step = "accounts:verify" if hasattr(user, "totp_device") else "accounts:enrol"
            query = "?" + urlencode({"next": request.POST["next"]}) if request.POST.get("next") else ""
            return redirect(reverse(step) + query)
    return render(request, "accounts/sign_in.html",
                  {"form": form, "next": request.GET.get("next", "")},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or not hasattr(user, "totp_device"):
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        address = client_address(request)
        if services.sign_in_locked(username=user.username, client_address=address):
            form.add_error(None, _("Too many failed attempts. Try again later."))
        else:
            try:
                services.totp_verify(user=user, code=form.cleaned_data["code"],
                                     client_address=address)
            except DomainError as error:
                apply_domain_errors(form, error)
            else:
                return _finish(request, user)
    return render(request, "accounts/verify.html", {"form": form, "next": request.GET.get("next", "")},
                  status=400 if form.errors else 200)


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or hasattr(user, "totp_device"):
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    secret = request.session.get(ENROL_SECRET_KEY)
    if not secret:
        secret = services.totp_new_secret()
        request.session[ENROL_SECRET_KEY] = secret
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        address = client_address(request)
        if services.sign_in_locked(username=user.username, client_address=address):
            form.add_error(None, _("Too many failed attempts. Try again later."))
        else:
            try:
                services.totp_enrol(user=user, secret=secret, code=form.cleaned_data["code"],
                                    client_address=address)
            except DomainError as error:
                apply_domain_errors(form, error)
            else:
                return _finish(request, user)
    uri = services.totp_uri(user=user, secret=secret)
    context: dict[str, Any] = {
        "form": form, "secret": secret, "qr_svg": mark_safe(_qr_svg(uri)),
        "next": request.GET.get("next", ""), "pending_user": user,
    }
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if isinstance(request.user, User):
        services.sign_out_record(user=request.user)
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


def _own_token(user: User, public_id: str) -> ApiToken | None:
    try:
        return selectors.token_get(viewer=user, public_id=uuid.UUID(public_id))
    except (ValueError, NotFound):  # a tampered form: nothing of the user's to revoke
        return None


def _revoke(request: HttpRequest, user: User) -> HttpResponse:
    token = _own_token(user, request.POST.get("token", ""))
    if token is not None:
        services.token_revoke(actor=user, token=token)
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


def _revoke_all(request: HttpRequest, user: User) -> HttpResponse:
    count = services.token_revoke_all(actor=user, user=user)
    if count:
        messages.success(request, ngettext(
            "%(count)d token was revoked and no longer works.",
            "%(count)d tokens were revoked and no longer work.",
            count) % {"count": count})
    else:
        messages.info(request, _("You have no token to revoke."))
    return redirect("accounts:profile")


_REVOKE_ACTIONS: dict[str, Callable[[HttpRequest, User], HttpResponse]] = {
    "revoke": _revoke, "revoke-all": _revoke_all}


def _password_refused(form: PasswordForm, error: DomainError) -> None:
    # The service speaks of "password"; on this form that is the new one.
    for message in error.errors.pop("password", []):
        form.add_error("new", message)
    if error.errors:
        apply_domain_errors(form, error)


@login_required
@sensitive_post_parameters("current", "new", "repeat")
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):  # login_required let only a signed-in user through
        return redirect("accounts:login")
    password_form = PasswordForm(user=user)
    token_form = TokenForm()
    issued: str | None = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            revoking = _REVOKE_ACTIONS.get(action or "")
            if revoking is not None:
                return revoking(request, user)
            if action == "password":
                password_form = PasswordForm(request.POST, user=user)
                if password_form.is_valid():
                    services.user_set_password(actor=user, user=user,
                                               password=password_form.cleaned_data["new"])
                    update_session_auth_hash(request, user)
                    messages.success(request, _("Your password was changed. Other sessions "
                                                "have been signed out and your API tokens "
                                                "no longer work."))
                    return redirect("accounts:profile")
            elif action == "token":
                token_form = TokenForm(request.POST)
                if token_form.is_valid():
                    issued = services.token_create(
                        actor=user, user=user, name=token_form.cleaned_data["name"],
                        days=token_form.cleaned_data["days"],
                        read_only=token_form.cleaned_data["read_only"]).plaintext
                    token_form = TokenForm()
        except DomainError as error:
            if action == "password":
                _password_refused(password_form, error)
            else:
                apply_domain_errors(token_form, error)
    context = {
        "password_form": password_form, "token_form": token_form, "issued_token": issued,
        "tokens": selectors.token_list(viewer=user)[:50],
        "has_second_factor": hasattr(user, "totp_device"),
        "has_live_tokens": selectors.token_has_live(viewer=user),
    }
    invalid = password_form.errors or token_form.errors
    return render(request, "accounts/profile.html", context, status=400 if invalid else 200)
