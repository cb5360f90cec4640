from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.widgets import DateInput, TimeZoneField
from concord.registry.models import (
    Body,
    MemberState,
    MemberStatus,
    Official,
    Position,
)
from concord.registry.services import BODY_FIELDS, OFFICIAL_FIELDS, STATE_FIELDS

DATE = DateInput()


class MemberStateForm(forms.ModelForm):  # type: ignore[type-arg]
    capital_time_zone = TimeZoneField(label=_("Time zone of the capital"))

    class Meta:
        model = MemberState
        fields = STATE_FIELDS
        widgets = {"joined_on": DATE}


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MemberStatus.choices)
    effective_on = forms.DateField(label=_("Effective from"), widget=DATE)
    note = forms.CharField(label=_("Ground"), required=False, widget=forms.Textarea({"rows": 3}),
                           help_text=_("Required when participation is suspended or ended."))


class BodyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Body
        fields = BODY_FIELDS
        widgets = {"established_on": DATE,
                   "description_ru": forms.Textarea({"rows": 3}),
                   "description_en": forms.Textarea({"rows": 3})}


class OfficialForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Official
        fields = OFFICIAL_FIELDS


class TermForm(forms.Form):
    position = forms.ModelChoiceField(label=_("Position"), queryset=Position.objects.none())
    started_on = forms.DateField(label=_("From"), required=False, widget=DATE)
    ended_on = forms.DateField(label=_("To"), required=False, widget=DATE)
    attested_on = forms.DateField(label=_("Attested in office on"), required=False, widget=DATE,
                                  help_text=_("When the start of the term is not known."))
    source = forms.CharField(label=_("Source"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["position"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = Position.objects.select_related("body").order_by("body__order", "order")


class _NamedDateField(forms.DateField):
    """A date field whose error repeats what was typed, so a person sees which value was wrong."""

    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid",
                                        params={"value": value}) from error


class ChairOnDayForm(forms.Form):
    day = _NamedDateField(
        label=_("Date"), widget=DateInput({"class": "form-control"}), input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("“%(value)s” is not a date: give the day as YYYY-MM-DD.")})


class ChairmanshipForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1992, max_value=2200)
    state = forms.ModelChoiceField(label=_("State"), queryset=MemberState.objects.all(),
                                   to_field_name="iso_alpha2")
    handed_over_on = forms.DateField(
        label=_("Handed over on"), required=False, widget=DATE,
        help_text=_("The day the state took over the chairmanship, often at a session in the "
                    "year before; leave empty if it did on 1 January."))
    note_ru = forms.CharField(label=_("Note (Russian)"), required=False,
                              widget=forms.Textarea({"rows": 2}))
    note_en = forms.CharField(label=_("Note (English)"), required=False,
                              widget=forms.Textarea({"rows": 2}))
