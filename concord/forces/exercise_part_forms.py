"""The form that corrects a participation in an exercise: its contingent and strength. Its state
and unit stay, as the service holds."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ParticipantEditForm(forms.Form):
    contingent_ru = forms.CharField(label=_("Contingent (Russian)"), max_length=200,
                                    required=False)
    contingent_en = forms.CharField(label=_("Contingent (English)"), max_length=200,
                                    required=False)
    personnel = forms.IntegerField(label=_("Personnel"), min_value=0, required=False)
    equipment = forms.IntegerField(label=_("Pieces of equipment"), min_value=0, required=False)
