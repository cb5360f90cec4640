"""Situation reports: generated, read on the page or as PDF and DOCX, edited."""

from __future__ import annotations

import base64
from datetime import timedelta
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from concord.core import clock
from concord.core.errors import DomainError
from concord.core.forms import apply_domain_errors, form_page, posted, submit_to_service
from concord.monitoring import selectors, services
from concord.monitoring.forms import (
    ReportEditForm,
    ReportForm,
)
from concord.monitoring.outputs import documents
from concord.monitoring.views._common import (
    _said_if_pending,
)


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    today = clock.today()
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
