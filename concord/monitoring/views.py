from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from concord.core.errors import DomainError
from concord.core.forms import apply_domain_errors, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.monitoring import selectors, services
from concord.monitoring.filters import IncidentFilters, incident_filters
from concord.monitoring.forms import (
    FigureForm,
    ImportForm,
    IncidentForm,
    IndicatorEditForm,
    IndicatorForm,
    MergeForm,
    ReportEditForm,
    ReportForm,
    VerifyForm,
)
from concord.monitoring.geography import COUNTRIES, REGION_BY_CODE, REGION_CHOICES, REGIONS
from concord.monitoring.models import ImportStatus, Severity, Verification
from concord.monitoring.outputs import documents, exports
from concord.monitoring.tasks import evaluate_indicators
from concord.monitoring.taxonomy import Category

PAGE_SIZE = 25


def _filters(request: HttpRequest, *, default_days: int = 0) -> IncidentFilters:
    filters = incident_filters(request.GET).or_warn(request)
    if default_days and not filters.date_from and not filters.date_to:
        return filters.over_last(default_days)
    return filters


def _filter_context(filters: IncidentFilters) -> dict[str, Any]:
    return {"filters": filters, "categories": Category.choices,
            "countries": [(c.alpha2, c.name_ru if _is_ru() else c.name_en) for c in COUNTRIES],
            "regions": [(r.code, r.label) for r in REGIONS], "severities": Severity.choices,
            "verifications": Verification.choices,
            "query": "&".join(f"{k}={v}" for k, v in filters.query_items())}


def _said_if_pending(request: HttpRequest, record: Any) -> Any:
    if getattr(record, "pending_label_change", None) is not None:
        messages.info(request, _("The lower label waits for a second person of your party to "
                                 "approve it."))
    return record


def _is_ru() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "ru").startswith("ru")


@login_required
def situation(request: HttpRequest) -> HttpResponse:
    # The picture opens on the last 90 days, the window the early-warning baseline uses.
    filters = _filters(request, default_days=90)
    summary = selectors.situation_summary(viewer=request.user, filters=filters, zoom=4)
    labels = dict(Category.choices)
    # The timeline adds the countries up: one series a category, one point a week.
    per_week: dict[tuple[str, str], int] = {}
    for count in summary.counts:
        key = (count["category"], count["week"])
        per_week[key] = per_week.get(key, 0) + count["count"]
    timeline = {"weeks": summary.weeks, "series": [
        {"category": c["category"], "label": str(labels[c["category"]]),
         "counts": [per_week.get((c["category"], week), 0) for week in summary.weeks]}
        for c in summary.by_category]}
    serious = selectors.incident_list(viewer=request.user, filters=filters).order_by(
        "-severity", "-fatalities", "-occurred_on")[:10]
    country_names = {c.alpha2: (c.name_ru if _is_ru() else c.name_en) for c in COUNTRIES}
    context = {**_filter_context(filters), "summary": summary, "serious": serious,
               "by_country": [{"name": country_names[c["country"]], **c}
                              for c in summary.by_country],
               "by_category": [{"label": labels[c["category"]], **c}
                               for c in summary.by_category],
               "by_region": [{"label": REGION_BY_CODE[r["region"]].label, **r}
                             for r in summary.by_region],
               "timeline": timeline,
               "alerts": selectors.alert_list(viewer=request.user, active=True)[:5],
               "summary_url": reverse("api:situation_summary")}
    return render(request, "monitoring/situation.html", context)


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    fmt = request.GET.get("format", "")
    if fmt in exports.EXPORT_FORMATS:
        return _export(request, filters, fmt)
    incidents = selectors.incident_list(viewer=request.user, filters=filters)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {**_filter_context(filters), "page_obj": page,
               "export_formats": exports.EXPORT_FORMATS}
    return render_page(request, "monitoring/incident_list.html", context, partial="table")


def _export(request: HttpRequest, filters: IncidentFilters, fmt: str) -> HttpResponse:
    import io

    if fmt == "xlsx":
        binary = io.BytesIO()
        exports.incident_export(viewer=request.user, filters=filters, fmt=fmt, out=binary)
        body = binary.getvalue()
    else:
        text = io.StringIO()
        exports.incident_export(viewer=request.user, filters=filters, fmt=fmt, out=text)
        body = (("\ufeff" if fmt == "acled" else "") + text.getvalue()).encode("utf-8")
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


def _back(request: HttpRequest, incident_id: UUID, call: Any, done: str) -> HttpResponse:
    incident = selectors.incident_get(viewer=request.user, public_id=incident_id)
    try:
        call(incident)
    except DomainError as error:
        messages.error(request, " ".join([error.detail, *[m for ms in error.errors.values()
                                                          for m in ms]]))
    else:
        messages.success(request, done)
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return redirect(back)
    return redirect(incident.get_absolute_url())


