"""The forms of the exercise pages: planning an exercise, its areas, phases, objectives and
participants, rating a unit, and the steps of a lesson. The rules stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.widgets import DateInput
from concord.forces.models.exercises import Exercise, ExerciseParticipant, Lesson, Objective
from concord.forces.models.readiness import Level
from concord.registry.models import Body, MemberState


def _states() -> forms.ModelChoiceField:  # type: ignore[type-arg]
    return forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all(),
                                  to_field_name="iso_alpha2")


class ExerciseForm(forms.Form):
    series_ru = forms.CharField(label=_("Series (Russian)"), max_length=100,
                                help_text=_("«Взаимодействие»: the year is added to it."))
    series_en = forms.CharField(label=_("Series (English)"), max_length=100, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1992, max_value=2100)
    kind = forms.ChoiceField(label=_("Type"), choices=Exercise.Kind.choices)
    host_state = forms.ModelChoiceField(label=_("Host state"), queryset=MemberState.objects.all(),
                                        to_field_name="iso_alpha2")
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    scenario_ru = forms.CharField(label=_("Scenario (Russian)"), required=False,
                                  widget=forms.Textarea({"rows": 3}))
    scenario_en = forms.CharField(label=_("Scenario (English)"), required=False,
                                  widget=forms.Textarea({"rows": 3}))
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()


class PlaceForm(forms.Form):
    name_ru = forms.CharField(label=_("Area (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Area (English)"), max_length=200, required=False)
    state = _states()
    latitude = forms.DecimalField(label=_("Latitude"), min_value=-90, max_value=90,
                                  decimal_places=5)
    longitude = forms.DecimalField(label=_("Longitude"), min_value=-180, max_value=180,
                                   decimal_places=5)


class PhaseForm(forms.Form):
    name_ru = forms.CharField(label=_("Phase (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Phase (English)"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())


class ObjectiveForm(forms.Form):
    task = forms.ChoiceField(label=_("Task"), choices=Objective.Task.choices)
    text_ru = forms.CharField(label=_("Objective (Russian)"), widget=forms.Textarea({"rows": 2}))
    text_en = forms.CharField(label=_("Objective (English)"), required=False,
                              widget=forms.Textarea({"rows": 2}))


class ParticipantForm(forms.Form):
    state = _states()
    contingent_ru = forms.CharField(label=_("Contingent (Russian)"), max_length=200)
    contingent_en = forms.CharField(label=_("Contingent (English)"), max_length=200,
                                    required=False)
    personnel = forms.IntegerField(label=_("Personnel"), min_value=0, required=False)
    equipment = forms.IntegerField(label=_("Pieces of equipment"), min_value=0, required=False)


class StatusForm(forms.Form):
    # The service names a status the exercise cannot move to.
    status = forms.ChoiceField(label=_("Status"), choices=Exercise.Status.choices)


class EvaluationForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Unit"), queryset=ExerciseParticipant.objects.none(),
                                         to_field_name="public_id")
    objective = forms.ModelChoiceField(label=_("Objective"), queryset=Objective.objects.none())
    rating = forms.TypedChoiceField(label=_("Rating"), coerce=int, choices=Level.choices)
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=DateInput())
    remarks = forms.CharField(label=_("Remarks"), required=False,
                              widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, participants: Any, objectives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only what the evaluator may read of this exercise, and only units are rated.
        self.fields["participant"].queryset = participants  # type: ignore[attr-defined]
        self.fields["participant"].label_from_instance = (  # type: ignore[attr-defined]
            lambda p: f"{p.state.name}: {p.unit.name if p.unit else p.contingent}")
        self.fields["objective"].queryset = objectives  # type: ignore[attr-defined]
        self.fields["objective"].label_from_instance = (  # type: ignore[attr-defined]
            lambda o: f"{o.number}. {o.text}")


class ObservationForm(forms.Form):
    observation_ru = forms.CharField(label=_("Observation (Russian)"),
                                     widget=forms.Textarea({"rows": 3}))
    observation_en = forms.CharField(label=_("Observation (English)"), required=False,
                                     widget=forms.Textarea({"rows": 3}))


class IdentifyForm(forms.Form):
    lesson_ru = forms.CharField(label=_("Lesson (Russian)"), widget=forms.Textarea({"rows": 3}))
    lesson_en = forms.CharField(label=_("Lesson (English)"), required=False,
                                widget=forms.Textarea({"rows": 3}))


class ActionForm(forms.Form):
    action_ru = forms.CharField(label=_("Remedial action (Russian)"),
                                widget=forms.Textarea({"rows": 3}))
    action_en = forms.CharField(label=_("Remedial action (English)"), required=False,
                                widget=forms.Textarea({"rows": 3}))
    addressee_kind = forms.ChoiceField(label=_("Addressee"), choices=Lesson.Addressee.choices)
    addressee_state = forms.ModelChoiceField(label=_("State addressed"), required=False,
                                             queryset=MemberState.objects.all(),
                                             to_field_name="iso_alpha2")
    addressee_body = forms.ModelChoiceField(label=_("Body addressed"), required=False,
                                            queryset=Body.objects.all(), to_field_name="code")
    due_on = forms.DateField(label=_("Deadline"), widget=DateInput())


class ActionReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[
        (Lesson.ActionStatus.IN_PROGRESS, Lesson.ActionStatus.IN_PROGRESS.label),
        (Lesson.ActionStatus.DONE, Lesson.ActionStatus.DONE.label)])
    text = forms.CharField(label=_("Report"), widget=forms.Textarea({"rows": 3}))
