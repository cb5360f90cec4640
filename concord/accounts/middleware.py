from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.accounts.services import token_authenticate
from concord.core.errors import Forbidden
from concord.core.middleware import audit_refusal
from concord.core.renderers import json_response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY_ATTRIBUTE = "concord_read_only_token"


def _problem(request: HttpRequest, *, status: int, title: str, slug: str,
             detail: str) -> HttpResponse:
    body = {"type": f"urn:concord:problem:{slug}", "title": title, "status": status,
            "detail": detail, "instance": request.path}
    response = json_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


class BearerTokenMiddleware:
    """`Authorization: Bearer <token>` on the API. A token is no ambient credential, so such a
    request needs no CSRF token; a bad token is refused outright rather than read as anonymous.
    A read-only token is refused on an unsafe method once the view is known, so that the
    refusal's audit entry names the operation and the address it came from."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header and request.path.startswith("/api/"):
            scheme, _space, plaintext = header.partition(" ")
            token = token_authenticate(plaintext.strip()) if scheme.lower() == "bearer" else None
            if token is None:
                response = _problem(request, status=401, title="Unauthorized",
                                    slug="unauthorized",
                                    detail="The bearer token is invalid, expired or revoked.")
                response["WWW-Authenticate"] = 'Bearer realm="concord"'
                return response
            request.user = token.user
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
            setattr(request, READ_ONLY_ATTRIBUTE, token.read_only)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any,
                     kwargs: Any) -> HttpResponse | None:
        if not getattr(request, READ_ONLY_ATTRIBUTE, False) or request.method in SAFE_METHODS:
            return None
        refusal = Forbidden(_("This token is read-only: it may only read."))
        audit_refusal(request, "read-only token")
        return _problem(request, status=refusal.status, title=str(refusal.title),
                        slug="forbidden", detail=refusal.detail)
