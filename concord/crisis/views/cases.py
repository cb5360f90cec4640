"""The crisis pages: the case list, opening a case, the case dashboard with its log, the
timeline, the phase and log actions, and the response times compared across cases."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.crisis import phases
from concord.crisis.filters import case_filters, log_filters
from concord.crisis.forms import AdvanceForm, CaseForm, FactForm, LogEntryForm
from concord.crisis.models import Case, Stream
from concord.crisis.selectors import cases as read
from concord.crisis.selectors import deployments as deployed
from concord.crisis.selectors import log as log_read
from concord.crisis.selectors import map as area
from concord.crisis.services import cases as services
from concord.crisis.services import log as log_services

PAGE_SIZE = 25
LOG_PAGE_SIZE = 50


# Signed-out readers get the PUBLIC cases (the scope decides) and their published entries.
def case_list(request: HttpRequest) -> HttpResponse:
    filters = case_filters(request.GET).or_warn(request)
    cases = read.case_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Case"), _("Type"), _("Severity"), _("Phase"), _("Affected states"),
                  _("Opened")]
        return labelled_table_response(
            filename="crisis-cases", fmt=fmt, header=header,
            records=cases.select_related("originator").prefetch_related("releasable_to"),
            row=lambda c: [c.title, c.get_type_display(), c.get_severity_display(),
                           c.get_phase_display(),
                           ", ".join(s.code for s in c.affected_states.all()),
                           c.opened_at.isoformat(timespec="minutes")])
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": filters.q, "type": filters.type, "phase": filters.phase,
               "severity": filters.severity, "sort": filters.sort.param,
               "types": Case.Type.choices, "phases": Case.Phase.choices,
               "severities": Case.Severity.choices}
    return render_page(request, "crisis/case_list.html", context, partial="table")


@form_page("crisis.add_case")
def case_open(request: HttpRequest) -> HttpResponse:
    form = CaseForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.case_open(actor=request.user, **data),
        success_url=lambda case: case.get_absolute_url(),
        success_message=_("The case was opened."), template="crisis/case_form.html")


def case_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    filters = log_filters(request.GET).or_warn(request)
    log = log_read.log_read(viewer=request.user, case=case, filters=filters)
    # Newest first: a duty officer reads what just happened; the exports keep the time order.
    entries = log.entries.select_related("actor").order_by("-at", "-pk")
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    if not request.user.is_authenticated:
        # The public page: the case and what was published of its log, nothing of the crisis
        # centre's own work (its people, tasks, facilities and map).
        return render(request, "crisis/case_public.html",
                      {"case": case, "page_obj": page, "withheld": log.withheld})
    linked = read.case_linked_ids(case=case)
    context = {
        "case": case, "page_obj": page, "withheld": log.withheld,
        "streams": Stream.choices, "stream": filters.stream, "significant": filters.significant,
        "facts": read.case_facts(case=case), "tasks": read.case_tasks(case=case),
        "facilities": read.case_facilities(case=case),
        "deployments": deployed.case_deployments(viewer=request.user, case=case),
        "team": read.case_duty_team(case=case),
        "links": read.case_links_readable(viewer=request.user, linked=linked),
        "council": read.case_council_records(viewer=request.user, linked=linked),
        "map": area.case_map(viewer=request.user, case=case, linked=linked),
        "next_phases": [(p, Case.Phase(p).label) for p in phases.allowed(case.phase)],
        "advance_form": AdvanceForm(), "entry_form": LogEntryForm(), "fact_form": FactForm(),
    }
    return render_page(request, "crisis/case_detail.html", context, partial="log")


def case_timeline(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    lanes, withheld, older = log_read.timeline(viewer=request.user, case=case)
    return render(request, "crisis/case_timeline.html",
                  {"case": case, "lanes": lanes, "withheld": withheld, "older": older})


@form_action("crisis.change_case")
def case_advance(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, AdvanceForm(request.POST),
        call=lambda data: services.case_advance(actor=request.user, case=case, **data),
        success_url=case.get_absolute_url(), refused_url=case.get_absolute_url(),
        success_message=lambda moved: _("The case is now in the phase “%(phase)s”.") % {
            "phase": moved.get_phase_display()})


@form_action("crisis.change_case")
def fact_record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, FactForm(request.POST),
        call=lambda data: services.fact_record(actor=request.user, case=case, **data),
        success_url=case.get_absolute_url(), refused_url=case.get_absolute_url(),
        success_message=_("The clock fact was recorded."))


@form_action("crisis.add_logentry")
def log_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, LogEntryForm(request.POST),
        call=lambda data: log_services.log_add(actor=request.user, case=case, **data),
        success_url=case.get_absolute_url(), refused_url=case.get_absolute_url(),
        success_message=_("The entry was added to the log."))


@form_action("crisis.add_logentry")
def log_promote(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    entry = log_read.log_entry_get(viewer=request.user, case=case, pk=pk)
    significant = request.POST.get("significant", "1") == "1"
    log_services.log_promote(actor=request.user, entry=entry, significant=significant)
    messages.success(request, _("The entry is marked significant.") if significant
                     else _("The entry is no longer marked significant."))
    return redirect(case.get_absolute_url())


@login_required
def facts_compared(request: HttpRequest) -> HttpResponse:
    return render(request, "crisis/facts.html",
                  {"compared": read.facts_compared(viewer=request.user)})