@login_required
@permission_required("monitoring.verify_incident", raise_exception=True)
@require_POST
def incident_verify(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    form = VerifyForm(request.POST)

    def call(incident: Any) -> None:
        if not form.is_valid():
            raise DomainError(_("Choose a verification status."))
        services.incident_verify(actor=request.user, incident=incident, **form.cleaned_data)

    return _back(request, incident_id, call, _("The verification status was recorded."))


@login_required
@permission_required("monitoring.change_incident", raise_exception=True)
@require_POST
def figure_add(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    form = FigureForm(request.POST)

    def call(incident: Any) -> None:
        if not form.is_valid():
            raise DomainError(_("Please correct the figure."),
                              errors={k: [str(m) for m in v] for k, v in form.errors.items()})
        services.figure_add(actor=request.user, incident=incident, **form.cleaned_data)

    return _back(request, incident_id, call, _("The figure was added."))


@login_required
@permission_required("monitoring.verify_incident", raise_exception=True)
@require_POST
def incident_merge(request: HttpRequest, incident_id: UUID) -> HttpResponse:
    form = MergeForm(request.POST)

    def call(incident: Any) -> None:
        if not form.is_valid():
            raise DomainError(_("Choose the duplicate to merge."))
        duplicate = selectors.incident_get(viewer=request.user,
                                           public_id=form.cleaned_data["duplicate"])
        services.incident_merge(actor=request.user, survivor=incident, duplicate=duplicate,
                                note=form.cleaned_data["note"])

    return _back(request, incident_id, call, _("The duplicate was merged into this incident."))


@form_page("monitoring.add_incident")
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = services.import_start(
                actor=request.user, upload=upload, file_name=upload.name,
                fmt=form.cleaned_data["fmt"], skip_bad_rows=form.cleaned_data["skip_bad_rows"],
                classification=form.cleaned_data["classification"])
        except DomainError as error:
            form.add_error(None, error.detail)
        else:
            return redirect("monitoring:import-detail", import_id=run.public_id)
    return render(request, "monitoring/import_start.html",
                  {"form": form, "imports": selectors.import_list(viewer=request.user)},
                  status=400 if form.errors else 200)


@login_required
def import_detail(request: HttpRequest, import_id: UUID) -> HttpResponse:
    run = selectors.import_get(viewer=request.user, public_id=import_id)
    progress = selectors.import_progress(run=run, marker=services.progress_path(run))
    context = {"run": run, "progress": progress,
               "working": run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)}
    return render_page(request, "monitoring/import_detail.html", context, partial="status")



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
    active = request.GET.get("active", "true") != "false"
    alerts = selectors.alert_list(viewer=request.user, active=True if active else None)
    return render(request, "monitoring/alert_list.html",
                  {"alerts": alerts[:200], "active": active})


@login_required
def alert_detail(request: HttpRequest, alert_id: UUID) -> HttpResponse:
    alert = selectors.alert_get(viewer=request.user, public_id=alert_id)
    return render(request, "monitoring/alert_detail.html", {
        "alert": alert, "cap_url": reverse("api:alert_cap", args=[alert.public_id])})


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    today = selectors.today()
    form = ReportForm(posted(request), initial={
        "start": today - timedelta(days=29), "end": today})
    if request.method == "POST":
        if not request.user.has_perm("monitoring.add_situationreport"):
            raise PermissionDenied
        if form.is_valid():
            try:
                report = services.report_generate(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                apply_domain_errors(form, error)
            else:
                return redirect(report.get_absolute_url())
    return render(request, "monitoring/report_list.html",
                  {"reports": selectors.report_list(viewer=request.user)[:100], "form": form},
                  status=400 if form.errors else 200)


@login_required
def report_detail(request: HttpRequest, report_id: UUID) -> HttpResponse:
    report = selectors.report_get(viewer=request.user, public_id=report_id)
    fmt = request.GET.get("format", "")
    if fmt in ("docx", "pdf"):
        body = documents.report_docx(report) if fmt == "docx" else documents.report_pdf(report)
        response = HttpResponse(body, content_type=REPORT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="situation-report.{fmt}"'
        return response
    context = {"report": report, "rows": documents.report_rows(report),
               "headers": documents.report_headers(),
               "timeline": base64.b64encode(documents.timeline_png(report)).decode(),
               "map": base64.b64encode(documents.map_png(report)).decode()}
    return render(request, "monitoring/report_detail.html", context)


REPORT_TYPES = {"pdf": "application/pdf",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@form_page("monitoring.change_situationreport")
def report_edit(request: HttpRequest, report_id: UUID) -> HttpResponse:
    report = selectors.report_get(viewer=request.user, public_id=report_id)
    form = ReportEditForm(posted(request), initial={
        "title": report.title, "assessment": report.assessment,
        "conclusions": report.conclusions, "classification": report.classification,
        "release_to_all_members": report.release_to_all_members,
        "releasable_to": [party.code for party in report.releasable_to.all()]})
    return submit_to_service(
        request, form, call=lambda data: _said_if_pending(
            request, services.report_update(actor=request.user, report=report, **data)),
        success_url=report.get_absolute_url(), success_message=_("The report was saved."),
        template="monitoring/report_edit.html", context={"report": report})


@form_page("monitoring.add_incident")
def incident_create(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(posted(request), initial={"occurred_on": selectors.today()})
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
