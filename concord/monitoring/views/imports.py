"""Imports from the page: the upload, and the page that follows the task to its end."""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.errors import DomainError
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.monitoring import formats, selectors, services
from concord.monitoring.forms import (
    ImportForm,
)
from concord.monitoring.models import ImportStatus

# The import page lists the latest of the person's own imports; the API pages through all.
RECENT_IMPORTS = 20


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
                  {"form": form, "imports": selectors.import_list(viewer=request.user)[:RECENT_IMPORTS]},
                  status=400 if form.errors else 200)


@login_required
def import_detail(request: HttpRequest, import_id: UUID) -> HttpResponse:
    run = selectors.import_get(viewer=request.user, public_id=import_id)
    progress = selectors.import_progress(run=run, marker=services.progress_path(run))
    context = {"run": run, "progress": progress,
               "format_name": formats.FORMAT_NAMES.get(run.fmt, run.fmt),
               "working": run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
               "retries": list(run.retries.order_by("-started_at"))}
    return render_page(request, "monitoring/import_detail.html", context, partial="status")


@form_action("monitoring.add_incident")
def import_retry(request: HttpRequest, import_id: UUID) -> HttpResponse:
    run = selectors.import_get(viewer=request.user, public_id=import_id)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.import_retry_skipping(actor=request.user, run=run),
        success_url=lambda retry: reverse("monitoring:import-detail", args=[retry.public_id]),
        refused_url=reverse("monitoring:import-detail", args=[run.public_id]),
        success_message=_("The file is being imported again, without its bad rows."))
