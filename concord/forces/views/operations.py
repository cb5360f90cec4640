"""The joint operations' pages: the list of operations, one operation with its stages and totals,
the results the states reported (listed, exported and imported), their totals with the chart by
year and substance, and the public figures generated for the press."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.errors import DomainError, ValidationError
from concord.core.exports import FORMATS, labelled_table_response, table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.forces import operations_forms as opforms
from concord.forces.models import CaseType, Measure, Operation, QuantityUnit
from concord.forces.outputs import operations_files as files
from concord.forces.selectors import operations as selectors
from concord.forces.services import operations as services

PAGE_SIZE = 25


def _result_filters(request: HttpRequest) -> Any:
    return selectors.filters_for(viewer=request.user, params=request.GET).or_warn(request)


def _choices(request: HttpRequest) -> dict[str, Any]:
    return {
        "operation_choices": [(o.code, o.name) for o in selectors.operation_list(
            viewer=request.user)],
        "state_choices": [(p.code, p.name) for p in selectors.member_states()],
        "measure_choices": Measure.choices,
        "substance_choices": [(s.code, s.name) for s in selectors.substance_list()],
        "kind_choices": Operation.Kind.choices,
    }


def _operation_row(operation: Operation) -> list[Any]:
    first = getattr(operation, "first_day", None)
    return [operation.code, operation.name, operation.get_kind_display(),
            first.isoformat() if first else "", getattr(operation, "stage_count", 0)]


@login_required
def operation_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.operation_filters_from(request.GET).or_warn(request)
    operations = selectors.operation_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return labelled_table_response(
            filename="operations", fmt=fmt,
            header=("code", "name", "kind", "first_day", "stages"),
            records=operations.prefetch_related("releasable_to"), row=_operation_row)
    page = Paginator(operations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "filters": filters, "sort": filters.sort.param,
               **_choices(request)}
    return render_page(request, "forces/operations/operation_list.html", context,
                       partial="table")


class PublicationForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=1992,
                              max_value=2100)


@login_required
def operation_detail(request: HttpRequest, operation_id: UUID) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    filters = selectors.filters_for(viewer=request.user,
                                    params={"operation": operation.code}).filters
    context = {
        "operation": operation, "decision": selectors.decision_shown(operation),
        "stages": selectors.stage_list(operation=operation),
        "by_stage": selectors.result_totals(viewer=request.user, filters=filters, by="stage"),
        "by_state": selectors.result_totals(viewer=request.user, filters=filters, by="state"),
        "chart": selectors.seizure_chart(viewer=request.user, filters=filters).data(),
        "publications": list(selectors.publication_list(viewer=request.user,
                                                        operation=operation)[:10]),
        "publication_form": PublicationForm(),
    }
    return render(request, "forces/operations/operation_detail.html", context)


@login_required
def result_list(request: HttpRequest) -> HttpResponse:
    filters = _result_filters(request)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return files.results_response(viewer=request.user, filters=filters, fmt=fmt)
    results = selectors.result_list(viewer=request.user, filters=filters)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "filters": filters, "sort": filters.sort.param,
               **_choices(request)}
    return render_page(request, "forces/operations/result_list.html", context, partial="table")


@login_required
def result_totals(request: HttpRequest) -> HttpResponse:
    filters = _result_filters(request)
    totals = selectors.result_totals(viewer=request.user, filters=filters, by=filters.by)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header, rows = files.totals_rows(totals)
        return table_response(filename="operation-totals", fmt=fmt, header=header, rows=rows)
    context = {"filters": filters, "totals": totals,
               "chart": selectors.seizure_chart(viewer=request.user, filters=filters).data(),
               "groupings": GROUPINGS, **_choices(request)}
    return render(request, "forces/operations/totals.html", context)


GROUPINGS = (("operation", gettext_lazy("Operation")), ("stage", gettext_lazy("Stage")),
             ("year", gettext_lazy("Year")), ("state", gettext_lazy("Member state")))


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File of results (CSV or XLSX)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


@form_page("forces.add_operationresult")
def result_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: dict[str, list[str]] = {}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            figures, unread = files.figures_read(viewer=request.user, upload=upload,
                                                 name=upload.name)
            outcome = services.results_import(actor=request.user, figures=figures,
                                              file_name=upload.name, unread=unread)
        except DomainError as error:
            problems = dict(sorted((error.errors or {"file": [error.detail]}).items(),
                                   key=_by_line))
        else:
            messages.success(request, _("Results added: %(added)d; corrected: %(corrected)d; "
                                        "already recorded, left as they were: %(unchanged)d.")
                             % {"added": outcome.added, "corrected": outcome.corrected,
                                "unchanged": outcome.unchanged})
            return redirect("forces:operation-results")
    context = {"form": form, "problems": problems, "columns": files.COLUMNS,
               "measures": Measure.choices, "units": QuantityUnit.choices, "case_types": CaseType.choices,
               "substances": selectors.substance_list()}
    return render(request, "forces/operations/result_import.html", context,
                  status=400 if problems or form.errors else 200)


def _by_line(item: tuple[str, list[str]]) -> tuple[int, str]:
    """Problems in the order of the file's lines (the file's own first)."""
    digits = "".join(ch for ch in item[0].split(",")[0] if ch.isdigit())
    return (int(digits) if digits else 0, item[0])


@form_action("forces.add_operationpublication")
def publication_generate(request: HttpRequest, operation_id: UUID) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    back = operation.get_absolute_url()
    return submit_to_service(
        request, PublicationForm(request.POST),
        call=lambda data: services.publication_generate(actor=request.user,
                                                        operation=operation, year=data["year"]),
        success_url=lambda publication: publication.get_absolute_url(), refused_url=back,
        success_message=_("The public figures were generated."))


def publication_detail(request: HttpRequest, publication_id: UUID) -> HttpResponse:
    """Public figures read by anyone, signed in or not: they are PUBLIC by construction."""
    publication = selectors.publication_get(viewer=request.user, public_id=publication_id)
    substances = {s.code: s.name for s in selectors.substance_list()}
    figures = [{**figure, "measure_label": Measure(figure["measure"]).label,
                "substance_label": substances.get(figure["substance"], ""),
                "case_label": CaseType(figure["case_type"]).label if figure["case_type"] else ""}
               for figure in publication.figures]
    return render(request, "forces/operations/publication_detail.html",
                  {"publication": publication, "figures": figures})


# --- Recording operations, stages and figures --------------------------------------------------


def _operation_initial(operation: Operation) -> dict[str, Any]:
    shown = selectors.decision_shown(operation)
    return {"name_ru": operation.name_ru, "name_en": operation.name_en, "kind": operation.kind,
            "year": operation.year, "description_ru": operation.description_ru,
            "description_en": operation.description_en,
            "decision": str(shown.public_id) if shown else ""}


def _form_context(title: str, back: str) -> dict[str, Any]:
    return {"title": title, "back": back}


@form_page("forces.add_operation")
def operation_create(request: HttpRequest) -> HttpResponse:
    form = opforms.NewOperationForm(
        posted(request), decisions=selectors.decision_choices(viewer=request.user))

    def create(data: dict[str, Any]) -> Operation:
        decision = selectors.decision_by_id(viewer=request.user,
                                            public_id=data.pop("decision") or "")
        return services.operation_create(actor=request.user, decision=decision, **data)

    back = reverse("forces:operation-list")
    return submit_to_service(
        request, form, call=create, success_url=lambda operation: operation.get_absolute_url(),
        success_message=_("The joint operation was recorded."),
        template="forces/operations/form.html",
        context=_form_context(_("New joint operation"), back))


@form_page("forces.change_operation")
def operation_edit(request: HttpRequest, operation_id: UUID) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    shown = selectors.decision_shown(operation)
    form = opforms.OperationForm(posted(request),
                                 decisions=selectors.decision_choices(viewer=request.user),
                                 initial=_operation_initial(operation))

    def edit(data: dict[str, Any]) -> Operation:
        chosen = data.pop("decision") or ""
        if shown is None and not chosen:
            # No decision the editor reads: one they may not read stays as it is.
            decision = operation.decision
        else:
            decision = selectors.decision_by_id(viewer=request.user, public_id=chosen)
        return services.operation_edit(actor=request.user, operation=operation,
                                       decision=decision, **data)

    back = operation.get_absolute_url()
    return submit_to_service(
        request, form, call=edit, success_url=back,
        success_message=_("The joint operation was saved."),
        template="forces/operations/form.html",
        context=_form_context(_("Joint operation %(name)s") % {"name": operation.name}, back))


@form_page("forces.change_operation")
def stage_add(request: HttpRequest, operation_id: UUID) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    following = max((stage.number for stage in selectors.stage_list(operation=operation)),
                    default=0) + 1
    form = opforms.NewStageForm(posted(request), states=selectors.member_states(),
                                initial={"number": following})
    back = operation.get_absolute_url()
    return submit_to_service(
        request, form,
        call=lambda data: services.stage_add(actor=request.user, operation=operation, **data),
        success_url=back, success_message=_("The stage was added."),
        template="forces/operations/form.html",
        context=_form_context(_("New stage of %(name)s") % {"name": operation.name}, back))


@form_page("forces.change_operation")
def stage_edit(request: HttpRequest, operation_id: UUID, number: int) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    stage = selectors.stage_get(operation=operation, number=number)
    initial = {name: getattr(stage, name) for name in opforms.StageForm.base_fields
               if name != "agencies"}
    form = opforms.StageForm(posted(request), states=selectors.member_states(),
                             initial={**initial, "agencies": opforms.agencies_text(stage)})
    back = operation.get_absolute_url()
    return submit_to_service(
        request, form,
        call=lambda data: services.stage_edit(actor=request.user, stage=stage, **data),
        success_url=back, success_message=_("The stage was saved."),
        template="forces/operations/form.html",
        context=_form_context(_("Stage %(number)d of %(name)s")
                              % {"number": stage.number, "name": operation.name}, back))


@form_page("forces.add_operationresult")
def result_report(request: HttpRequest, operation_id: UUID) -> HttpResponse:
    operation = selectors.operation_get(viewer=request.user, public_id=operation_id)
    stages = {stage.number: stage for stage in selectors.stage_list(operation=operation)}
    substances = {substance.code: substance for substance in selectors.substance_list()}
    form = opforms.ResultForm(
        posted(request), stages=[(number, f"{number}. {stage.name}")
                                 for number, stage in stages.items()],
        substances=[(code, substance.name) for code, substance in substances.items()])

    def report(data: dict[str, Any]) -> Any:
        party = getattr(request.user, "party", None)
        if party is None:
            raise ValidationError(_("Please correct the marked fields."), errors={
                "stage": [_("Results are reported by a member state.")]})
        figure = services.ResultFigure(
            stage=stages[data["stage"]], state=party, measure=data["measure"],
            quantity=data["quantity"], unit=data["unit"],
            substance=substances.get(data["substance"] or ""), case_type=data["case_type"],
            note=data["note"], classification=data["classification"],
            release_to_all_members=data["release_to_all_members"],
            releasable_to=list(data["releasable_to"]))
        return services.result_report(actor=request.user, figure=figure)

    back = operation.get_absolute_url()
    return submit_to_service(
        request, form, call=report,
        success_url=lambda result: reverse("forces:operation-result", args=[result.public_id]),
        success_message=_("The figure was reported."), template="forces/operations/form.html",
        context=_form_context(_("Report a figure of %(name)s") % {"name": operation.name},
                              back))


def _own_figure(request: HttpRequest, result: Any) -> bool:
    return bool(request.user.has_perm("forces.change_operationresult")
                and result.originator_id == getattr(request.user, "party_id", None))


@login_required
def result_detail(request: HttpRequest, result_id: UUID) -> HttpResponse:
    result = selectors.result_get(viewer=request.user, public_id=result_id)
    context = {"result": result, "history": selectors.result_history(result=result),
               "may_correct": _own_figure(request, result),
               "form": opforms.CorrectionForm(initial={"quantity": result.quantity,
                                                       "note": result.note})}
    return render(request, "forces/operations/result_detail.html", context)


@form_page("forces.change_operationresult")
def result_correct(request: HttpRequest, result_id: UUID) -> HttpResponse:
    result = selectors.result_get(viewer=request.user, public_id=result_id)
    form = opforms.CorrectionForm(posted(request), initial={"quantity": result.quantity,
                                                            "note": result.note})
    back = reverse("forces:operation-result", args=[result.public_id])
    return submit_to_service(
        request, form,
        call=lambda data: services.result_correct(actor=request.user, result=result, **data),
        success_url=back, success_message=_("The figure was corrected; its earlier value is "
                                            "kept in its history."),
        template="forces/operations/form.html",
        context=_form_context(_("Correct the figure"), back))
