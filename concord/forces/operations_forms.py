"""The joint operations' forms: an operation, a stage with the agencies taking part, one figure
a state reports, and the correction of a figure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from concord.core.forms import release_field
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.widgets import DateInput
from concord.forces.models import CaseType, Measure, Operation, QuantityUnit
from concord.forces.services.operations import FIRST_YEAR, LAST_YEAR, Agency

_BLANK: list[tuple[str, str]] = [("", "—")]
# An agency's line: the state's code, its Russian name and its English name.
_AGENCY_PARTS, _NAME_LENGTH = 3, 300


class OperationForm(forms.Form):
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Operation.Kind.choices)
    year = forms.IntegerField(label=_("Year launched"), required=False, min_value=FIRST_YEAR,
                              max_value=LAST_YEAR)
    decision = forms.ChoiceField(label=_("Council decision"), required=False)
    description_ru = forms.CharField(label=_("Description (Russian)"), required=False,
                                     widget=forms.Textarea({"rows": 3}))
    description_en = forms.CharField(label=_("Description (English)"), required=False,
                                     widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args: Any, decisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = _BLANK + decisions  # type: ignore[attr-defined]


class NewOperationForm(OperationForm):
    code = forms.SlugField(label=_("Code"), max_length=32,
                           help_text=_("Latin letters, digits and hyphens: channel, nelegal."))
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.PUBLIC)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)

    field_order = ("code",)


class StageForm(forms.Form):
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    subregion_ru = forms.CharField(label=_("Subregion (Russian)"), required=False,
                                   max_length=300)
    subregion_en = forms.CharField(label=_("Subregion (English)"), required=False,
                                   max_length=300)
    headquarters_ru = forms.CharField(label=_("Coordination headquarters (Russian)"),
                                      required=False, max_length=300)
    headquarters_en = forms.CharField(label=_("Coordination headquarters (English)"),
                                      required=False, max_length=300)
    agencies = forms.CharField(
        label=_("Participating agencies"), required=False, widget=forms.Textarea({"rows": 4}),
        help_text=_("One a line: the state's code; the name in Russian; the name in English. "
                    "For example: RU; ФСКН России; FDCS of Russia"))
    observers_ru = forms.CharField(label=_("Observers (Russian)"), required=False,
                                   widget=forms.Textarea({"rows": 2}))
    observers_en = forms.CharField(label=_("Observers (English)"), required=False,
                                   widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, states: list[Party], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.states = {state.code.upper(): state for state in states}

    def clean_agencies(self) -> list[Agency]:
        """The agencies, line by line; a line that names no member state or no name is named
        with its number."""
        agencies: list[Agency] = []
        problems: list[str] = []
        for number, line in enumerate(self.cleaned_data["agencies"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            code, name_ru, name_en = [*parts, "", ""][:_AGENCY_PARTS]
            code = code.upper()
            if code not in self.states:
                problems.append(gettext("Line %(line)d: “%(code)s” is not a member state's "
                                        "code.") % {"line": number, "code": parts[0]})
            elif not name_ru and not name_en:
                problems.append(gettext("Line %(line)d: give the agency's name.")
                                % {"line": number})
            elif len(parts) > _AGENCY_PARTS or max(len(name_ru), len(name_en)) > _NAME_LENGTH:
                problems.append(gettext("Line %(line)d: give the code, the Russian and the "
                                        "English name, separated by “;”, each name at most "
                                        "300 characters.") % {"line": number})
            else:
                agencies.append(Agency(self.states[code], name_ru, name_en))
        if problems:
            raise forms.ValidationError(problems)
        return agencies


class NewStageForm(StageForm):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)

    field_order = ("number",)


def agencies_text(stage: Any) -> str:
    return "\n".join(f"{agency.state.code}; {agency.name_ru}; {agency.name_en}"
                     for agency in stage.agencies.all())


class ResultForm(forms.Form):
    stage = forms.TypedChoiceField(label=_("Stage"), coerce=int)
    measure = forms.ChoiceField(label=_("Measure"), choices=Measure.choices)
    substance = forms.ChoiceField(label=_("Substance"), required=False,
                                  help_text=_("For drugs and precursors seized."))
    case_type = forms.ChoiceField(label=_("Type of case"), required=False,
                                  choices=_BLANK + list(CaseType.choices),
                                  help_text=_("For criminal cases opened."))
    quantity = forms.DecimalField(label=_("Quantity"), min_value=0, max_digits=16,
                                  decimal_places=3)
    unit = forms.ChoiceField(label=_("Unit"), choices=QuantityUnit.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False)
    releasable_to = release_field()

    def __init__(self, *args: Any, stages: list[tuple[int, str]],
                 substances: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = stages  # type: ignore[attr-defined]
        self.fields["substance"].choices = _BLANK + substances  # type: ignore[attr-defined]


class CorrectionForm(forms.Form):
    quantity = forms.DecimalField(label=_("Corrected quantity"), min_value=0, max_digits=16,
                                  decimal_places=3)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)
