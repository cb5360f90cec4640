"""Where the states stand on a draft and what the consensus rule makes of it."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.errors import DomainError
from concord.core.forms import apply_domain_errors, form_page, posted, submit_to_service
from concord.council import selectors, services
from concord.council.forms import (
    DecisionForm,
    PositionForm,
    SilenceForm,
)
from concord.council.models import Document
from concord.council.views._common import edit_page
from concord.registry import selectors as registry


def board_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    board = selectors.position_board(document=document, body=document.body)
    own = getattr(getattr(request.user, "party", None), "pk", None)
    can_record_any = request.user.has_perm("council.change_stateposition")
    can_state = request.user.has_perm("council.add_stateposition")
    open_for_positions = document.status in (Document.Status.DRAFT, Document.Status.CIRCULATING)
    rows = [{"row": row, "editable": open_for_positions and row.takes_part and can_state
             and (can_record_any or row.state.party_id == own)} for row in board]
    participants = [row for row in board if row.takes_part]
    return {"document": document, "board": rows, "stances": PositionForm.base_fields["stance"],
            "participants": len(participants),
            "answered": sum(1 for row in participants if row.position is not None)}


@require_POST
@login_required
def document_position(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Records one state's position: the refreshed board for htmx, the page otherwise."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    form = PositionForm(request.POST)
    recorded = ""
    if form.is_valid():
        try:
            state = registry.member_state_get(viewer=request.user, code=form.cleaned_data["state"])
            position = services.position_record(
                actor=request.user, document=document, body=document.body, state=state,
                stance=form.cleaned_data["stance"], reason=form.cleaned_data["reason"])
        except DomainError as refused:
            apply_domain_errors(form, refused)
        else:
            recorded = _("Recorded for %(state)s: %(stance)s.") % {
                "state": state.name, "stance": position.get_stance_display()}
    error = " ".join(str(m) for found in form.errors.values() for m in found)
    if getattr(request, "htmx", None):
        context = {**board_context(request, document), "error": error, "recorded": recorded}
        return render(request, "council/document_detail.html#board", context,
                      status=400 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, recorded)
    return redirect(document.get_absolute_url())


@form_page("council.add_consensusoutcome")
def document_decide(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Shows what the consensus rule would conclude before anything is written; the decision is
    recorded only from this page, and a refusal only once confirmed."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    outlook = selectors.decision_preview(document=document)
    form = DecisionForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.document_decide(
            actor=request.user, document=document, session=document.session,
            confirm_refusal=data["confirm_refusal"]),
        success_url=document.get_absolute_url(),
        success_message=lambda outcome: outcome.ground,
        success_level=lambda outcome: messages.SUCCESS if outcome.outcome == "adopted"
        else messages.WARNING,
        template="council/decision_preview.html",
        context={"document": document, "outlook": outlook,
                 "title": _("Consensus rule for %(symbol)s") % {"symbol": document.symbol}})


@form_page("council.add_consensusoutcome")
def document_silence(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    zone = document.session.time_zone if document.session else "Europe/Moscow"
    form = SilenceForm(posted(request), initial={"time_zone": zone})

    def start(data: dict[str, Any]) -> object:
        return services.silence_start(actor=request.user, document=document,
                                      deadline=data["deadline"])

    return edit_page(
        request, form, call=start, back=document.get_absolute_url(),
        message=_("The draft circulates under the silence procedure."),
        title=_("Silence procedure for %(symbol)s") % {"symbol": document.symbol})
