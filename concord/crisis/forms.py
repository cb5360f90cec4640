"""The crisis pages' forms: their fields and labels; the rules stay in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import User
from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.widgets import DateInput, DateTimeInput
from concord.crisis.models import Case, ClockFact, Facility, Task
from concord.registry.models import Body


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    type = forms.ChoiceField(label=_("Type"), choices=Case.Type.choices)
    severity = forms.ChoiceField(label=_("Severity"), choices=Case.Severity.choices)
    affected_states = forms.ModelMultipleChoiceField(
        label=_("Affected states"), queryset=Party.objects.filter(kind="state").order_by("code"))
    legal_basis = forms.CharField(label=_("Legal basis"), required=False,
                                  widget=forms.Textarea({"rows": 2}))
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)
    radius_km = forms.FloatField(label=_("Radius (km)"), required=False)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()


class AdvanceForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Next phase"), choices=Case.Phase.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))


class LogEntryForm(forms.Form):
    text = forms.CharField(label=_("What happened"), widget=forms.Textarea({"rows": 2}))
    significant = forms.BooleanField(label=_("Significant event"), required=False)


class FactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Fact"), choices=ClockFact.Kind.choices,
                             widget=forms.Select({"class": "form-select form-select-sm"}))
    # Styled to the column's width: a bare datetime input is wider than a phone's half screen.
    at = forms.DateTimeField(label=_("At"),
                             widget=DateTimeInput({"class": "form-control form-control-sm"}))


def _people() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("username")


def _states() -> QuerySet[Party]:
    return Party.objects.filter(kind="state").order_by("code")


class DutyForm(forms.Form):
    position = forms.CharField(label=_("Position"), max_length=200)
    person = forms.ModelChoiceField(label=_("Person"), queryset=_people(),
                                    to_field_name="username")
    shift_start = forms.DateTimeField(label=_("Shift from"), widget=DateTimeInput())
    shift_end = forms.DateTimeField(label=_("Shift to"), required=False, widget=DateTimeInput())


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=_people(), required=False,
                                   to_field_name="username")
    contingent = forms.ModelChoiceField(label=_("Contingent"), queryset=_states(),
                                        required=False, to_field_name="code")
    deadline = forms.DateTimeField(label=_("Deadline"), required=False, widget=DateTimeInput())


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Task.Status.choices)


class FacilityForm(forms.Form):
    name = forms.CharField(label=_("Facility"), max_length=300)
    contingent = forms.ModelChoiceField(label=_("Contingent"), queryset=_states(),
                                        to_field_name="code")
    status = forms.ChoiceField(label=_("Status"), choices=Facility.Status.choices)
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)


class FacilityStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Facility.Status.choices)


class ConveneForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.order_by("code"),
                                  to_field_name="code")
    starts_on = forms.DateField(label=_("Date of the session"), widget=DateInput())
    place_ru = forms.CharField(label=_("Place (Russian)"), max_length=200, required=False)
    place_en = forms.CharField(label=_("Place (English)"), max_length=200, required=False)


class SilenceForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.order_by("code"),
                                  to_field_name="code")
    title_ru = forms.CharField(label=_("Title of the draft decision (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title of the draft decision (English)"), max_length=500,
                               required=False)
    text_ru = forms.CharField(label=_("Text of the draft (Russian)"),
                              widget=forms.Textarea({"rows": 4}))
    hours = forms.IntegerField(label=_("Concluded in (hours)"), min_value=1, max_value=72,
                               initial=6)


class ReviewForm(forms.Form):
    went_as_planned = forms.CharField(label=_("What went as planned"), required=False,
                                      widget=forms.Textarea({"rows": 4}))
    went_otherwise = forms.CharField(label=_("What did not go as planned"), required=False,
                                     widget=forms.Textarea({"rows": 4}))


class ObservationForm(forms.Form):
    observation = forms.CharField(label=_("Observation"), widget=forms.Textarea({"rows": 3}))


class IdentifyForm(forms.Form):
    text = forms.CharField(label=_("Lesson identified"), widget=forms.Textarea({"rows": 3}))


class RemedyForm(forms.Form):
    action = forms.CharField(label=_("Remedial action"), widget=forms.Textarea({"rows": 3}))
    addressee = forms.ModelChoiceField(label=_("Addressee"),
                                       queryset=Party.objects.order_by("kind", "code"),
                                       to_field_name="code")
    due_on = forms.DateField(label=_("Deadline"), widget=DateInput())


class DeployForm(forms.Form):
    instruction = forms.ChoiceField(label=_("Instruction of the decision"))
    contribution = forms.ChoiceField(label=_("Contribution"))

    def __init__(self, *args: Any, instructions: list[tuple[str, str]],
                 contributions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instruction"].choices = instructions  # type: ignore[attr-defined]
        self.fields["contribution"].choices = contributions  # type: ignore[attr-defined]
