"""The requests list and a request's page: its lines with their bars, its pledges and
consignments as far as the viewer may read them, its timeline, and the buttons that move it."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.assistance.filters import request_filters
from concord.assistance.forms import LineForm, ReasonForm, RequestForm
from concord.assistance.models import AssistanceRequest, Kind, Urgency
from concord.assistance.selectors import certificates as certificates_read
from concord.assistance.selectors import figures
from concord.assistance.selectors import requests as selectors
from concord.assistance.selectors.timeline import request_timeline
from concord.assistance.services import request_edit as editing
from concord.assistance.services import requests as services
from concord.core import clock
from concord.core.errors import Forbidden, NotFound
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page

PAGE_SIZE = 25


def _labelled(records: Any) -> Any:
    return records.select_related("originator").prefetch_related("releasable_to")


def request_list(request: HttpRequest) -> HttpResponse:
    filters = request_filters(request.GET).or_warn(request)
    requests = selectors.request_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Reference"), _("Request"), _("Requesting state"), _("Kind"), _("Status"),
                  _("Offers until"), _("Lines"), _("Lines wholly pledged"),
                  _("Lines partly pledged"), _("Lines wholly delivered"),
                  _("Lines partly delivered"), _("Overdue since")]
        rows = figures.with_line_counts(viewer=request.user, requests=list(_labelled(requests)))
        withheld = figures.withheld_pledges_of(viewer=request.user, requests=rows)
        return labelled_table_response(
            filename="assistance-requests", fmt=fmt, header=header, records=rows,
            counted=lambda r: withheld.get(r.pk, []),
            row=lambda r: [r.reference, r.title, r.requesting_state.name, r.get_kind_display(),
                           r.get_status_display(),
                           r.closes_on.isoformat() if r.closes_on else "", r.lines_total,
                           r.lines_pledged, r.lines_partly_pledged, r.lines_delivered,
                           r.lines_partly_delivered,
                           r.overdue_since.isoformat() if r.overdue_since else ""])
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = figures.with_line_counts(viewer=request.user,
                                                requests=list(page.object_list))
    context = {"page_obj": page, "q": filters.q, "status": filters.status,
               "kind": filters.kind, "urgency": filters.urgency, "overdue": filters.overdue,
               "sort": filters.sort.param, "statuses": AssistanceRequest.Status.choices,
               "kinds": Kind.choices, "urgencies": Urgency.choices, "state": filters.state,
               "states": selectors.requesting_state_choices(),
               "may_file": request.user.has_perm("assistance.add_assistancerequest")}
    return render_page(request, "assistance/request_list.html", context, partial="table")


def request_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = selectors.request_for_page(viewer=request.user, public_id=public_id)
    viewer = request.user
    shown = figures.request_page(viewer=viewer, request=record)
    lines, totals, pledges = shown.lines, shown.totals, shown.pledges
    deliveries = selectors.deliveries_of_pledges(viewer=viewer, request=record,
                                                  pledges=pledges)
    today = clock.today()
    own_state = selectors.state_of(viewer) if viewer.is_authenticated else None
    own_pledge = next((p for p in pledges if own_state and p.state_id == own_state.pk), None)
    context = {
        "record": record, "lines": lines, "totals": totals, "pledges": pledges,
        "phases": shown.phases, "addressed_states": shown.addressed_states,
        "deliveries": deliveries, "today": today,
        "certificates": certificates_read.certificates_of_pledges(pledges=pledges),
        "timeline": request_timeline(request=record, phases=shown.phases, pledges=pledges,
                                     deliveries=deliveries,
                                     commitments=shown.commitments,
                                     today=today, unmet=totals.lines_unmet > 0
                                     and record.status not in AssistanceRequest.FINAL),
        "is_requester": own_state is not None and own_state.pk == record.requesting_state_id,
        "may_pledge": (own_state is not None and record.status == AssistanceRequest.Status.OPEN
                       and own_state.pk != record.requesting_state_id
                       and viewer.has_perm("assistance.add_pledge")),
        "own_pledge": own_pledge,
        "may_manage": viewer.has_perm("assistance.change_assistancerequest"),
        "may_edit": viewer.is_authenticated and editing.may_edit(viewer, record),
        "may_withdraw": record.status not in AssistanceRequest.FINAL and (
            (own_state is not None and own_state.pk == record.requesting_state_id)
            or (record.status != AssistanceRequest.Status.DRAFT
                and viewer.has_perm("assistance.change_assistancerequest"))),
        "line_form": LineForm() if record.status == AssistanceRequest.Status.DRAFT else None,
        "reason_form": ReasonForm(),
    }
    return render(request, "assistance/request_detail.html", context)


@form_page("assistance.add_assistancerequest")
def request_create(request: HttpRequest) -> HttpResponse:
    state = selectors.state_of(request.user)
    if state is None:
        raise Forbidden(_("Requests are filed by a member state's delegation."))
    form = RequestForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.request_create(actor=request.user, requesting_state=state,
                                                  **data),
        success_url=lambda made: made.get_absolute_url(),
        success_message=_("The request was filed as a draft; add its lines, then submit it."),
        template="core/form.html",
        context={"title": _("New assistance request of %(state)s") % {"state": state.name},
                 "back": reverse("assistance:request-list")})


@form_action("assistance.add_assistancerequest")
def request_line_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = selectors.request_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, LineForm(request.POST),
        call=lambda data: services.request_line_add(actor=request.user, request=record,
                                                    **data),
        success_url=record.get_absolute_url(), refused_url=record.get_absolute_url(),
        success_message=_("The line was added."))


_MOVES: dict[str, tuple[Any, Any]] = {
    "submit": (services.request_submit, gettext_lazy("The request was submitted to the "
                                                     "secretariat.")),
    "open": (services.request_open, gettext_lazy("The request is open for offers.")),
    "close": (services.request_close, gettext_lazy("The offers on the request are closed.")),
    "complete": (services.request_complete, gettext_lazy("The request is completed.")),
}


@form_action("assistance.add_assistancerequest")
def request_move(request: HttpRequest, public_id: uuid.UUID, action: str) -> HttpResponse:
    record = selectors.request_get(viewer=request.user, public_id=public_id)
    if action == "withdraw":
        return submit_to_service(
            request, ReasonForm(request.POST),
            call=lambda data: services.request_withdraw(actor=request.user, request=record,
                                                        reason=data["reason"]),
            success_url=record.get_absolute_url(), refused_url=record.get_absolute_url(),
            success_message=_("The request was withdrawn."))
    if action not in _MOVES:
        raise NotFound(_("No such step."))
    service, message = _MOVES[action]
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: service(actor=request.user, request=record),
        success_url=record.get_absolute_url(), refused_url=record.get_absolute_url(),
        success_message=str(message))
