"""The edit page of a draft or submitted request: its particulars, its label (for the
requesting state, through the kernel's relabelling), its phases and its lines, each added,
changed or removed on a page of its own that names what it refuses."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.assistance.forms import (
    PhaseForm,
    RequestEditForm,
    RequestLineForm,
    RequestRelabelForm,
)
from concord.assistance.models import AssistanceRequest, RequestLine, RequestPhase
from concord.assistance.selectors import requests as selectors
from concord.assistance.services import request_edit as editing
from concord.assistance.services import requests as services
from concord.core.errors import DomainError, Forbidden
from concord.core.forms import apply_domain_errors, form_action, form_page, posted, submit_to_service

PERMISSION = "assistance.add_assistancerequest"


def _editable(request: HttpRequest, public_id: uuid.UUID) -> AssistanceRequest:
    record = selectors.request_get(viewer=request.user, public_id=public_id)
    if not editing.may_edit(request.user, record):
        raise Forbidden(_("Only a draft or a submitted request is edited, by its requesting "
                          "state or the secretariat."))
    return record


def _edit_url(record: AssistanceRequest) -> str:
    return reverse("assistance:request-edit", args=[record.public_id])


def _relabels(request: HttpRequest, record: AssistanceRequest) -> bool:
    # The kernel lets only the originating party relabel a record.
    return getattr(request.user, "party_id", None) == record.originator_id


@form_page(PERMISSION)
def request_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = _editable(request, public_id)
    relabels = _relabels(request, record)
    form_class = RequestRelabelForm if relabels else RequestEditForm
    initial: dict[str, Any] = {name: getattr(record, name) for name in form_class.base_fields
                               if name != "addressed_states"}
    initial["addressed_states"] = list(record.addressed_states.all())
    form = form_class(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if relabels:
                pending = editing.request_revise(actor=request.user, request=record, **data)
            else:
                pending = None
                editing.request_update(actor=request.user, request=record, **data)
        except DomainError as error:
            apply_domain_errors(form, error)
        else:
            messages.success(request, _("The request was saved."))
            if pending is not None:
                messages.info(request, _("The lower label waits for a second person of your "
                                         "party to approve it."))
            return _back_to(record)
    phases = selectors.request_phases(request=record)
    lines = list(selectors.request_lines(request=record))
    context = {
        "record": record, "form": form, "phases": phases,
        "lines": [(line, editing.line_pledged(line)) for line in lines],
        "title": _("Edit the request %(reference)s") % {"reference": record.reference},
    }
    return render(request, "assistance/request_edit.html", context,
                  status=400 if form.errors else 200)


def _back_to(record: AssistanceRequest) -> HttpResponse:
    return redirect(record.get_absolute_url())


def _phases(record: AssistanceRequest) -> list[RequestPhase]:
    return selectors.request_phases(request=record)


def _line(record: AssistanceRequest, number: int) -> RequestLine:
    return selectors.request_line(request=record, number=number)


def _phase(record: AssistanceRequest, number: int) -> RequestPhase:
    return selectors.request_phase(request=record, number=number)


def _form_context(record: AssistanceRequest, title: str) -> dict[str, Any]:
    return {"title": title, "back": _edit_url(record)}


@form_page(PERMISSION)
def request_phase_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = _editable(request, public_id)
    return submit_to_service(
        request, PhaseForm(posted(request)),
        call=lambda data: editing.request_phase_add(actor=request.user, request=record, **data),
        success_url=_edit_url(record), success_message=_("The phase was added."),
        template="core/form.html",
        context=_form_context(record, _("New phase of the request %(reference)s")
                              % {"reference": record.reference}))


@form_page(PERMISSION)
def request_phase_edit(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    record = _editable(request, public_id)
    phase = _phase(record, number)
    form = PhaseForm(posted(request), initial={"title_ru": phase.title_ru,
                                               "title_en": phase.title_en,
                                               "due_on": phase.due_on})
    return submit_to_service(
        request, form,
        call=lambda data: editing.request_phase_update(actor=request.user, request=record,
                                                       number=number, **data),
        success_url=_edit_url(record), success_message=_("The phase was saved."),
        template="core/form.html",
        context=_form_context(record, _("Phase %(number)d of the request %(reference)s")
                              % {"number": number, "reference": record.reference}))


@form_action(PERMISSION)
def request_phase_remove(request: HttpRequest, public_id: uuid.UUID,
                         number: int) -> HttpResponse:
    record = _editable(request, public_id)
    return submit_to_service(
        request, forms.Form(request.POST),  # a button: only the service may refuse it
        call=lambda _data: editing.request_phase_remove(actor=request.user, request=record,
                                                        number=number),
        success_url=_edit_url(record), refused_url=_edit_url(record),
        success_message=_("The phase was removed."))


_LINE_FIELDS = ("category", "description_ru", "description_en", "quantity", "unit", "priority",
                "needed_by", "delivery_place_ru", "end_use_restriction_ru", "retransfer_banned",
                "phase")


@form_page(PERMISSION)
def request_line_new(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = _editable(request, public_id)
    return submit_to_service(
        request, RequestLineForm(posted(request), phases=_phases(record)),
        call=lambda data: services.request_line_add(actor=request.user, request=record, **data),
        success_url=_edit_url(record), success_message=_("The line was added."),
        template="core/form.html",
        context=_form_context(record, _("New line of the request %(reference)s")
                              % {"reference": record.reference}))


@form_page(PERMISSION)
def request_line_edit(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    record = _editable(request, public_id)
    line = _line(record, number)
    initial = {name: getattr(line, name) for name in _LINE_FIELDS if name != "phase"}
    initial["phase"] = line.phase.number if line.phase else ""
    form = RequestLineForm(posted(request), phases=_phases(record), initial=initial)
    return submit_to_service(
        request, form,
        call=lambda data: editing.request_line_update(actor=request.user, request=record,
                                                      number=number, **data),
        success_url=_edit_url(record), success_message=_("The line was saved."),
        template="core/form.html",
        context=_form_context(record, _("Line %(number)d of the request %(reference)s")
                              % {"number": number, "reference": record.reference}))


@form_action(PERMISSION)
def request_line_remove(request: HttpRequest, public_id: uuid.UUID,
                        number: int) -> HttpResponse:
    record = _editable(request, public_id)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: editing.request_line_remove(actor=request.user, request=record,
                                                       number=number),
        success_url=_edit_url(record), refused_url=_edit_url(record),
        success_message=_("The line was removed."))
