"""The press desk: the press officer drafts, submits, corrects and withdraws; a second person of
the secretariat approves publication or sends an item back."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.press import forms
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.selectors import publications as selectors
from concord.press.services import files, issuing
from concord.press.services import publications as services
from concord.press.services.publications import Wording

VIEW, ADD, CHANGE = "press.view_publication", "press.add_publication", "press.change_publication"


def _language(language: str) -> str:
    if language not in LANGUAGE_CODES:
        raise Http404(_("Unknown language."))
    return language


@login_required
@permission_required(VIEW, raise_exception=True)
def publication_list(request: HttpRequest) -> HttpResponse:
    status = tuple(s for s in request.GET.getlist("status") if s in Publication.Status.values)
    items = selectors.publication_list(viewer=request.user, status=status)
    return render(request, "press/desk/list.html", {
        "items": items[:200], "statuses": Publication.Status.choices, "chosen": status})


@login_required
@permission_required(VIEW, raise_exception=True)
def publication_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    texts = list(publication.texts.all())
    return render(request, "press/desk/detail.html", {
        "publication": publication,
        "current": [t for t in texts if t.superseded_at is None],
        "earlier": [t for t in texts if t.superseded_at is not None],
        "missing": [code for code in LANGUAGE_CODES
                    if not any(t.language == code and t.superseded_at is None for t in texts)],
        "waiting": selectors.label_change_waiting(publication=publication),
        "files": list(publication.files.all()),
        "withdrawal": forms.WithdrawalForm(), "file_form": forms.FileForm()})


def _wordings(data: dict[str, Any]) -> dict[str, Wording]:
    return {code: Wording(title=data[f"title_{code}"], body=data[f"body_{code}"],
                          lead=data[f"lead_{code}"])
            for code in LANGUAGE_CODES if data[f"title_{code}"] or data[f"body_{code}"]}


@form_page(ADD)
def publication_create(request: HttpRequest) -> HttpResponse:
    form = forms.PublicationForm(posted(request),
                                 sessions=selectors.sessions_for(viewer=request.user),
                                 documents=selectors.documents_for(viewer=request.user),
                                 exercises=selectors.exercises_for(viewer=request.user),
                                 operations=selectors.operations_for(viewer=request.user))

    def draft(data: dict[str, Any]) -> Publication:
        return services.publication_draft(
            actor=request.user, pub_type=data["pub_type"], texts=_wordings(data),
            translation=data["translation"], sections=data["sections"],
            session=data["session"], documents=data["documents"], states=data["states"],
            embargo_until=data["embargo_until"], event_starts_at=data["event_starts_at"],
            event_place_ru=data["event_place_ru"], event_place_en=data["event_place_en"],
            exercises=data["exercises"], operations=data["operations"])

    return submit_to_service(
        request, form, call=draft, success_url=lambda p: p.get_absolute_url(),
        success_message=_("The publication was drafted."), template="press/desk/form.html",
        context={"title": _("New publication"), "back": reverse("press:publication-list")})


@form_page(ADD)
def publication_issue(request: HttpRequest) -> HttpResponse:
    form = forms.IssueForm(posted(request),
                           documents=selectors.issuable_documents(viewer=request.user))
    return submit_to_service(
        request, form,
        call=lambda data: issuing.publication_issue(actor=request.user,
                                                    document=data["document"]),
        success_url=lambda p: p.get_absolute_url(),
        success_message=_("The publication was drafted from the adopted document."),
        template="press/desk/form.html",
        context={"title": _("Issue an adopted document"),
                 "back": reverse("press:publication-list")})


@form_page(CHANGE)
def publication_write(request: HttpRequest, public_id: UUID, language: str) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    language = _language(language)
    current = next((t for t in publication.texts.all()
                    if t.language == language and t.superseded_at is None), None)
    initial = ({"title": current.title, "lead": current.lead, "body": current.body}
               if current else {})
    form = forms.WordingForm(posted(request), initial=initial)
    out = publication.status in Publication.OUT

    def write(data: dict[str, Any]) -> object:
        wording = Wording(title=data["title"], body=data["body"], lead=data["lead"])
        if out:
            return services.publication_translate(actor=request.user, publication=publication,
                                                  language=language, wording=wording)
        return services.publication_text_write(actor=request.user, publication=publication,
                                               language=language, wording=wording)

    return submit_to_service(
        request, form, call=write, success_url=publication.get_absolute_url(),
        success_message=_("The text was saved."), template="press/desk/form.html",
        context={"title": _("Text of %(number)s (%(language)s)")
                 % {"number": publication.number, "language": language.upper()},
                 "back": publication.get_absolute_url()})


@form_page(CHANGE)
def publication_correct(request: HttpRequest, public_id: UUID, language: str) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    language = _language(language)
    current = next((t for t in publication.texts.all()
                    if t.language == language and t.superseded_at is None), None)
    if current is None:
        raise Http404(_("This language has no text yet."))
    form = forms.CorrectionForm(posted(request), initial={
        "title": current.title, "lead": current.lead, "body": current.body})
    return submit_to_service(
        request, form,
        call=lambda data: services.publication_correct(
            actor=request.user, publication=publication, language=language,
            wording=Wording(title=data["title"], body=data["body"], lead=data["lead"]),
            note=data["note"]),
        success_url=publication.get_absolute_url(),
        success_message=_("The correction was published."), template="press/desk/form.html",
        context={"title": _("Correct %(number)s (%(language)s)")
                 % {"number": publication.number, "language": language.upper()},
                 "back": publication.get_absolute_url()})


def _button(request: HttpRequest, public_id: UUID, act: Any, message: str) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    back = publication.get_absolute_url()
    return submit_to_service(
        request, forms.NoFields(request.POST),
        call=lambda _data: act(actor=request.user, publication=publication),
        success_url=back, refused_url=back, success_message=message)


@form_action(CHANGE)
def publication_submit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _button(request, public_id, services.publication_submit,
                   _("The publication awaits a second person's approval."))


@form_action(CHANGE)
def publication_approve(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _button(request, public_id, services.publication_approve,
                   _("The publication was approved."))


@form_action(CHANGE)
def publication_return(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _button(request, public_id, services.publication_return,
                   _("The publication was sent back to its drafter."))


@form_action(CHANGE)
def publication_withdraw(request: HttpRequest, public_id: UUID) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    back = publication.get_absolute_url()
    return submit_to_service(
        request, forms.WithdrawalForm(request.POST),
        call=lambda data: services.publication_withdraw(
            actor=request.user, publication=publication, reason_ru=data["reason_ru"],
            reason_en=data["reason_en"]),
        success_url=back, refused_url=back, success_message=_("The publication was withdrawn."))


@form_action(CHANGE)
def publication_file_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    publication = selectors.publication_get(viewer=request.user, public_id=public_id)
    back = publication.get_absolute_url()

    def add(data: dict[str, Any]) -> object:
        upload = data["upload"]
        return files.publication_file_add(
            actor=request.user, publication=publication, kind=data["kind"], name=upload.name,
            content=upload.read(), content_type=upload.content_type or "",
            caption_ru=data["caption_ru"], caption_en=data["caption_en"],
            credit=data["credit"])

    return submit_to_service(request, forms.FileForm(request.POST, request.FILES), call=add,
                             success_url=back, refused_url=back,
                             success_message=_("The file was added."))
