"""The fair-share proposal page of a request: what it is made from, who is asked for what and
why, and each state's answer."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from concord.assistance.forms_allocation import AnswerForm, ProposeForm
from concord.assistance.models import AllocationProposal, AllocationRow, AssistanceRequest
from concord.assistance.outputs.allocation_text import category_name, reason_sentence
from concord.assistance.selectors import allocation as read
from concord.assistance.services import allocation as services
from concord.core.errors import InvalidState
from concord.core.forms import form_action, submit_to_service
from concord.core.labels import PartyKind


def _page_url(request: AssistanceRequest) -> str:
    return reverse("assistance:request-allocation", args=[request.public_id])


def _state_names() -> dict[str, str]:
    return read.state_names()


def _explained(proposal: AllocationProposal, rows: list[AllocationRow], *,
               own_state: int | None) -> dict[str, Any]:
    """The stored inputs and result, shaped for the page: tables keyed by state and line, and
    every reason in words."""
    names = _state_names()
    inputs, result = proposal.inputs, proposal.result
    states = sorted(inputs.get("capacities", {}), key=lambda code: names.get(code, code))
    categories = sorted({line["category"] for line in inputs.get("lines", [])})
    key_total = sum(inputs.get("key", {}).values()) or 1.0
    by_line: dict[str, dict[str, AllocationRow]] = {}
    for row in rows:
        by_line.setdefault(str(row.line.number), {})[row.state.iso_alpha2] = row
    contributions = {part["state"]: part for part in result.get("states", [])}
    return {
        "states": [{"code": code, "name": names.get(code, code),
                    "key": inputs["key"].get(code, 0.0) / key_total * 100,
                    "capacities": [inputs["capacities"][code].get(category)
                                   for category in categories],
                    "part": contributions.get(code),
                    "aimed": contributions.get(code, {}).get("target_share", 0.0) * 100,
                    "given": contributions.get(code, {}).get("share", 0.0) * 100,
                    "reasons": [reason_sentence(reason, states=names)
                                for reason in contributions.get(code, {}).get("reasons", [])]}
                   for code in states],
        "categories": [{"code": code, "name": category_name(code)} for code in categories],
        "lines": [{"number": line["key"], "category": category_name(line["category"]),
                   "remaining": line["quantity"],
                   "cells": [by_line.get(line["key"], {}).get(code) for code in states]}
                  for line in inputs.get("lines", [])],
        "shortfalls": [{**short, "reason": reason_sentence(short["reason"], states=names)}
                       for short in result.get("shortfalls", [])],
        "notes": [reason_sentence(note, states=names) for note in result.get("notes", [])],
        "own_rows": [row for row in rows if own_state is not None and row.state_id == own_state],
        "deviation": float(proposal.max_deviation or 0) * 100,
    }


@login_required
@require_GET
def allocation_page(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = read.request_get(viewer=request.user, public_id=public_id)
    proposal = read.allocation_latest(viewer=request.user, request=found)
    party = getattr(request.user, "party", None)
    state = getattr(party, "member_state", None) if getattr(party, "kind", "") == \
        PartyKind.STATE else None
    context: dict[str, Any] = {
        "assistance_request": found, "proposal": proposal,
        "propose_form": ProposeForm(initial={"key": (proposal.key if proposal else None)}),
        "may_propose": request.user.has_perm("assistance.add_allocationproposal"),
        "may_answer": request.user.has_perm("assistance.change_allocationrow"),
        "answer_form": AnswerForm(),
        "title": _("Fair-share proposal for %(reference)s") % {"reference": found.reference},
    }
    if proposal is not None:
        rows = read.allocation_rows(proposal=proposal)
        context.update(_explained(proposal, rows, own_state=state.pk if state else None))
    return render(request, "assistance/allocation/page.html", context)


@form_action("assistance.add_allocationproposal")
def allocation_propose(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = read.request_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, ProposeForm(request.POST),
        call=lambda data: services.allocation_propose(actor=request.user, request=found,
                                                      key=data["key"]),
        success_url=_page_url(found), refused_url=_page_url(found),
        success_message=lambda proposal: (
            _("A proposal was made with the key “%(key)s”.") % {"key": proposal.key.name}
            if proposal.status == AllocationProposal.Status.PROPOSED
            else _("Nothing could be proposed: the page says why.")))


@form_action("assistance.change_allocationrow")
def allocation_answer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = read.request_get(viewer=request.user, public_id=public_id)
    proposal = read.allocation_latest(viewer=request.user, request=found)
    form = AnswerForm(request.POST)

    def answer(data: dict[str, Any]) -> AllocationRow:
        if proposal is None:
            raise InvalidState(_("No proposal has been made for this request."))
        row = read.allocation_row_get(proposal=proposal, row_id=data["row"])
        return services.allocation_answer(actor=request.user, row=row,
                                          response=data["response"],
                                          amended_quantity=data["amended_quantity"])

    return submit_to_service(
        request, form, call=answer, success_url=_page_url(found), refused_url=_page_url(found),
        success_message=lambda row: _("Your answer on line %(line)s is recorded: %(answer)s.")
        % {"line": row.line.number, "answer": row.get_response_display()})
