"""Forms of the fair-share proposal page: asking for a proposal, and a state's answer to its
part of one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.assistance.models import AllocationRow, BurdenKey


class ProposeForm(forms.Form):
    key = forms.ModelChoiceField(label=_("Burden-sharing key"), queryset=BurdenKey.objects.all(),
                                 to_field_name="code", empty_label=None)


class AnswerForm(forms.Form):
    row = forms.IntegerField(widget=forms.HiddenInput)
    response = forms.ChoiceField(label=_("Answer"), choices=[
        (AllocationRow.Response.ACCEPTED, _("Accept")),
        (AllocationRow.Response.AMENDED, _("Amend")),
        (AllocationRow.Response.DECLINED, _("Decline"))])
    amended_quantity = forms.IntegerField(label=_("Amended to"), required=False, min_value=0)
