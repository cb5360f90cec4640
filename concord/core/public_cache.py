"""Public pages served fast and checked cheaply to signed-out visitors: conditional GET (ETag,
Last-Modified) and the rendered page kept in the cache.

Every change Concord makes is audited in the same transaction, so the head of the audit chain
names the state of everything a page may show: a page is the same while the head, the day, the
language and the address are. A kept page is rendered with a stand-in for the CSRF token, which
each visitor gets back filled with their own."""

from __future__ import annotations

import hashlib
import time
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
Modified = Callable[[], datetime | None] | None


def for_cache(request: HttpRequest) -> dict[str, Any]:
    """What a public view adds to its context: the stand-in token when its page is kept."""
    return {"csrf_token": CSRF_STAND_IN} if getattr(request, _RENDERING_FOR_CACHE, False) else {}


# The state read last, and until when it stands in for a fresh read: a page changed by a write
# is served as it was for at most this long, and a busy public site reads the audit head once a
# second instead of once a request.
_remembered: list[tuple[str, float]] = []
STATE_SECONDS = 1.0


def _state() -> str:
    kept = settings.CONCORD_PUBLIC_CACHE_SECONDS > 0
    if kept and _remembered and _remembered[0][1] > time.monotonic():
        return _remembered[0][0]
    head = AuditHead.objects.filter(pk=1).values_list("hash", flat=True).first()
    state = f"{head or ''}|{clock.today().isoformat()}"
    if kept:
        _remembered[:] = [(state, time.monotonic() + STATE_SECONDS)]
    return state


def _etag(request: HttpRequest, state: str) -> str:
    seed = f"{state}|{get_language()}|{request.get_full_path()}"
    return quote_etag(hashlib.sha256(seed.encode()).hexdigest()[:32])


def _unchanged_since(request: HttpRequest, modified: datetime) -> bool:
    if request.headers.get("If-None-Match"):
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(modified.timestamp()) <= since


def public_page(last_modified: Modified = None) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            # A signed-in user's page carries their own menu and messages: it is rendered anew.
            if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
                return view(request, *args, **kwargs)
            etag = _etag(request, _state())
            # A reader holding the page asks with its ETag, which settles it without a query.
            if etag in parse_etags(request.headers.get("If-None-Match", "")):
                response: HttpResponseBase = HttpResponseNotModified()
            else:
                response, modified = _render(view, request, etag=etag,
                                             last_modified=last_modified, args=args,
                                             kwargs=kwargs)
                if modified is not None:
                    response["Last-Modified"] = http_date(modified.timestamp())
                    if _unchanged_since(request, modified):
                        response = HttpResponseNotModified()
            response["ETag"] = etag
            response["Cache-Control"] = "no-cache"
            return response

        return serve

    return decorate


def _render(view: View, request: HttpRequest, *, etag: str, last_modified: Modified,
            args: Any, kwargs: Any) -> tuple[HttpResponseBase, datetime | None]:
    seconds = settings.CONCORD_PUBLIC_CACHE_SECONDS
    if seconds <= 0 or len(messages.get_messages(request)):
        return view(request, *args, **kwargs), last_modified() if last_modified else None
    key = f"concord:public:{etag}"
    kept = cache.get(key)
    if kept is None:
        setattr(request, _RENDERING_FOR_CACHE, True)
        response = view(request, *args, **kwargs)
        setattr(request, _RENDERING_FOR_CACHE, False)
        modified = last_modified() if last_modified else None
        if response.status_code != HTTPStatus.OK or not isinstance(response, HttpResponse) \
                or response.streaming:
            return response, modified
        kept = (bytes(response.content).split(CSRF_STAND_IN.encode()),
                response.get("Content-Type", "text/html"), modified)
        cache.set(key, kept, seconds)
    parts, content_type, modified = kept
    # A feed or a sitemap holds no form: only a page with one costs its reader a token.
    content = get_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
    return HttpResponse(content, content_type=content_type), modified
