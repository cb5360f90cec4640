"""Public pages served fast and checked cheaply to signed-out visitors: conditional GET (ETag,
Last-Modified) and the rendered page kept in the cache.

Every change Concord makes is audited in the same transaction, so the head of the audit chain
names the state of everything a page may show: a page is the same while the head, the day, the
language and the address are. A kept page is rendered with a stand-in for the CSRF token, which
each visitor gets back filled with their own."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import get_language

from concord.core import clock
from concord.core.models import AuditHead

CSRF_STAND_IN = "concord-csrf-stand-in-0f6c2d"
_RENDERING_FOR_CACHE = "_concord_rendering_for_cache"

View = Callable[..., HttpResponseBase]


def for_cache(request: HttpRequest) -> dict[str, Any]:
    """What a public view adds to its context: the stand-in token when its page is kept."""
    return {"csrf_token": CSRF_STAND_IN} if getattr(request, _RENDERING_FOR_CACHE, False) else {}


def _state() -> str:
    head = AuditHead.objects.filter(pk=1).values_list("hash", flat=True).first()
    return f"{head or ''}|{clock.today().isoformat()}"


def _etag(request: HttpRequest, state: str) -> str:
    seed = f"{state}|{get_language()}|{request.get_full_path()}"
    return quote_etag(hashlib.sha256(seed.encode()).hexdigest()[:32])


def _not_modified(request: HttpRequest, etag: str, modified: datetime | None) -> bool:
    asked = request.headers.get("If-None-Match")
    if asked:
        return etag in parse_etags(asked) or asked.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return modified is not None and since is not None and int(modified.timestamp()) <= since


def public_page(last_modified: Callable[[], datetime | None] | None = None
                ) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            # A signed-in user's page carries their own menu and messages: it is rendered anew.
            if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
                return view(request, *args, **kwargs)
            state = _state()
            etag = _etag(request, state)
            modified = last_modified() if last_modified else None
            if _not_modified(request, etag, modified):
                response: HttpResponseBase = HttpResponseNotModified()
            else:
                response = _render(view, request, etag, args, kwargs)
            response["ETag"] = etag
            if modified is not None:
                response["Last-Modified"] = http_date(modified.timestamp())
            response["Cache-Control"] = "no-cache"
            return response

        return serve

    return decorate


def _render(view: View, request: HttpRequest, etag: str, args: Any, kwargs: Any
            ) -> HttpResponseBase:
    seconds = settings.CONCORD_PUBLIC_CACHE_SECONDS
    if seconds <= 0 or len(messages.get_messages(request)):
        return view(request, *args, **kwargs)
    key = f"concord:public:{etag}"
    kept = cache.get(key)
    if kept is None:
        setattr(request, _RENDERING_FOR_CACHE, True)
        response = view(request, *args, **kwargs)
        setattr(request, _RENDERING_FOR_CACHE, False)
        if response.status_code != HTTPStatus.OK or not isinstance(response, HttpResponse) \
                or response.streaming:
            return response
        kept = (bytes(response.content), response.get("Content-Type", "text/html"))
        cache.set(key, kept, seconds)
    content, content_type = kept
    token = get_token(request).encode()
    return HttpResponse(content.replace(CSRF_STAND_IN.encode(), token),
                        content_type=content_type)
