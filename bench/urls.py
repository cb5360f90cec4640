"""Concord's URLs and one bare view: the floor a request through the same server and the same
middleware can cost, which the load benchmark measures beside the real pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

# Django reads the 500 handler from the root URLconf: pages answer 503 when busy as in Concord.
from config.urls import handler500
from config.urls import urlpatterns as concord_urlpatterns

BARE_PATH = "/bench/bare/"
# The bare view again, answering with a body of as many bytes as the path asks: what serving a
# page's bytes costs without Concord.
BARE_SIZED_PATH = "/bench/bare/{size}/"
LARGEST_BARE = 1 << 20


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def bare_sized(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(b"x" * min(size, LARGEST_BARE), content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare),
               path(BARE_PATH.strip("/") + "/<int:size>/", bare_sized), *concord_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
