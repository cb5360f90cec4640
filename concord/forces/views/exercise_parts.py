"""The pages that correct an exercise's phases, objectives and participants, and the buttons
that remove them; the services refuse once the exercise is evaluated, and the page says why."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.forces.exercise_forms import ObjectiveForm, PhaseForm
from concord.forces.exercise_part_forms import ParticipantEditForm
from concord.forces.models.exercises import Exercise, ExercisePhase, Objective
from concord.forces.selectors import exercises as selectors
from concord.forces.services import exercise_parts as services


def _phase(request: HttpRequest, public_id: uuid.UUID, number: int) -> ExercisePhase:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    phase = exercise.phases.filter(order=number).first()
    if phase is None:
        raise Http404(_("No such phase."))
    phase.exercise = exercise
    return phase


def _objective(request: HttpRequest, public_id: uuid.UUID, number: int) -> Objective:
    exercise = selectors.exercise_get(viewer=request.user, public_id=public_id)
    objective = selectors.objective_list(exercise=exercise).filter(number=number).first()
    if objective is None:
        raise Http404(_("No such objective."))
    objective.exercise = exercise
    return objective


def _page(request: HttpRequest, exercise: Exercise, form: forms.Form, call: Any, *, title: str,
          message: str) -> HttpResponse:
    return submit_to_service(
        request, form, call=call, success_url=exercise.get_absolute_url(),
        success_message=message, template="core/form.html",
        context={"title": f"{exercise.name}: {title}", "back": exercise.get_absolute_url()})


def _removal(request: HttpRequest, exercise: Exercise, call: Any, *, message: str) -> HttpResponse:
    return submit_to_service(
        request, forms.Form(request.POST), call=lambda _data: call(),
        success_url=exercise.get_absolute_url(), refused_url=exercise.get_absolute_url(),
        success_message=message)


@form_page("forces.change_exercise")
def phase_edit(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    phase = _phase(request, public_id, number)
    form = PhaseForm(posted(request), initial={
        "name_ru": phase.name_ru, "name_en": phase.name_en, "starts_on": phase.starts_on,
        "ends_on": phase.ends_on})
    return _page(request, phase.exercise, form,
                 lambda data: services.exercise_phase_update(actor=request.user, phase=phase,
                                                             **data),
                 title=_("phase %(number)s") % {"number": number},
                 message=_("The phase was saved."))


@form_action("forces.change_exercise")
def phase_remove(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    phase = _phase(request, public_id, number)
    return _removal(request, phase.exercise,
                    lambda: services.exercise_phase_remove(actor=request.user, phase=phase),
                    message=_("The phase was removed."))


@form_page("forces.change_exercise")
def objective_edit(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    objective = _objective(request, public_id, number)
    form = ObjectiveForm(posted(request), initial={
        "task": objective.task, "text_ru": objective.text_ru, "text_en": objective.text_en})
    return _page(request, objective.exercise, form,
                 lambda data: services.objective_update(actor=request.user, objective=objective,
                                                        **data),
                 title=_("objective %(number)s") % {"number": number},
                 message=_("The objective was saved."))


@form_action("forces.change_exercise")
def objective_remove(request: HttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    objective = _objective(request, public_id, number)
    return _removal(request, objective.exercise,
                    lambda: services.objective_remove(actor=request.user, objective=objective),
                    message=_("The objective was removed."))


@form_page("forces.add_exerciseparticipant")
def participant_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    participant = selectors.participant_get(viewer=request.user, public_id=public_id)
    form = ParticipantEditForm(posted(request), initial={
        "contingent_ru": participant.contingent_ru, "contingent_en": participant.contingent_en,
        "personnel": participant.personnel, "equipment": participant.equipment})
    return _page(request, participant.exercise, form,
                 lambda data: services.participant_update(actor=request.user,
                                                          participant=participant, **data),
                 title=str(participant), message=_("The participant was saved."))


@form_action("forces.add_exerciseparticipant")
def participant_remove(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    participant = selectors.participant_get(viewer=request.user, public_id=public_id)
    return _removal(request, participant.exercise,
                    lambda: services.participant_remove(actor=request.user,
                                                        participant=participant),
                    message=_("The participant was removed."))
