"""The public press pages: the list of publications, each publication in its language, search,
the spokesman's page, and the files. Everything is read as the public reads it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.core.errors import NotFound
from concord.core.public_cache import for_cache, public_page
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.selectors import public
from concord.press.selectors.search import search as search_texts
from concord.registry import selectors as registry

PAGE_SIZE = 20
SPOKESMAN = "spokesman"


def _language(request: HttpRequest) -> str:
    language = (get_language() or "ru")[:2]
    return language if language in LANGUAGE_CODES else "ru"


@public_page(last_modified=public.last_change)
def publication_index(request: HttpRequest) -> HttpResponse:
    pub_type = request.GET.get("type", "")
    if pub_type and pub_type not in Publication.Type.values:
        raise Http404(_("Unknown type of publication."))
    language = _language(request)
    page = Paginator(public.published(pub_type=pub_type), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "press/public/index.html", {
        **for_cache(request), "page": page, "language": language, "pub_type": pub_type,
        "types": Publication.Type.choices,
        "cards": [public.card(item, language) for item in page.object_list]})


def publication_number(request: HttpRequest, number: str) -> HttpResponse:
    """An item's stable address: its text in the reader's language, or the one it has."""
    item = public.publication_by_number(number=number)
    languages = public.languages_of(item)
    if not languages:
        raise NotFound(_("Publication not found."))
    language = _language(request)
    chosen = language if language in languages else languages[0]
    text = public.item_in(item, chosen).text
    return redirect(text.get_absolute_url())


@public_page(last_modified=public.last_change)
def publication_text(request: HttpRequest, number: str, language: str,
                     slug: str) -> HttpResponseBase:
    item = public.publication_by_number(number=number)
    if item.status == Publication.Status.WITHDRAWN:
        return render(request, "press/public/withdrawn.html",
                      {**for_cache(request), "publication": item, "language": language},
                      status=410)
    shown = public.item_in(item, language)
    if slug != shown.text.slug:
        return redirect(shown.text.get_absolute_url(), permanent=True)
    return render(request, "press/public/item.html", {
        **for_cache(request), "item": shown, "publication": item,
        "source": public.source_of(item),
        "related": public.related_of(item),
        "photos": [f for f in item.files.all() if f.kind == "photo"],
        "attachments": [f for f in item.files.all() if f.kind == "attachment"],
        "canonical": request.build_absolute_uri(shown.text.get_absolute_url()),
        "alternate": (request.build_absolute_uri(shown.other.get_absolute_url())
                      if shown.other else "")})


@public_page(last_modified=public.last_change)
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    language = request.GET.get("language") or _language(request)
    if language not in LANGUAGE_CODES:
        raise Http404(_("Unknown language."))
    hits = search_texts(q=q, language=language) if q else []
    return render(request, "press/public/search.html", {
        **for_cache(request), "q": q, "language": language, "hits": hits,
        "languages": [(code, name) for code, name in (("ru", _("Russian")),
                                                      ("en", _("English")))]})


@public_page()
def spokesman(request: HttpRequest) -> HttpResponse:
    position = registry.position_get(viewer=request.user, code=SPOKESMAN)
    return render(request, "press/public/spokesman.html", {
        **for_cache(request), "position": position, "contacts": list(position.contacts.all()),
        "holders": public.holders_today(position)})


def public_file(request: HttpRequest, public_id: str) -> HttpResponse:
    found = public.public_file(public_id=public_id)
    etag = f'"{found.sha256[:32]}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(bytes(found.content), content_type=found.content_type)
        response["Content-Disposition"] = (
            "inline" if found.kind == "photo" else "attachment") + f'; filename="{found.name}"'
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=86400"
    return response
