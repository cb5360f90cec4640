"""Early warning's pages: indicators defined and changed, the alerts they raise."""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from concord.core.errors import DomainError
from concord.core.forms import (
    apply_domain_errors,
    form_action,
    form_page,
    posted,
    submit_to_service,
)
from concord.monitoring import selectors, services
from concord.monitoring.forms import (
    AlertAssignForm,
    AlertFilterForm,
    IndicatorEditForm,
    IndicatorForm,
)
from concord.monitoring.geography import REGION_CHOICES
from concord.monitoring.tasks import evaluate_indicators

# A list page shows this many; the API pages through all.
ALERTS_SHOWN = 200
# An alert's page lists this many of the incidents it counted, and says how many there are.
INCIDENTS_SHOWN = 100


@login_required
@require_http_methods(["GET", "POST"])
def indicator_list(request: HttpRequest) -> HttpResponse:
    form = IndicatorForm(posted(request))
    if request.method == "POST":
        if not request.user.has_perm("monitoring.add_indicator"):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.indicator_define(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                apply_domain_errors(form, error)
            else:
                messages.success(request, _("The indicator was defined."))
                return redirect("monitoring:indicator-list")
    context = {"indicators": selectors.indicator_list(viewer=request.user), "form": form,
               "regions": dict(REGION_CHOICES)}
    return render(request, "monitoring/indicator_list.html", context,
                  status=400 if form.errors else 200)


@login_required
@permission_required("monitoring.add_indicator", raise_exception=True)
@require_POST
def indicators_evaluate(request: HttpRequest) -> HttpResponse:
    evaluate_indicators.enqueue()
    messages.success(request, _("The indicators are being evaluated."))
    return redirect("monitoring:alert-list")


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    form = AlertFilterForm(request.GET)
    state, assignee = "", ""
    if form.is_valid():
        state, assignee = form.cleaned_data["state"], form.cleaned_data["assignee"]
    else:
        messages.warning(request, " ".join(str(m) for found in form.errors.values()
                                           for m in found))
    # The list opens on the alerts still to be handled; "all" shows the ended ones too.
    alerts = selectors.alert_list(
        viewer=request.user, active=True if not state else None,
        state="" if state == "all" else state, assignee=assignee)
    return render(request, "monitoring/alert_list.html",
                  {"alerts": alerts[:ALERTS_SHOWN], "form": form, "state": state,
                   "assignee": assignee})


@login_required
def alert_detail(request: HttpRequest, alert_id: UUID) -> HttpResponse:
    alert = selectors.alert_get(viewer=request.user, public_id=alert_id)
    incidents = selectors.alert_incidents(viewer=request.user, alert=alert)
    handles = request.user.has_perm(services.HANDLE_ALERT) and alert.ended_at is None
    return render(request, "monitoring/alert_detail.html", {
        "alert": alert, "cap_url": reverse("api:alert_cap", args=[alert.public_id]),
        "incidents": incidents[:INCIDENTS_SHOWN], "incident_count": incidents.count(),
        "handles": handles,
        "assign_form": AlertAssignForm(
            initial={"assignee": alert.assignee.get_username() if alert.assignee else ""},
            handlers=services.alert_assignable(alert)) if handles else None})


@form_action(services.HANDLE_ALERT)
def alert_acknowledge(request: HttpRequest, alert_id: UUID) -> HttpResponse:
    alert = selectors.alert_get(viewer=request.user, public_id=alert_id)
    back = alert.get_absolute_url()
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.alert_acknowledge(actor=request.user, alert=alert),
        success_url=back, refused_url=back,
        success_message=_("The alert was acknowledged."))


@form_action(services.HANDLE_ALERT)
def alert_assign(request: HttpRequest, alert_id: UUID) -> HttpResponse:
    alert = selectors.alert_get(viewer=request.user, public_id=alert_id)
    back = alert.get_absolute_url()
    handlers = services.alert_assignable(alert)
    by_name = {user.get_username(): user for user in handlers}
    return submit_to_service(
        request, AlertAssignForm(request.POST, handlers=handlers),
        call=lambda data: services.alert_assign(actor=request.user, alert=alert,
                                                assignee=by_name.get(data["assignee"])),
        success_url=back, refused_url=back,
        success_message=lambda done: (
            _("The alert was assigned to %(user)s.") % {
                "user": done.assignee.get_full_name() or done.assignee.get_username()}
            if done.assignee else _("The alert is assigned to no one.")))


@form_page("monitoring.change_indicator")
def indicator_edit(request: HttpRequest, indicator_id: UUID) -> HttpResponse:
    indicator = selectors.indicator_get(viewer=request.user, public_id=indicator_id)
    form = IndicatorEditForm(posted(request), initial={
        name: getattr(indicator, name) for name in IndicatorEditForm.base_fields})
    return submit_to_service(
        request, form,
        call=lambda data: services.indicator_update(actor=request.user, indicator=indicator,
                                                    **data),
        success_url=reverse("monitoring:indicator-list"),
        success_message=_("The indicator was changed."), template="core/form.html",
        context={"title": _("Indicator %(name)s") % {"name": indicator.name},
                 "back": reverse("monitoring:indicator-list")})
