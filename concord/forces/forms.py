"""The forms of the forces pages: each hands its cleaned data to one service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.widgets import DateInput
from concord.forces.models import ContributionStatus, Echelon, FormationKind, Level, UnitType

_BLANK: list[tuple[Any, Any]] = [("", "—")]


def _level(label: Any, *, required: bool = False) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, coerce=int, empty_value=None, required=required,
                                  choices=_BLANK + list(reversed(Level.choices)))


class LabelFields(forms.Form):
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    releasable_to = release_field()


class ReadinessForm(forms.Form):
    reported_on = forms.DateField(label=_("Reported on"), widget=DateInput())
    personnel = _level(_("Personnel"))
    equipment = _level(_("Equipment on hand and condition"))
    training = _level(_("Training"))
    sustainment = _level(_("Sustainment"))
    override = _level(_("Overall level set by the commander"))
    override_reason = forms.CharField(
        label=_("Reason for the commander's level"), required=False, max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Without a level of the commander's, the overall level is the lowest axis."))
    notice_to_move_days = forms.IntegerField(label=_("Notice to move, days"), required=False,
                                             min_value=0, max_value=365)
    caveats = forms.CharField(label=_("Caveats"), required=False, max_length=2000,
                              widget=forms.Textarea({"rows": 2}),
                              help_text=_("Where or for what the unit may not be used."))
    forecast_on = forms.DateField(label=_("Forecast date of the next change"), required=False,
                                  widget=DateInput())
    forecast_level = _level(_("Forecast overall level"))
    source_text = forms.CharField(label=_("Source details"), required=False, max_length=300)

    def clean_caveats(self) -> str | None:
        # Left blank, the caveats of the previous report stand.
        value = str(self.cleaned_data.get("caveats") or "").strip()
        return value or None


class StrengthForm(LabelFields):
    as_of = forms.DateField(label=_("As of"), widget=DateInput())
    personnel_authorised = forms.IntegerField(label=_("Personnel, authorised"), required=False,
                                              min_value=0)
    personnel_on_hand = forms.IntegerField(label=_("Personnel, on hand"), required=False,
                                           min_value=0)
    equipment_authorised = forms.IntegerField(label=_("Major equipment, authorised"),
                                              required=False, min_value=0)
    equipment_on_hand = forms.IntegerField(label=_("Major equipment, on hand"), required=False,
                                           min_value=0)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    field_order = ("as_of", "personnel_authorised", "personnel_on_hand", "equipment_authorised",
                   "equipment_on_hand", "note", "classification", "release_to_all_members",
                   "releasable_to")


class UnitForm(LabelFields):
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    designation = forms.CharField(label=_("Designation"), required=False, max_length=60)
    unit_type = forms.ChoiceField(label=_("Type"), choices=UnitType.choices)
    echelon = forms.TypedChoiceField(label=_("Echelon"), coerce=int, choices=Echelon.choices)
    parent = forms.ChoiceField(label=_("Higher unit"), required=False)
    home_station_ru = forms.CharField(label=_("Home station (Russian)"), required=False,
                                      max_length=200)
    home_station_en = forms.CharField(label=_("Home station (English)"), required=False,
                                      max_length=200)
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90,
                                max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180,
                                 max_value=180)
    symbol_code = forms.CharField(
        label=_("Symbol code (MIL-STD-2525 / APP-6)"), required=False, max_length=30,
        help_text=_("Left blank, the code of a friendly unit of this type and echelon."))

    field_order = ("name_ru", "name_en", "designation", "unit_type", "echelon", "parent",
                   "home_station_ru", "home_station_en", "latitude", "longitude", "symbol_code",
                   "classification", "release_to_all_members", "releasable_to")

    def __init__(self, *args: Any, parents: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = _BLANK + parents  # type: ignore[attr-defined]


class EarmarkForm(LabelFields):
    formation = forms.ChoiceField(label=_("Formation"))
    period_from = forms.DateField(label=_("Earmarked from"), widget=DateInput())
    period_to = forms.DateField(label=_("Earmarked until"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    field_order = ("formation", "period_from", "period_to", "note", "classification",
                   "release_to_all_members", "releasable_to")

    def __init__(self, *args: Any, formations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["formation"].choices = formations  # type: ignore[attr-defined]


class AdvanceForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ContributionStatus.choices)
    on = forms.DateField(label=_("Date"), widget=DateInput())
    location_ru = forms.CharField(label=_("Place (Russian)"), required=False, max_length=300)
    location_en = forms.CharField(label=_("Place (English)"), required=False, max_length=300)
    decision = forms.ChoiceField(label=_("Council decision"), required=False)
    operation_ru = forms.CharField(label=_("Operation (Russian)"), required=False, max_length=300)
    operation_en = forms.CharField(label=_("Operation (English)"), required=False, max_length=300)
    personnel_on_hand = forms.IntegerField(label=_("Personnel at this step"), required=False,
                                           min_value=0)
    equipment_on_hand = forms.IntegerField(label=_("Major equipment at this step"),
                                           required=False, min_value=0)
    strength_withheld = forms.BooleanField(
        label=_("Withhold these figures from the other states"), required=False,
        help_text=_("The step itself stays visible to whoever sees the contribution."))
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def __init__(self, *args: Any, decisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = _BLANK + decisions  # type: ignore[attr-defined]


class TransferForm(forms.Form):
    decision = forms.ChoiceField(label=_("Council decision"))
    effective_on = forms.DateField(label=_("Effective from"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def __init__(self, *args: Any, decisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = decisions  # type: ignore[attr-defined]


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label=_("Returned to national command on"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class FormationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FormationKind.choices)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    abbreviation_ru = forms.CharField(label=_("Abbreviation (Russian)"), required=False,
                                      max_length=30)
    abbreviation_en = forms.CharField(label=_("Abbreviation (English)"), required=False,
                                      max_length=30)
    governing_decision = forms.ChoiceField(label=_("Governing decision"), required=False)
    established_on = forms.DateField(label=_("Established on"), required=False,
                                     widget=DateInput())
    command_ru = forms.CharField(label=_("Command (Russian)"), required=False, max_length=300)
    command_en = forms.CharField(label=_("Command (English)"), required=False, max_length=300)
    headquarters_ru = forms.CharField(label=_("Headquarters (Russian)"), required=False,
                                      max_length=300)
    headquarters_en = forms.CharField(label=_("Headquarters (English)"), required=False,
                                      max_length=300)
    target_personnel = forms.IntegerField(label=_("Target personnel"), required=False,
                                          min_value=0)
    readiness_period_days = forms.IntegerField(label=_("Readiness reported every, days"),
                                               min_value=1, max_value=730, initial=90)
    description_ru = forms.CharField(label=_("Description (Russian)"), required=False,
                                     widget=forms.Textarea({"rows": 3}))
    description_en = forms.CharField(label=_("Description (English)"), required=False,
                                     widget=forms.Textarea({"rows": 3}))
    illustrative = forms.BooleanField(label=_("Illustrative figures"), required=False)

    def __init__(self, *args: Any, decisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["governing_decision"].choices = _BLANK + decisions  # type: ignore[attr-defined]


class NewFormationForm(FormationForm):
    code = forms.SlugField(label=_("Code"), max_length=32,
                           help_text=_("Latin letters, digits and hyphens: crrf, cpkf."))

    field_order = ("code",)


class UnitEditForm(forms.Form):
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    designation = forms.CharField(label=_("Designation"), required=False, max_length=60)
    unit_type = forms.ChoiceField(label=_("Type"), choices=UnitType.choices)
    echelon = forms.TypedChoiceField(label=_("Echelon"), coerce=int, choices=Echelon.choices)
    home_station_ru = forms.CharField(label=_("Home station (Russian)"), required=False,
                                      max_length=200)
    home_station_en = forms.CharField(label=_("Home station (English)"), required=False,
                                      max_length=200)
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90,
                                max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180,
                                 max_value=180)
    symbol_code = forms.CharField(label=_("Symbol code (MIL-STD-2525 / APP-6)"), max_length=30)
    disbanded_on = forms.DateField(label=_("Disbanded on"), required=False, widget=DateInput())
