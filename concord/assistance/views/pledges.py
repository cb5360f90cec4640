"""Pledge forms for the delegations, a pledge's page with its lines and their revisions, and the
buttons that commit, revise, cancel, answer, ship, receive and accept."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.assistance.forms import (
    CommitForm,
    DayForm,
    PledgeForm,
    ReasonForm,
    RespondForm,
    ReviseForm,
    ShipForm,
)
from concord.assistance.models import Delivery, PledgeLine
from concord.assistance.selectors import certificates as certificates_read
from concord.assistance.selectors import requests as selectors
from concord.assistance.services import deliveries, pledges
from concord.core.errors import Forbidden
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.registry.selectors import member_state_get


@form_page("assistance.add_pledge")
def pledge_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    record = selectors.request_get(viewer=request.user, public_id=public_id)
    state = selectors.state_of(request.user)
    if state is None:
        raise Forbidden(_("Pledges are made by a member state's delegation."))
    lines = list(selectors.request_lines(request=record))
    form = PledgeForm(posted(request), lines=lines)

    def call(_data: dict[str, Any]) -> Any:
        return pledges.pledge_make(actor=request.user, request=record, state=state,
                                   **form.service_arguments())

    return submit_to_service(
        request, form, call=call, success_url=record.get_absolute_url(),
        success_message=_("Your pledge was recorded."),
        template="assistance/pledge_form.html",
        context={"record": record, "state": state})


def pledge_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    pledge = selectors.pledge_get(viewer=request.user, public_id=public_id)
    lines = list(pledge.lines.select_related("line").prefetch_related("revisions")
                 .order_by("line__number", "pk"))
    viewer_state = selectors.state_of(request.user) if request.user.is_authenticated else None
    request_record = pledge.request
    provider = viewer_state is not None and viewer_state.pk == pledge.state_id
    requester = viewer_state is not None and request_record is not None and \
        viewer_state.pk == request_record.requesting_state_id
    office = request.user.has_perm("assistance.change_assistancerequest")
    open_lines = [line for line in lines if line.committed > line.shipped
                  and line.stage != PledgeLine.Stage.CANCELLED]
    context = {
        "pledge": pledge, "lines": lines, "request_record": request_record,
        "deliveries": list(pledge.deliveries.prefetch_related("items__pledge_line__line")
                           .order_by("shipped_on", "pk")),
        "as_provider": provider or office, "as_requester": requester or office,
        "commit_form": CommitForm(), "revise_form": ReviseForm(), "reason_form": ReasonForm(),
        "respond_form": RespondForm(), "day_form": DayForm(),
        "ship_form": ShipForm(lines=open_lines) if open_lines else None,
        "certificates": certificates_read.certificates_of_pledge(pledge=pledge),
        "may_certify": (requester or office)
        and request.user.has_perm("assistance.add_endusecertificate"),
    }
    return render(request, "assistance/pledge_detail.html", context)


def _line_action(request: HttpRequest, public_id: uuid.UUID, form: forms.Form,
                 call: Any, message: str) -> HttpResponse:
    line = selectors.pledge_line_get(viewer=request.user, public_id=public_id)
    back = line.pledge.get_absolute_url()
    return submit_to_service(request, form, call=lambda data: call(line, data),
                             success_url=back, refused_url=back, success_message=message)


@form_action("assistance.change_pledge")
def pledge_line_commit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _line_action(request, public_id, CommitForm(request.POST),
                        lambda line, data: pledges.pledge_line_commit(
                            actor=request.user, pledge_line=line, **data),
                        _("The commitment was recorded."))


@form_action("assistance.change_pledge")
def pledge_line_revise(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _line_action(request, public_id, ReviseForm(request.POST),
                        lambda line, data: pledges.pledge_line_revise(
                            actor=request.user, pledge_line=line, quantity=data["quantity"],
                            due_on=data["due_on"], note=data["note"]),
                        _("The pledge was revised; its earlier figures are kept."))


@form_action("assistance.change_pledge")
def pledge_line_cancel(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _line_action(request, public_id, ReasonForm(request.POST),
                        lambda line, data: pledges.pledge_line_cancel(
                            actor=request.user, pledge_line=line, reason=data["reason"]),
                        _("The pledge line was cancelled."))


@form_action("assistance.add_assistancerequest")
def pledge_line_respond(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _line_action(request, public_id, RespondForm(request.POST),
                        lambda line, data: pledges.pledge_line_respond(
                            actor=request.user, pledge_line=line, **data),
                        _("Your answer was recorded."))


@form_action("assistance.add_delivery")
def delivery_ship(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    pledge = selectors.pledge_get(viewer=request.user, public_id=public_id)
    lines = [line for line in pledge.lines.select_related("line")
             if line.committed > line.shipped and line.stage != PledgeLine.Stage.CANCELLED]
    form = ShipForm(request.POST, lines=lines)
    back = pledge.get_absolute_url()
    return submit_to_service(
        request, form,
        call=lambda _data: deliveries.delivery_ship(actor=request.user, pledge=pledge,
                                                    **form.service_arguments()),
        success_url=back, refused_url=back, success_message=_("The consignment was recorded."))


def _delivery_action(request: HttpRequest, public_id: uuid.UUID, step: str) -> HttpResponse:
    delivery: Delivery = selectors.delivery_get(viewer=request.user, public_id=public_id)
    back = delivery.pledge.get_absolute_url()
    if step == "receive":
        def call(data: dict[str, Any]) -> Any:
            return deliveries.delivery_receive(actor=request.user, delivery=delivery,
                                               delivered_on=data["day"])
        message = _("The consignment is recorded as delivered.")
    else:
        def call(data: dict[str, Any]) -> Any:
            return deliveries.delivery_accept(actor=request.user, delivery=delivery,
                                              accepted_on=data["day"])
        message = _("The consignment is accepted.")
    return submit_to_service(request, DayForm(request.POST), call=call, success_url=back,
                             refused_url=back, success_message=message)


@form_action("assistance.change_delivery")
def delivery_receive(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _delivery_action(request, public_id, "receive")


@form_action("assistance.change_delivery")
def delivery_accept(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _delivery_action(request, public_id, "accept")


def state_pledges(request: HttpRequest, code: str) -> HttpResponse:
    viewer = request.user
    state = member_state_get(viewer=viewer, code=code.upper())
    lines = list(selectors.pledge_lines_of_state(viewer=viewer, state=state))
    overdue = list(selectors.overdue_pledge_lines(viewer=viewer, state=state))
    return render(request, "assistance/state_pledges.html",
                  {"state": state, "lines": lines, "overdue": overdue,
                   "overdue_ids": {line.pk for line in overdue}})


def my_pledges(request: HttpRequest) -> HttpResponse:
    state = selectors.state_of(request.user) if request.user.is_authenticated else None
    if state is None:
        return redirect(reverse("assistance:request-list"))
    return redirect(reverse("assistance:state-pledges", args=[state.iso_alpha2]))
