"""The crisis pages' forms: their fields and labels; the rules stay in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.widgets import DateTimeInput
from concord.crisis.models import Case, ClockFact


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
