"""Machine-readable public output: Atom feeds per language and type, the sitemap, and the
calendar of public sessions and press events."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.public_cache import public_page
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.outputs.atom import atom_feed
from concord.press.outputs.ical import public_calendar
from concord.press.outputs.sitemap import sitemap as sitemap_xml
from concord.press.selectors import public

FEED_LENGTH = 50


def _feed_url(language: str, pub_type: str) -> str:
    if pub_type:
        return reverse("press:feed-type", args=[language, pub_type])
    return reverse("press:feed", args=[language])


def feed_bytes(*, language: str, pub_type: str, absolute: Callable[[str], str]) -> bytes:
    """The Atom feed of one language (and type) as the public reads it."""
    other = "en" if language == "ru" else "ru"
    items = public.published(language=language, pub_type=pub_type,
                             with_withdrawn=True)[:FEED_LENGTH]
    page = reverse("press:index") + (f"?type={pub_type}" if pub_type else "")
    return atom_feed(language=language, pub_type=pub_type, items=items,
                     self_url=absolute(_feed_url(language, pub_type)), page_url=absolute(page),
                     other_feed_url=absolute(_feed_url(other, pub_type)), absolute=absolute)


@public_page(last_modified=public.last_change)
def feed(request: HttpRequest, language: str, pub_type: str = "") -> HttpResponse:
    if language not in LANGUAGE_CODES:
        raise Http404(_("Unknown language."))
    if pub_type and pub_type not in Publication.Type.values:
        raise Http404(_("Unknown type of publication."))
    body = feed_bytes(language=language, pub_type=pub_type,
                      absolute=request.build_absolute_uri)
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


@public_page(last_modified=public.last_change)
def sitemap(request: HttpRequest) -> HttpResponse:
    pages = [reverse("portal:home"), reverse("press:index"), reverse("press:spokesman")]
    body = sitemap_xml(items=public.published(), pages=pages,
                       absolute=request.build_absolute_uri)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@public_page()
def calendar(request: HttpRequest) -> HttpResponse:
    language = request.GET.get("language", "ru")
    if language not in LANGUAGE_CODES:
        raise Http404(_("Unknown language."))
    body = public_calendar(sessions=public.sessions_public(), events=public.events(),
                           language=language, absolute=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="concord-press.ics"'
    return response
