"""The lessons of exercises: the list of them all, a lesson with the step it stands at and the form
of its next step, and an observation recorded in an exercise."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from concord.core import clock
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.forces.exercise_filters import lesson_filters
from concord.forces.exercise_forms import (
    ActionForm,
    ActionReportForm,
    IdentifyForm,
    ObservationForm,
)
from concord.forces.models.exercises import Lesson
from concord.forces.selectors import exercises as selectors
from concord.forces.services import lessons as services
from concord.forces.views.exercises import PAGE_SIZE

# The form of each step, shown on the lesson's page to whoever may take it.
_NEXT_STEP_FORM: dict[str, type[forms.Form]] = {
    Lesson.Status.OBSERVATION: forms.Form,
    Lesson.Status.VERIFIED: IdentifyForm,
    Lesson.Status.IDENTIFIED: ActionForm,
}


def _addressee(lesson: Lesson) -> str:
    if lesson.addressee_state_id:
        return lesson.addressee_state.name if lesson.addressee_state else ""
    if lesson.addressee_body_id:
        return lesson.addressee_body.name if lesson.addressee_body else ""
    return lesson.get_addressee_kind_display()


def lesson_list(request: HttpRequest) -> HttpResponse:
    filters = lesson_filters(request.GET).or_warn(request)
    lessons = selectors.lesson_list(viewer=request.user, filters=filters)
    today = clock.today()
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Lesson"), _("Status"), _("Observation"), _("Lesson identified"),
                  _("Remedial action"), _("Addressee"), _("Deadline"), _("Status of the action")]
        return labelled_table_response(
            filename="lessons", fmt=fmt, header=header,
            records=lessons.select_related("originator").prefetch_related("releasable_to"),
            row=lambda x: [str(x), x.get_status_display(), x.observation, x.lesson, x.action,
                           _addressee(x), x.due_on.isoformat() if x.due_on else "",
                           Lesson.ActionStatus(x.action_status_on(today)).label
                           if x.action_status else ""])
    page = Paginator(lessons, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(lesson, lesson.action_status_on(today)) for lesson in page]
    return render_page(request, "forces/exercises/lesson_list.html", {
        "page_obj": page, "rows": rows, "q": filters.q, "status": filters.status,
        "overdue": filters.overdue, "sort": filters.sort.param,
        "statuses": Lesson.Status.choices}, partial="table")


@require_http_methods(["GET", "POST"])
def lesson_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The lesson, with the form of its next step for the Joint Staff and, while its remedial
    action is open, the addressee's report."""
    lesson = selectors.lesson_get(viewer=request.user, public_id=public_id)
    today = clock.today()
    context: dict[str, Any] = {"lesson": lesson, "action_status": lesson.action_status_on(today),
                               "addressee": _addressee(lesson)}
    if lesson.action_open:
        if request.method == "POST" and not request.user.has_perm("forces.view_lesson"):
            raise PermissionDenied
        return submit_to_service(
            request, ActionReportForm(posted(request)),
            call=lambda data: services.lesson_report_action(actor=request.user, lesson=lesson,
                                                            **data),
            success_url=lesson.get_absolute_url(), success_message=_("The report was recorded."),
            template="forces/exercises/lesson_detail.html", context=context)
    form_class = _NEXT_STEP_FORM.get(lesson.status)
    context["form"] = form_class() if form_class and form_class is not forms.Form else None
    context["step_form"] = form_class is not None
    return render(request, "forces/exercises/lesson_detail.html", context)


@form_action("forces.change_lesson")
def lesson_step(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Takes the lesson to its next step, with what that step asks for."""
    lesson = selectors.lesson_get(viewer=request.user, public_id=public_id)
    calls: dict[str, tuple[type[forms.Form], Any, str]] = {
        Lesson.Status.OBSERVATION: (forms.Form, lambda _d: services.lesson_verify(
            actor=request.user, lesson=lesson), _("The observation was verified.")),
        Lesson.Status.VERIFIED: (IdentifyForm, lambda d: services.lesson_identify(
            actor=request.user, lesson=lesson, **d), _("The lesson was identified.")),
        Lesson.Status.IDENTIFIED: (ActionForm, lambda d: services.lesson_assign_action(
            actor=request.user, lesson=lesson, **d), _("The remedial action was assigned.")),
        Lesson.Status.ACTION: (forms.Form, lambda _d: services.lesson_learn(
            actor=request.user, lesson=lesson), _("The lesson is recorded as learned.")),
    }
    if lesson.status not in calls:
        messages.error(request, _("The lesson is already learned."))
        return redirect(lesson.get_absolute_url())
    form_class, call, message = calls[lesson.status]
    return submit_to_service(request, form_class(request.POST), call=call,
                             success_url=lesson.get_absolute_url(), success_message=message,
                             refused_url=lesson.get_absolute_url())


@form_page("forces.add_lesson")
def lesson_observe(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, ObservationForm(posted(request)),
        call=lambda data: services.lesson_observe(actor=request.user, exercise=exercise, **data),
        success_url=lambda lesson: lesson.get_absolute_url(),
        success_message=_("The observation was recorded."), template="core/form.html",
        context={"title": f"{exercise.name}: {_('record an observation')}",
                 "back": exercise.get_absolute_url()})
