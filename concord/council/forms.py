from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.labels import Classification
from concord.council.models import LANGUAGES, Document, Instruction, Session, StatePosition
from concord.registry.models import Body, MemberState


class PositionForm(forms.Form):
    state = forms.CharField(widget=forms.HiddenInput)
    stance = forms.ChoiceField(label=_("Position"), choices=StatePosition.Stance.choices)
    reason = forms.CharField(label=_("Reason or reservation"), required=False, max_length=2000)


class TextForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea({"rows": 14}))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class ProgressReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[
        (Instruction.Status.IN_PROGRESS, Instruction.Status.IN_PROGRESS.label),
        (Instruction.Status.DONE, Instruction.Status.DONE.label)])
    text = forms.CharField(label=_("Report"), widget=forms.Textarea({"rows": 4}))


class ReportEntryForm(forms.Form):
    text_ru = forms.CharField(label=_("Assessment (Russian)"), widget=forms.Textarea({"rows": 5}))
    text_en = forms.CharField(label=_("Assessment (English)"), widget=forms.Textarea({"rows": 5}))


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SessionForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.filter(takes_decisions=True),
                                  to_field_name="code")
    kind = forms.ChoiceField(label=_("Kind"), choices=Session.Kind.choices)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    place_ru = forms.CharField(label=_("Place (Russian)"), max_length=200)
    place_en = forms.CharField(label=_("Place (English)"), max_length=200)
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE, required=False)
    dates_tentative = forms.BooleanField(label=_("The dates only bound a period"), required=False)
    time_zone = forms.CharField(label=_("Time zone"), initial="Europe/Moscow", max_length=64)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.PUBLIC)


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Type"), choices=Document.Type.choices)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices,
                                            initial=Classification.OFFICIAL_USE)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False, initial=True)
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea({"rows": 8}),
                              required=False)
    text_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea({"rows": 8}),
                              required=False)


class InstructionForm(forms.Form):
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=forms.Textarea({"rows": 3}))
    text_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea({"rows": 3}))
    addressee_kind = forms.ChoiceField(label=_("Addressee"), choices=Instruction.Addressee.choices)
    addressee_body = forms.ModelChoiceField(label=_("Body addressed"), required=False,
                                            queryset=Body.objects.all(), to_field_name="code")
    addressee_state = forms.ModelChoiceField(label=_("State addressed"), required=False,
                                             queryset=MemberState.objects.all(),
                                             to_field_name="iso_alpha2")
    deadline_on = forms.DateField(label=_("Fixed deadline"), widget=DATE, required=False)
    deadline_months = forms.IntegerField(label=_("Within months of adoption"), min_value=1,
                                         max_value=120, required=False)
    deadline_days = forms.IntegerField(label=_("Within days of adoption"), min_value=1,
                                       max_value=3650, required=False)
