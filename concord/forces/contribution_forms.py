"""The form that corrects a contribution's period and note."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.widgets import DateInput


class ContributionForm(forms.Form):
    period_from = forms.DateField(label=_("Earmarked from"), widget=DateInput())
    period_to = forms.DateField(label=_("Earmarked until"), widget=DateInput(), required=False,
                                help_text=_("Leave empty for an open-ended earmark."))
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea({"rows": 3}))
