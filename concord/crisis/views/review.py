"""The after-action review of a closed case: the review itself, its lessons step by step, and
the lessons as a table."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.exports import FORMATS, table_response
from concord.core.forms import form_action, form_page, posted
from concord.core.marking import LABEL_COLUMNS, label_cells
from concord.crisis.forms import IdentifyForm, ObservationForm, RemedyForm, ReviewForm
from concord.crisis.models import Case
from concord.crisis.selectors import cases as read
from concord.crisis.selectors import review as review_read
from concord.crisis.services import review as services
from concord.crisis.views.case_forms import case_action, case_form

RUN = "crisis.change_case"


def _review_url(case: Case) -> str:
    return f"{case.get_absolute_url()}review/"


@login_required
def review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    lessons = review_read.case_lessons(case=case)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Number"), _("Step"), _("Observation"), _("Lesson"), _("Remedial action"),
                  _("Addressee"), _("Deadline"), _("Overdue"), _("Learned")]
        today = clock.today()
        return table_response(
            filename="crisis-lessons", fmt=fmt, header=[*header, *LABEL_COLUMNS],
            rows=([lesson.number, lesson.get_status_display(), lesson.observation,
                   lesson.lesson, lesson.action,
                   lesson.addressee.code if lesson.addressee else "",
                   lesson.due_on.isoformat() if lesson.due_on else "",
                   lesson.is_overdue(today),
                   lesson.learned_on.isoformat() if lesson.learned_on else "",
                   *label_cells(case)] for lesson in lessons))
    return render(request, "crisis/case_review.html", {
        "case": case, "review": review_read.case_review(case=case),
        "lessons": review_read.lessons_with_overdue(lessons)})


def _page(request: HttpRequest, case: Case, form: forms.BaseForm, *,
          call: Callable[[dict[str, Any]], object], heading: str, submit: str,
          done: str) -> HttpResponse:
    return case_form(request, case, form, call=call, heading=heading, submit=submit, done=done,
                     success_url=_review_url(case))


@form_page(RUN)
def review_write(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    written = review_read.case_review(case=case)
    initial = ({"went_as_planned": written.went_as_planned,
                "went_otherwise": written.went_otherwise} if written else None)
    return _page(request, case, ReviewForm(posted(request), initial=initial),
                 call=lambda data: services.review_write(actor=request.user, case=case, **data),
                 heading=_("After-action review"), submit=_("Save the review"),
                 done=_("The after-action review was saved."))


@form_page(RUN)
def lesson_observe(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    return _page(request, case, ObservationForm(posted(request)),
                 call=lambda data: services.lesson_observe(actor=request.user, case=case,
                                                           **data),
                 heading=_("An observation"), submit=_("Record the observation"),
                 done=_("The observation was recorded."))


@form_page(RUN)
def lesson_identify(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    lesson = review_read.case_lesson_get(case=case, number=number)
    return _page(request, case, IdentifyForm(posted(request)),
                 call=lambda data: services.lesson_identify(actor=request.user, lesson=lesson,
                                                            **data),
                 heading=_("Lesson identified from observation %(number)s") % {
                     "number": lesson.number},
                 submit=_("Identify the lesson"), done=_("The lesson was identified."))


@form_page(RUN)
def lesson_assign(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    lesson = review_read.case_lesson_get(case=case, number=number)
    return _page(request, case, RemedyForm(posted(request)),
                 call=lambda data: services.lesson_assign(actor=request.user, lesson=lesson,
                                                          **data),
                 heading=_("Remedial action for lesson %(number)s") % {"number": lesson.number},
                 submit=_("Assign the action"), done=_("The remedial action was assigned."))


@form_action(RUN)
def lesson_learn(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    lesson = review_read.case_lesson_get(case=case, number=number)
    return case_action(
        request, case, forms.Form(request.POST),
        call=lambda _data: services.lesson_learn(actor=request.user, lesson=lesson),
        done=_("The lesson is recorded as learned."), back=_review_url(case))


