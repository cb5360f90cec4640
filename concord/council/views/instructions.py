"""Instructions of decisions, the addressees' progress reports, and the reports on implementation."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from concord.core import clock
from concord.core.errors import NotFound
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.council import outputs, selectors, services
from concord.council.filters import DUE_SOON_DAYS, instruction_filters, report_filters
from concord.council.forms import (
    InstructionForm,
    ProgressReportForm,
    ReportEntryForm,
    ReportIntroductionForm,
)
from concord.council.models import Instruction
from concord.council.views._common import PAGE_SIZE, edit_page, labelled, language_of


def instruction_list(request: HttpRequest) -> HttpResponse:
    filters = instruction_filters(request.GET).or_warn(request)
    instructions = selectors.instruction_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Instruction"), _("Text"), _("Addressee"), _("Due"), _("Status")]
        return labelled_table_response(
            filename="instructions", fmt=fmt, header=header, records=labelled(instructions),
            row=lambda i: [str(i), i.text, i.get_addressee_kind_display(),
                           i.due_on.isoformat() if i.due_on else "", i.get_status_display()])
    page = Paginator(instructions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": filters.q, "status": filters.status,
               "addressee": filters.addressee, "due": filters.due, "mine": filters.mine,
               "sort": filters.sort.param, "statuses": Instruction.Status.choices,
               "addressees": Instruction.Addressee.choices,
               "due_choices": [("overdue", _("Overdue")),
                               ("soon", _("Due within %(days)d days") % {"days": DUE_SOON_DAYS})]}
    return render_page(request, "council/instruction_list.html", context, partial="table")


@require_http_methods(["GET", "POST"])
def instruction_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    instruction = selectors.instruction_get(viewer=request.user, public_id=public_id)
    form = ProgressReportForm(posted(request))
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return submit_to_service(
        request, form,
        call=lambda data: services.instruction_report(actor=request.user,
                                                      instruction=instruction, **data),
        success_url=instruction.get_absolute_url(),
        success_message=_("The report was recorded."),
        template="council/instruction_detail.html", context={"instruction": instruction})


def report_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    return render(request, "council/report_detail.html",
                  {"report": report, "today": clock.today(),
                   "progress": selectors.implementation_progress(report=report)})


def report_docx(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.report_docx(report=report, language=language),
                            filename=f"implementation-report-{language}.docx")


def report_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    language = language_of(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.report_pdf(report=report, language=language),
                            filename=f"implementation-report-{language}.pdf")


@form_action("council.add_implementationreport")
def report_generate(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.implementation_report_generate(actor=request.user,
                                                                   session=session),
        success_url=lambda report: report.get_absolute_url(),
        refused_url=session.get_absolute_url(),
        success_message=_("The report was drafted from the instructions; edit it as needed."))


@form_page("council.change_implementationreport")
def report_entry_edit(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    entry = next((e for e in report.entries.all() if e.order == number), None)
    if entry is None:
        raise NotFound(_("The report has no such entry."))
    form = ReportEntryForm(posted(request),
                           initial={"text_ru": entry.text_ru, "text_en": entry.text_en})
    return submit_to_service(
        request, form,
        call=lambda data: services.implementation_entry_edit(actor=request.user, entry=entry,
                                                             **data),
        success_url=report.get_absolute_url(), success_message=_("The assessment was saved."),
        template="core/form.html",
        context={"title": _("Assessment of instruction %(ref)s") % {"ref": str(entry.instruction)},
                 "back": report.get_absolute_url()})


@form_page("council.add_instruction")
def instruction_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    form = InstructionForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.instruction_add(actor=request.user, document=document,
                                                   **data),
        success_url=document.get_absolute_url(), success_message=_("The instruction was added."),
        template="core/form.html",
        context={"title": _("New instruction of %(symbol)s") % {"symbol": document.symbol},
                 "back": document.get_absolute_url()})


def report_list(request: HttpRequest) -> HttpResponse:
    filters = report_filters(request.GET).or_warn(request)
    reports = selectors.implementation_report_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Report"), _("Session"), _("On the decisions of"), _("Drafted"),
                  _("Classification")]
        return labelled_table_response(
            filename="implementation-reports", fmt=fmt, header=header,
            records=labelled(reports),
            # A session the viewer may not read is absent (None), its cell empty.
            row=lambda r: [r.title, r.session.title if r.session else "",
                           r.covers.title if r.covers else "",
                           r.generated_at.date().isoformat(), r.classification_label])
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "council/report_list.html",
                       {"page_obj": page, "q": filters.q, "sort": filters.sort.param},
                       partial="table")


@form_page("council.change_implementationreport")
def report_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    form = ReportIntroductionForm(posted(request), initial={
        "introduction_ru": report.introduction_ru, "introduction_en": report.introduction_en})
    return edit_page(
        request, form,
        call=lambda data: services.implementation_report_edit(actor=request.user, report=report,
                                                              **data),
        back=report.get_absolute_url(), message=_("The introduction was saved."),
        title=_("Introduction of %(title)s") % {"title": report.title})
