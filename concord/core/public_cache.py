"""Public pages served fast and checked cheaply to signed-out visitors: conditional GET (ETag,
Last-Modified) and the rendered page kept in the cache.

Every change Concord makes is audited in the same transaction, so the head of the audit chain
names the state of everything a page may show: a page is the same while the head, the day, the
language, the host and the address are. A kept page is rendered with a stand-in for the CSRF
token, which each visitor gets back filled with their own.

`PublicPageMiddleware`, first in the stack, answers a signed-out visitor's GET of a kept page
from the cache without the rest of the stack: the headers the whole stack gave the page when it
was kept (security, CSP, Vary, language) are given again, the CSRF cookie is handled by
Django's own CSRF middleware, and the body is compressed for a client that accepts gzip. Any
request it is not sure of (a session or other cookie, a bearer token, a plain-HTTP request that
must be redirected, a page not kept yet) goes through the whole stack as before."""

from __future__ import annotations

import hashlib
import struct
import time
import zlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import get_language, get_language_from_request

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


def _etag(request: HttpRequest, state: str, language: str | None = None) -> str:
    seed = f"{state}|{language or get_language()}|{request.get_host()}|{request.get_full_path()}"
    return quote_etag(hashlib.sha256(seed.encode()).hexdigest()[:32])


_KEPT_KEY = "_concord_public_key"
# What a kept page's answer is given again from the whole stack's answer; cookies are each
# visitor's own, and the length, validators and encoding are the fast path's to set.
_NOT_REPLAYED = frozenset({"set-cookie", "content-length", "etag", "last-modified",
                           "content-encoding", "cache-control"})
# A body shorter than this gains too little from compression to pay for it.
GZIP_FROM = 1024
GZIP_LEVEL = 6
# A gzip member's header (RFC 1952): deflate, no name, no time, unknown system.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# Each kept page's parts compressed once per process, the most kept before starting afresh.
_DEFLATED: dict[str, list[bytes]] = {}
DEFLATED_KEPT = 256


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
    setattr(request, _KEPT_KEY, key)
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


def _served_whole(request: HttpRequest) -> bool:
    """Whether the request must go through the whole stack: anything but a plain signed-out GET
    that carries no cookie other than the CSRF and language ones."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return True
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return True
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return any(name not in allowed for name in request.COOKIES)


def _deflate(part: bytes, *, last: bool) -> bytes:
    # A full flush ends each part on a byte with the window reset, so the parts compressed
    # once join around each visitor's token, compressed alone, into one deflate stream.
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(part) + compressor.flush(zlib.Z_FINISH if last
                                                        else zlib.Z_FULL_FLUSH)


def _gzipped(key: str, parts: list[bytes], token: bytes) -> bytes:
    deflated = _DEFLATED.get(key)
    if deflated is None:
        deflated = [_deflate(part, last=n == len(parts) - 1) for n, part in enumerate(parts)]
        if len(_DEFLATED) >= DEFLATED_KEPT:
            _DEFLATED.clear()
        _DEFLATED[key] = deflated
    content = token.join(parts)
    trailer = struct.pack("<II", zlib.crc32(content), len(content) & 0xFFFFFFFF)
    return GZIP_HEADER + _deflate(token, last=False).join(deflated) + trailer


def _not_modified(headers: list[tuple[str, str]]) -> HttpResponseBase:
    response = HttpResponseNotModified()
    for name, value in headers:
        if name.lower() == "vary":
            response[name] = value
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PublicPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        fast = self._from_cache(request)
        if fast is not None:
            return fast
        response = self.get_response(request)
        key = getattr(request, _KEPT_KEY, None)
        # Only an answer that is the kept page itself, setting no cookie but the CSRF one, has
        # headers fit to give every signed-out visitor.
        if key is not None and response.status_code == HTTPStatus.OK \
                and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}:
            headers = [(name, value) for name, value in response.items()
                       if name.lower() not in _NOT_REPLAYED]
            cache.set(f"{key}:headers", headers, settings.CONCORD_PUBLIC_CACHE_SECONDS)
        return response

    def _from_cache(self, request: HttpRequest) -> HttpResponseBase | None:
        if settings.CONCORD_PUBLIC_CACHE_SECONDS <= 0 or _served_whole(request):
            return None
        try:
            etag = _etag(request, _state(), get_language_from_request(request))
        except DisallowedHost:
            return None
        key = f"concord:public:{etag}"
        headers = cache.get(f"{key}:headers")
        if headers is None:
            return None
        response: HttpResponseBase
        # Only a kept page was given this ETag (it hashes the audit head, which no visitor
        # knows): the reader holding it is answered without the page being read.
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = _not_modified(headers)
        else:
            kept = cache.get(key)
            if kept is None:
                return None
            modified = kept[2]
            if modified is not None and _unchanged_since(request, modified):
                response = _not_modified(headers)
            else:
                response = self._page(request, key, kept, headers)
        response["ETag"] = etag
        response["Cache-Control"] = "no-cache"
        # As CommonMiddleware would: without a length the server closes the kept-alive
        # connection after the answer, and the reader has to open a new one.
        response["Content-Length"] = str(len(getattr(response, "content", b"")))
        return response

    def _page(self, request: HttpRequest, key: str, kept: tuple[list[bytes], str, Any],
              headers: list[tuple[str, str]]) -> HttpResponseBase:
        parts, content_type, modified = kept
        response = HttpResponse(content_type=content_type)
        for name, value in headers:
            response[name] = value
        token = b""
        if len(parts) > 1:
            # Django's CSRF middleware reads the visitor's cookie, and sets one if it is new.
            self.csrf.process_request(request)
            token = get_token(request).encode()
        patch_vary_headers(response, ("Accept-Encoding",))
        size = sum(len(part) for part in parts) + len(token) * (len(parts) - 1)
        if size >= GZIP_FROM and "gzip" in request.headers.get("Accept-Encoding", ""):
            response.content = _gzipped(key, parts, token)
            response["Content-Encoding"] = "gzip"
        else:
            response.content = token.join(parts)
        if modified is not None:
            response["Last-Modified"] = http_date(modified.timestamp())
        return self.csrf.process_response(request, response) if len(parts) > 1 else response
