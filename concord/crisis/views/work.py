"""The case's work pages: its duty team, tasks and facilities under protection, and the
Council's decision sought from the case (an extraordinary session or a silence procedure)."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.forms import form_action, form_page, posted
from concord.crisis.forms import (
    ConveneForm,
    DutyForm,
    FacilityForm,
    FacilityStatusForm,
    SilenceForm,
    TaskForm,
    TaskStatusForm,
)
from concord.crisis.selectors import cases as read
from concord.crisis.services import cases as services
from concord.crisis.services import decisions
from concord.crisis.services import work as work_services
from concord.crisis.views.case_forms import case_action, case_form

RUN = "crisis.change_case"


@form_page(RUN)
def duty_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return case_form(request, case, DutyForm(posted(request)),
                     call=lambda data: services.duty_assign(actor=request.user, case=case, **data),
                     heading=_("A duty position"), submit=_("Assign"),
                     done=_("The duty position was assigned."))


@form_page(RUN)
def task_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return case_form(request, case, TaskForm(posted(request)),
                     call=lambda data: work_services.task_add(actor=request.user, case=case, **data),
                     heading=_("A task"), submit=_("Set the task"), done=_("The task was set."))


@form_action(RUN)
def task_status(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    task = read.case_task_get(case=case, pk=pk)
    return case_action(
        request, case, TaskStatusForm(request.POST),
        call=lambda data: work_services.task_set_status(actor=request.user, task=task, **data),
        done=_("The task's status was changed."))


@form_page(RUN)
def facility_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return case_form(request, case, FacilityForm(posted(request)),
                     call=lambda data: work_services.facility_add(actor=request.user, case=case,
                                                                  **data),
                     heading=_("A facility under protection"), submit=_("Add the facility"),
                     done=_("The facility was added."))


@form_action(RUN)
def facility_status(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    facility = read.case_facility_get(case=case, pk=pk)
    return case_action(
        request, case, FacilityStatusForm(request.POST),
        call=lambda data: work_services.facility_set_status(actor=request.user,
                                                            facility=facility, **data),
        done=_("The facility's status was changed."))


@form_page(RUN)
def convene(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return case_form(request, case, ConveneForm(posted(request)),
                     call=lambda data: services.case_convene(actor=request.user, case=case, **data),
                     heading=_("Convene an extraordinary session"), submit=_("Convene"),
                     done=_("The extraordinary session was convened."),
                     help_text=gettext_lazy("The session is linked to the case: its agenda, "
                                            "positions and decisions are written to the log."))


@form_page(RUN)
def silence(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return case_form(request, case, SilenceForm(posted(request)),
                     call=lambda data: decisions.case_silence(actor=request.user, case=case,
                                                              **data),
                     heading=_("Open a silence procedure"), submit=_("Circulate the draft"),
                     done=_("The draft decision circulates under the silence procedure."),
                     help_text=gettext_lazy("The draft is adopted at the deadline unless a state "
                                            "objects; it is linked to the case."))
