from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.core import context
from concord.core.audit import audit_denial
from concord.core.errors import DomainError, Forbidden, NotFound


def client_address(request: HttpRequest) -> str:
    """The peer's address, or the one the trusted proxies in front of Concord saw."""
    proxies = settings.CONCORD_TRUSTED_PROXIES
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])[:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = "api" if request.path.startswith("/api/") else "web"
        with context.bind(context.RequestContext(client_address(request), channel)):
            return self.get_response(request)


class DomainErrorMiddleware:
    """Pages show a domain error as a message on an error page, never as a stack trace."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, PermissionDenied | Forbidden):
            audit_refusal(request, str(exception))
        if not isinstance(exception, DomainError):
            return None
        if isinstance(exception, NotFound):
            template = "404.html"
        elif isinstance(exception, Forbidden):
            template = "403.html"
        else:
            template = "core/domain_error.html"
        return render(request, template, {"error": exception}, status=exception.status)


def audit_refusal(request: HttpRequest, reason: str) -> None:
    match = request.resolver_match
    view = match.view_name if match else "unknown"
    audit_denial(actor=request.user, action=f"{view}.{request.method.lower() if request.method else 'get'}",
                 target_type="url", target_id=request.path, reason=reason)
