from __future__ import annotations

from collections import Counter
from typing import Any
from uuid import UUID

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from concord.core import labelling
from concord.core.errors import DomainError, NotFound
from concord.core.forms import LabelForm, posted, submit_to_service
from concord.core.selectors import audit_list_for_actor
from concord.registry import selectors as registry


def _overview(request: HttpRequest) -> dict[str, Any]:
    year = registry.current_year()
    states = list(registry.member_state_list(viewer=request.user))
    schedule = registry.chairmanship_schedule(viewer=request.user, first_year=year,
                                              last_year=year + 2)
    return {
        "states": states,
        "status_counts": Counter(s.status for s in states),
        "chair": schedule[0],
        "next_chairs": schedule[1:],
        "bodies": [node for node in registry.body_tree(viewer=request.user)
                   if node.body.takes_decisions],
        "map_states": [{"numeric": s.iso_numeric, "name": s.name, "status": s.status,
                        "status_label": str(s.get_status_display()),
                        "url": s.get_absolute_url()} for s in states],
    }


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    return render(request, "portal/home.html", _overview(request))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = _overview(request)
    context["recent_actions"] = audit_list_for_actor(viewer=request.user)
    if request.user.has_perm("core.approve_labelchange"):
        context["label_changes"] = labelling.label_changes_pending(viewer=request.user)
    return render(request, "portal/dashboard.html", context)


@login_required
@permission_required("core.approve_labelchange", raise_exception=True)
def label_changes(request: HttpRequest) -> HttpResponse:
    """The lower labels asked for the party's records, for a second person to decide."""
    pending = labelling.label_changes_pending(viewer=request.user)
    return render(request, "portal/label_changes.html", {"pending": pending})


@require_POST
@login_required
@permission_required("core.approve_labelchange", raise_exception=True)
def label_change_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    approve = request.POST.get("decision") == "approve"
    try:
        labelling.label_change_decide(actor=request.user, public_id=public_id, approve=approve)
    except NotFound:
        raise
    except DomainError as refused:
        messages.error(request, refused.detail)
    else:
        messages.success(request, _("The lower label was applied.") if approve
                         else _("The lower label was refused."))
    return redirect("portal:label-changes")


# The records relabelled from the label page, with the permission their edit pages need.
# Incidents and situation reports relabel on their own edit pages (a report keeps its floor).
RELABELLED = {"council.session": "council.change_session",
              "council.document": "council.change_document"}


@login_required
@require_http_methods(["GET", "POST"])
def relabel(request: HttpRequest, model: str, public_id: UUID) -> HttpResponse:
    permission = RELABELLED.get(model)
    if permission is None:
        raise NotFound(_("No such record."))
    record: Any = apps.get_model(model).objects.visible_to(request.user).filter(
        public_id=public_id).first()
    if record is None:
        raise NotFound(_("No such record."))
    if not request.user.has_perm(permission):
        raise PermissionDenied
    form = LabelForm(posted(request), initial={
        "classification": record.classification,
        "release_to_all_members": record.release_to_all_members,
        "releasable_to": [party.code for party in record.releasable_to.all()]})

    before = labelling.Label.of(record)

    def change(data: dict[str, Any]) -> object:
        pending = labelling.label_change(actor=request.user, record=record, **data)
        if pending is not None:
            messages.info(request, _("The lower label waits for a second person of your party "
                                     "to approve it."))
        elif labelling.Label.of(record) == before:
            messages.info(request, _("The label is unchanged."))
        else:
            messages.success(request, _("The label was raised."))
        return pending

    return submit_to_service(
        request, form, call=change, success_url=record.get_absolute_url(),
        success_message="", template="core/form.html",
        context={"title": _("Label of %(record)s") % {"record": record},
                 "back": record.get_absolute_url()})
