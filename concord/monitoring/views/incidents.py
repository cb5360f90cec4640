"""The incident pages: the list and its exports, one record, its corrections, and the look
for duplicates."""

from __future__ import annotations

import io
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.monitoring import selectors, services
from concord.monitoring.filters import IncidentFilters
from concord.monitoring.forms import (
    FigureForm,
    IncidentForm,
    MergeForm,
    VerifyForm,
)
from concord.monitoring.models import IncidentImport
from concord.monitoring.outputs import exports
from concord.monitoring.views._common import (
    PAGE_SIZE,
    _filter_context,
    _filters,
    _said_if_pending,
)


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    # An import's result links here with its id: the list is then what that import added.
    import_run = (selectors.import_get(viewer=request.user, public_id=request.GET["import"])
                  if request.GET.get("import") else None)
    fmt = request.GET.get("format", "")
    if fmt in exports.EXPORT_FORMATS:
        return _export(request, filters, fmt, import_run)
    incidents = selectors.incidents_imported(viewer=request.user, filters=filters,
                                             import_run=import_run)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {**_filter_context(filters), "page_obj": page, "import_run": import_run,
               "export_formats": exports.EXPORT_FORMATS, "sort": filters.sort.param}
    return render_page(request, "monitoring/incident_list.html", context, partial="table")


def _export(request: HttpRequest, filters: IncidentFilters, fmt: str,
            import_run: IncidentImport | None) -> HttpResponse:
    if fmt == "xlsx":
        binary = io.BytesIO()
        exports.incident_export(viewer=request.user, filters=filters, fmt=fmt, out=binary,
                                import_run=import_run)
        body = binary.getvalue()
    else:
        text = io.StringIO()
        exports.incident_export(viewer=request.user, filters=filters, fmt=fmt, out=text,
                                import_run=import_run)
        body = (("\ufeff" if fmt in exports.MARKED_FORMATS else "") + text.getvalue()).encode("utf-8")
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="incidents.{exports.EXTENSIONS[fmt]}"')
    return response


@login_required
def incident_detail(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    context = {
        "incident": incident, "figures": list(incident.figures.all()),
        "duplicates": list(selectors.incident_duplicates(viewer=request.user,
                                                         incident=incident)[:10])
        if incident.merged_into_id is None else [],
        "verify_form": VerifyForm(initial={"verification": incident.verification}),
        "figure_form": FigureForm(),
        "merged": list(selectors.incident_list(viewer=request.user, include_merged=True)
                       .filter(merged_into=incident)),
    }
    return render(request, "monitoring/incident_detail.html", context)


def _back_url(request: HttpRequest, incident: Any) -> str:
    """Where a button on an incident returns: the page it was pressed on, if it is ours."""
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return back
    return str(incident.get_absolute_url())


@form_action("monitoring.verify_incident")
def incident_verify(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    back = _back_url(request, incident)
    return submit_to_service(
        request, VerifyForm(request.POST),
        call=lambda data: services.incident_verify(actor=request.user, incident=incident, **data),
        success_url=back, refused_url=back,
        success_message=_("The verification status was recorded."))


@form_action("monitoring.change_incident")
def figure_add(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    back = _back_url(request, incident)
    return submit_to_service(
        request, FigureForm(request.POST),
        call=lambda data: services.figure_add(actor=request.user, incident=incident, **data),
        success_url=back, refused_url=back, success_message=_("The figure was added."))


@form_action("monitoring.verify_incident")
def incident_merge(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    back = _back_url(request, incident)

    def merge(data: dict[str, Any]) -> object:
        duplicate = selectors.incident_get(viewer=request.user, public_id=data["duplicate"])
        return services.incident_merge(actor=request.user, survivor=incident,
                                       duplicate=duplicate, note=data["note"])

    return submit_to_service(
        request, MergeForm(request.POST), call=merge, success_url=back, refused_url=back,
        success_message=_("The duplicate was merged into this incident."))


@form_page("monitoring.add_incident")
def incident_create(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(posted(request), initial={"occurred_on": clock.today()})
    return submit_to_service(
        request, form,
        call=lambda data: services.incident_create(actor=request.user, **data),
        success_url=lambda incident: incident.get_absolute_url(),
        success_message=_("The incident was recorded."),
        template="monitoring/incident_form.html", context={})


@form_page("monitoring.change_incident")
def incident_edit(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    names = [*services.EDITABLE_FIELDS, *services.LABEL_FIELDS]
    initial = {name: getattr(incident, name) for name in names if name != "releasable_to"}
    initial["releasable_to"] = [party.code for party in incident.releasable_to.all()]
    form = IncidentForm(posted(request), initial=initial)
    fields = [name for name in names if name in form.fields or name == "category"]
    return submit_to_service(
        request, form, call=lambda data: _said_if_pending(request, services.incident_update(
            actor=request.user, incident=incident, **{name: data[name] for name in fields})),
        success_url=incident.get_absolute_url(),
        success_message=_("The incident was corrected."),
        template="monitoring/incident_form.html", context={"incident": incident})


# A new look for duplicates covers this many days unless the filters say otherwise.
DUPLICATE_DAYS = 30


@login_required
@permission_required("monitoring.verify_incident", raise_exception=True)
def incident_duplicates(request: HttpRequest) -> HttpResponse:
    """Pairs of records that look like one incident, for an analyst to compare and merge."""
    filters = _filters(request, default_days=DUPLICATE_DAYS)
    pairs, more = selectors.duplicate_pairs(viewer=request.user, filters=filters)
    context = {**_filter_context(filters), "pairs": pairs, "more": more,
               "limit": len(pairs)}
    return render(request, "monitoring/duplicates.html", context)
