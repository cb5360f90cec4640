"""The exercise pages: the list (sorted, filtered, searched, exported, and as a calendar), an
exercise with its timeline, areas, participants, evaluation and lessons, the forms that plan and
fill it, and its after-action report."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.forces.exercise_filters import exercise_filters
from concord.forces.exercise_forms import (
    EvaluationForm,
    ExerciseForm,
    ObjectiveForm,
    ParticipantForm,
    PhaseForm,
    PlaceForm,
    StatusForm,
)
from concord.forces.models.exercises import Exercise
from concord.forces.models.readiness import Level
from concord.forces.outputs import after_action
from concord.forces.outputs.exercise_ical import exercises_ical
from concord.forces.selectors import exercises as selectors
from concord.forces.services import exercises as services
from concord.registry import selectors as registry

PAGE_SIZE = 25
LANGUAGES = ("ru", "en")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _labelled(records: Any) -> Any:
    return records.select_related("originator").prefetch_related("releasable_to")


def exercise_list(request: HttpRequest) -> HttpResponse:
    filters = exercise_filters(request.GET).or_warn(request)
    exercises = selectors.exercise_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Exercise"), _("Type"), _("Host state"), _("First day"), _("Last day"),
                  _("Status")]
        return labelled_table_response(
            filename="exercises", fmt=fmt, header=header, records=_labelled(exercises),
            row=lambda e: [e.name, e.get_kind_display(), e.host_state.name,
                           e.starts_on.isoformat(), e.ends_on.isoformat(), e.get_status_display()])
    page = Paginator(exercises, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": filters.q, "kind": filters.kind, "status": filters.status,
               "host": filters.host, "year": filters.year or "", "sort": filters.sort.param,
               "kinds": Exercise.Kind.choices, "statuses": Exercise.Status.choices,
               "states": registry.member_state_list(viewer=request.user),
               "areas": selectors.exercise_areas(viewer=request.user, filters=filters)}
    return render_page(request, "forces/exercises/exercise_list.html", context, partial="table")


def exercise_calendar(request: HttpRequest) -> HttpResponse:
    filters = exercise_filters(request.GET).or_warn(request)
    exercises = list(selectors.exercise_list(viewer=request.user, filters=filters)
                     .prefetch_related("places", "phases"))
    response = HttpResponse(exercises_ical(exercises=exercises, request=request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="exercises.ics"'
    return response


def exercise_areas(request: HttpRequest) -> JsonResponse:
    """The areas of the exercises the viewer may read, as GeoJSON for the map."""
    filters = exercise_filters(request.GET).or_refuse()
    features = [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [a["lon"], a["lat"]]},
        "properties": {k: a[k] for k in ("exercise", "name", "kind", "year", "url")},
    } for a in selectors.exercise_areas(viewer=request.user, filters=filters)]
    return JsonResponse({"type": "FeatureCollection", "features": features})


def exercise_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    page = selectors.exercise_page(viewer=request.user, exercise=exercise)
    timeline = [{"id": p.order, "content": p.name, "start": p.starts_on.isoformat(),
                 "end": p.ends_on.isoformat()} for p in page["phases"]]
    areas = [{"name": p.name, "exercise": exercise.name, "lat": float(p.latitude),
              "lon": float(p.longitude), "url": exercise.get_absolute_url()}
             for p in page["places"]]
    moves = services.NEXT_STATUS.get(exercise.status, ())
    open_to_changes = exercise.status != Exercise.Status.EVALUATED
    return render(request, "forces/exercises/exercise_detail.html", {
        "exercise": exercise, **page, "timeline": timeline, "areas": areas,
        "moves": [(m, Exercise.Status(m).label) for m in moves],
        "may_evaluate": exercise.status == Exercise.Status.COMPLETED,
        "may_rate": exercise.status in services.RATED_IN,
        # Phases, objectives and participants are corrected until the evaluation closes them.
        "may_correct": open_to_changes and request.user.has_perm("forces.change_exercise"),
        "may_correct_participants": open_to_changes
        and request.user.has_perm("forces.add_exerciseparticipant"),
        "levels": dict(Level.choices)})


@form_page("forces.add_exercise")
def exercise_plan(request: HttpRequest) -> HttpResponse:
    form = ExerciseForm(posted(request))
    back = reverse("forces:exercise-list")
    return submit_to_service(
        request, form, call=lambda data: services.exercise_plan(actor=request.user, **data),
        success_url=lambda exercise: exercise.get_absolute_url(),
        success_message=_("The exercise was planned."), template="core/form.html",
        context={"title": _("Plan an exercise"), "back": back})


def _child_page(request: HttpRequest, public_id: uuid.UUID, form_class: type[forms.Form],
                call: Any, *, title: str, message: str) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, form_class(posted(request)),
        call=lambda data: call(actor=request.user, exercise=exercise, **data),
        success_url=exercise.get_absolute_url(), success_message=message,
        template="core/form.html",
        context={"title": f"{exercise.name}: {title}", "back": exercise.get_absolute_url()})


@form_page("forces.change_exercise")
def place_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _child_page(request, public_id, PlaceForm, services.exercise_place_add,
                       title=_("add an area"), message=_("The area was added."))


@form_page("forces.change_exercise")
def phase_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _child_page(request, public_id, PhaseForm, services.exercise_phase_add,
                       title=_("add a phase"), message=_("The phase was added."))


@form_page("forces.change_exercise")
def objective_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _child_page(request, public_id, ObjectiveForm, services.objective_add,
                       title=_("add an objective"), message=_("The objective was added."))


@form_page("forces.add_exerciseparticipant")
def participant_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _child_page(request, public_id, ParticipantForm, services.participant_add,
                       title=_("add a participant"), message=_("The participant was added."))


@form_action("forces.change_exercise")
def exercise_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, StatusForm(request.POST),
        call=lambda data: services.exercise_status(actor=request.user, exercise=exercise,
                                                   status=data["status"]),
        success_url=exercise.get_absolute_url(), refused_url=exercise.get_absolute_url(),
        success_message=lambda e: _("The exercise is now %(status)s.")
        % {"status": e.get_status_display().lower()})


@form_action("forces.change_exercise")
def exercise_evaluate(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.exercise_evaluate(actor=request.user, exercise=exercise),
        success_url=exercise.get_absolute_url(), refused_url=exercise.get_absolute_url(),
        success_message=lambda reports: _(
            "The exercise is evaluated; the training readiness of %(count)s units was recorded.")
        % {"count": len(reports)})


@form_page("forces.add_evaluation")
def evaluation_record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    form = EvaluationForm(
        posted(request),
        participants=selectors.participant_list(viewer=request.user, exercise=exercise,
                                                units_only=True),
        objectives=selectors.objective_list(exercise=exercise), initial={"evaluated_on": exercise.ends_on})
    return submit_to_service(
        request, form,
        call=lambda data: services.evaluation_record(actor=request.user, **data),
        success_url=exercise.get_absolute_url(), success_message=_("The rating was recorded."),
        template="core/form.html",
        context={"title": f"{exercise.name}: {_('rate a unit')}",
                 "back": exercise.get_absolute_url()})


def _language(request: HttpRequest) -> str:
    language = request.GET.get("language", "ru")
    return language if language in LANGUAGES else "ru"


def after_action_report(request: HttpRequest, public_id: uuid.UUID, fmt: str) -> HttpResponse:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    language = _language(request)
    write = after_action.after_action_docx if fmt == "docx" else after_action.after_action_pdf
    content = write(viewer=request.user, exercise=exercise, language=language)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = f"{exercise.series_en}-{exercise.year}-after-action-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
