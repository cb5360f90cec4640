from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from concord.core import labelling, selectors, shell
from concord.core.errors import NotFound
from concord.core.forms import LabelForm, form_action, posted, submit_to_service
from concord.core.models import LabelChange
from concord.core.public_cache import for_cache, public_page


def _panels(request: HttpRequest) -> list[str]:
    return [panel.render(request) for panel in shell.registry.panels_for(request.user)]


@public_page()
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    return render(request, "portal/home.html", {**for_cache(request), "panels": _panels(request)})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/dashboard.html", {"panels": _panels(request)})


@login_required
@permission_required("core.approve_labelchange", raise_exception=True)
def label_changes(request: HttpRequest) -> HttpResponse:
    """The lower labels asked for the party's records, for a second person to decide."""
    pending = labelling.label_changes_pending(viewer=request.user)
    return render(request, "portal/label_changes.html", {"pending": pending})


class LabelDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("refuse", "refuse")])


def _decided(change: LabelChange) -> str:
    if change.status == LabelChange.Status.APPROVED:
        return _("The lower label was applied.")
    return _("The lower label was refused.")


@form_action("core.approve_labelchange")
def label_change_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    back = reverse("portal:label-changes")

    def decide(data: dict[str, Any]) -> LabelChange:
        try:
            return labelling.label_change_decide(actor=request.user, public_id=public_id,
                                                 approve=data["decision"] == "approve")
        except NotFound as missing:
            # A change the person may not decide is missing, as everywhere: no page, no message.
            raise Http404(missing.detail) from missing

    return submit_to_service(request, LabelDecisionForm(request.POST), call=decide,
                             success_url=back, refused_url=back, success_message=_decided)


@login_required
@require_http_methods(["GET", "POST"])
def relabel(request: HttpRequest, model: str, public_id: UUID) -> HttpResponse:
    permission = shell.registry.relabel_permission(model)
    if permission is None:
        raise NotFound(_("No such record."))
    record: Any = selectors.labelled_record_get(viewer=request.user, model=model,
                                                public_id=public_id)
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
