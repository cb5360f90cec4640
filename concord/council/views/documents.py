"""The pages of documents: the list, a document with its texts side by side, versions and their
differences, and the files taken away."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.council import outputs, selectors, services
from concord.council.filters import document_filters
from concord.council.forms import (
    DocumentAgendaItemForm,
    SessionDocumentForm,
    TextForm,
)
from concord.council.models import Document
from concord.council.views._common import LANGUAGE_NAMES, PAGE_SIZE, labelled, language_of
from concord.council.views.consensus import board_context


def document_list(request: HttpRequest) -> HttpResponse:
    filters = document_filters(request.GET).or_warn(request)
    documents = selectors.document_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Symbol"), _("Type"), _("Title (Russian)"), _("Title (English)"),
                  _("Status"), _("Adopted on"), _("Classification")]
        return labelled_table_response(
            filename="documents", fmt=fmt, header=header, records=labelled(documents),
            row=lambda d: [d.symbol, d.get_doc_type_display(), d.title_ru, d.title_en,
                           d.get_status_display(),
                           d.adopted_on.isoformat() if d.adopted_on else "",
                           d.classification_label])
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": filters.q, "type": filters.doc_type,
               "status": filters.status, "sort": filters.sort.param,
               "types": Document.Type.choices, "statuses": Document.Status.choices}
    return render_page(request, "council/document_list.html", context, partial="table")


def document_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    texts = selectors.document_texts(document=document)
    languages = list(texts)
    left = language_of(request.GET.get("left", ""), languages[0] if languages else "ru")
    right = language_of(request.GET.get("right", ""),
                        languages[1] if len(languages) > 1 else left)
    context = {
        **board_context(request, document),
        "texts": texts, "languages": [(code, LANGUAGE_NAMES[code]) for code in languages],
        "agenda_item": selectors.document_agenda_item(document=document),
        "left": selectors.latest_text(document=document, language=left),
        "right": selectors.latest_text(document=document, language=right),
        "left_code": left, "right_code": right,
        "signatures": services.document_verify(document=document),
        "instructions": selectors.instruction_list(viewer=request.user, document=document),
        "treaty": selectors.treaty_status(document=document)
        if document.doc_type == Document.Type.AGREEMENT else None,
    }
    return render(request, "council/document_detail.html", context)


def document_diff(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    texts = selectors.document_texts(document=document)
    language = language_of(request.GET.get("language", ""), next(iter(texts), "ru"))
    versions = texts.get(language, [])
    by_number = {t.version: t for t in versions}

    def pick(name: str, default: int) -> int:
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            return default
        return value if value in by_number else default

    newest = versions[-1].version if versions else 0
    older = pick("from", max(newest - 1, 1))
    newer = pick("to", newest)
    # A version compared with itself shows nothing: the pair is put in order, and a single
    # version is said to have nothing to compare with.
    older, newer = min(older, newer), max(older, newer)
    if older == newer and len(versions) > 1:
        older, newer = (newer - 1, newer) if newer - 1 in by_number else (older, older + 1)
    lines = selectors.text_diff(older=by_number[older], newer=by_number[newer]) \
        if len(versions) > 1 else []
    context = {"document": document, "language": language, "versions": versions,
               "older": older, "newer": newer, "lines": lines,
               "languages": [(code, LANGUAGE_NAMES[code]) for code in texts]}
    return render(request, "council/document_diff.html", context)


@form_page("council.change_document")
def document_text_revise(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    latest = selectors.latest_text(document=document, language=language)
    form = TextForm(posted(request),
                    initial={"language": language, "body": latest.body if latest else ""})
    return submit_to_service(
        request, form,
        call=lambda data: services.document_text_revise(actor=request.user, document=document,
                                                        **data),
        success_url=document.get_absolute_url(), success_message=_("The new version was saved."),
        template="core/form.html",
        context={"title": _("New version of %(symbol)s") % {"symbol": document.symbol},
                 "back": document.get_absolute_url()})


def document_docx(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.document_docx(document=document, language=language),
                            filename=outputs.filename(document, language, "docx"))


def document_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.document_pdf(document=document, language=language),
                            filename=outputs.filename(document, language, "pdf"))


def document_akn(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    return HttpResponse(outputs.document_akn(document=document, language=language),
                        content_type="application/akn+xml")


@form_page("council.add_document")
def document_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = SessionDocumentForm(posted(request),
                               agenda=selectors.session_agenda(viewer=request.user,
                                                               session=session),
                               initial={"agenda_item": request.GET.get("item")})

    def register(data: dict[str, Any]) -> Document:
        texts = {code: data.pop(f"text_{code}") for code in LANGUAGE_NAMES
                 if data.get(f"text_{code}", "").strip()}
        for code in LANGUAGE_NAMES:
            data.pop(f"text_{code}", None)
        return services.document_register(actor=request.user, body=session.body,
                                          session=session, place_ru=session.place_ru,
                                          place_en=session.place_en, texts=texts, **data)

    return submit_to_service(
        request, form, call=register, success_url=lambda document: document.get_absolute_url(),
        success_message=_("The draft was registered."), template="core/form.html",
        context={"title": _("New document for %(session)s") % {"session": session.title},
                 "back": session.get_absolute_url()})


@form_page("council.change_document")
def document_agenda_item(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    session = document.session
    current = selectors.document_agenda_item(document=document)
    agenda = (selectors.session_agenda(viewer=request.user, session=session)
              if session is not None else [])
    form = DocumentAgendaItemForm(posted(request), agenda=agenda,
                                  initial={"agenda_item": current.pk if current else None})
    return submit_to_service(
        request, form,
        call=lambda data: services.document_agenda_item_set(actor=request.user,
                                                            document=document, item=data["agenda_item"]),
        success_url=document.get_absolute_url(),
        success_message=_("The agenda item of the document was saved."),
        template="core/form.html",
        context={"title": _("Agenda item of %(symbol)s") % {"symbol": document.symbol},
                 "back": document.get_absolute_url()})
