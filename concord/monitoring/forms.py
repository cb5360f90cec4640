from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.widgets import DateInput, TimeInput
from concord.monitoring.formats import FORMAT_NAMES, FORMATS
from concord.monitoring.geography import LOCALIZED_COUNTRY_CHOICES, REGION_CHOICES
from concord.monitoring.models import (
    AlertState,
    Credibility,
    FigureSource,
    GeoPrecision,
    IndicatorKind,
    Reliability,
    SourceScale,
    TimePrecision,
    Verification,
)
from concord.monitoring.taxonomy import SUB_CATEGORIES, SUB_CATEGORY_BY_CODE, Category


class VerifyForm(forms.Form):
    verification = forms.ChoiceField(label=_("Verification"), choices=Verification.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class FigureForm(forms.Form):
    source_kind = forms.ChoiceField(label=_("Kind of source"), choices=[
        c for c in FigureSource.choices if c[0] != FigureSource.MERGED_RECORD])
    source_name = forms.CharField(label=_("Source"), max_length=200)
    fatalities = forms.IntegerField(label=_("Fatalities (best)"), min_value=0)
    fatalities_low = forms.IntegerField(label=_("Fatalities (low)"), min_value=0, required=False)
    fatalities_high = forms.IntegerField(label=_("Fatalities (high)"), min_value=0,
                                         required=False)
    injured = forms.IntegerField(label=_("Injured"), min_value=0, initial=0)
    reliability = forms.ChoiceField(label=_("Reliability of the source"),
                                    choices=Reliability.choices, initial=Reliability.F)
    credibility = forms.TypedChoiceField(label=_("Credibility of the information"),
                                         choices=Credibility.choices, coerce=int,
                                         initial=Credibility.UNKNOWN)


class MergeForm(forms.Form):
    duplicate = forms.UUIDField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"))
    fmt = forms.ChoiceField(label=_("Format"), required=False, choices=[
        ("", _("Recognise from the file")), *[(f, FORMAT_NAMES[f]) for f in FORMATS]])
    classification = forms.TypedChoiceField(
        label=_("Label of the imported incidents"), coerce=int,
        choices=[c for c in Classification.choices if c[0] <= Classification.CONFIDENTIAL],
        initial=Classification.OFFICIAL_USE)
    skip_bad_rows = forms.BooleanField(label=_("Import the good rows and skip bad ones"),
                                       required=False)


class IndicatorForm(forms.Form):
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=200)
    name_en = forms.CharField(label=_("Name in English"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All categories")), *Category.choices])
    region = forms.ChoiceField(label=_("Region"), required=False,
                               choices=[("", _("The whole area")), *REGION_CHOICES])
    window_days = forms.IntegerField(label=_("Window (days)"), min_value=1, max_value=366,
                                     initial=7)
    kind = forms.ChoiceField(label=_("Threshold"), choices=IndicatorKind.choices)
    orange = forms.FloatField(label=_("Orange above"), min_value=0)
    red = forms.FloatField(label=_("Red above"), min_value=0)
    classification = forms.TypedChoiceField(
        label=_("Label"), coerce=int,
        choices=[c for c in Classification.choices if c[0] <= Classification.CONFIDENTIAL],
        initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()


class IndicatorEditForm(IndicatorForm):
    """What watching changes; the label stays, as the audience of the alerts already raised."""

    active = forms.BooleanField(label=_("Active (evaluated)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("classification", "release_to_all_members", "releasable_to"):
            del self.fields[name]


class AlertFilterForm(forms.Form):
    """The alert list's filters: where the alerts stand, and who handles them ("me", a user's
    name, or "none" for no one)."""

    state = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Open (new or acknowledged)")), *AlertState.choices, ("all", _("All"))],
        widget=forms.Select(attrs={"class": "form-select"}))
    assignee = forms.CharField(label=_("Assigned to"), required=False, max_length=150)


class AlertAssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Assign to"), required=False,
                                 widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, handlers: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignee"]
        field.choices = [("", _("No one")), *(
            (user.get_username(), user.get_full_name() or user.get_username())
            for user in handlers)]


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())
    region = forms.ChoiceField(label=_("Region"), required=False,
                               choices=[("", _("The whole area")), *REGION_CHOICES])


class ReportEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    assessment = forms.CharField(label=_("Assessment"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 8}))
    conclusions = forms.CharField(label=_("Conclusions and proposals"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 6}))
    classification = forms.TypedChoiceField(label=_("Label"), coerce=int,
                                            choices=Classification.choices)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False)
    releasable_to = release_field()


class IncidentForm(forms.Form):
    occurred_on = forms.DateField(label=_("Date"), widget=DateInput())
    occurred_at = forms.TimeField(label=_("Time (UTC)"), required=False,
                                  widget=TimeInput())
    time_precision = forms.TypedChoiceField(label=_("Time precision"), coerce=int,
                                            choices=TimePrecision.choices)
    country = forms.ChoiceField(label=_("Country"), choices=LOCALIZED_COUNTRY_CHOICES)
    admin1 = forms.CharField(label=_("First administrative level"), max_length=100,
                             required=False)
    admin2 = forms.CharField(label=_("Second administrative level"), max_length=100,
                             required=False)
    location = forms.CharField(label=_("Named location"), max_length=200, required=False)
    latitude = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90, required=False)
    longitude = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180,
                                 required=False)
    geo_precision = forms.TypedChoiceField(label=_("Place precision"), coerce=int,
                                           choices=GeoPrecision.choices)
    sub_category = forms.ChoiceField(label=_("Category"), choices=[
        (str(label), [(s.code, s.label) for s in SUB_CATEGORIES if s.category == code])
        for code, label in Category.choices])
    actor1 = forms.CharField(label=_("Actor"), max_length=200, required=False)
    actor2 = forms.CharField(label=_("Second actor"), max_length=200, required=False)
    fatalities = forms.IntegerField(label=_("Fatalities (best)"), min_value=0, initial=0)
    fatalities_low = forms.IntegerField(label=_("Fatalities (low)"), min_value=0, required=False)
    fatalities_high = forms.IntegerField(label=_("Fatalities (high)"), min_value=0,
                                         required=False)
    injured = forms.IntegerField(label=_("Injured (best)"), min_value=0, initial=0)
    narrative = forms.CharField(label=_("Narrative"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    sources = forms.CharField(label=_("Sources"), max_length=2000, required=False)
    source_scale = forms.ChoiceField(label=_("Source scale"), choices=SourceScale.choices)
    reliability = forms.ChoiceField(label=_("Reliability of the source"),
                                    choices=Reliability.choices, initial=Reliability.F)
    credibility = forms.TypedChoiceField(label=_("Credibility of the information"), coerce=int,
                                         choices=Credibility.choices,
                                         initial=Credibility.UNKNOWN)
    classification = forms.TypedChoiceField(
        label=_("Label"), coerce=int,
        choices=[c for c in Classification.choices if c[0] <= Classification.CONFIDENTIAL],
        initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sub = SUB_CATEGORY_BY_CODE.get(data.get("sub_category", ""))
        if sub is not None:
            data["category"] = sub.category
        return data
