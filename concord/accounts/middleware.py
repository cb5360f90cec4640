from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from concord.accounts.services import token_authenticate


class BearerTokenMiddleware:
    """`Authorization: Bearer <token>` on the API. A token is no ambient credential, so such a
    request needs no CSRF token; a bad token is refused outright rather than read as anonymous."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header and request.path.startswith("/api/"):
            scheme, _, token = header.partition(" ")
            user = token_authenticate(token.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                body = {"type": "urn:concord:problem:unauthorized", "title": "Unauthorized",
                        "status": 401, "detail": "The bearer token is invalid, expired or revoked.",
                        "instance": request.path}
                response = HttpResponse(json.dumps(body), status=401,
                                        content_type="application/problem+json")
                response["WWW-Authenticate"] = 'Bearer realm="concord"'
                return response
            request.user = user
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)
