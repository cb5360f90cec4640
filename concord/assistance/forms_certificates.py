"""The forms of end-use certificates and handover acts: issuing, drawing up and signing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from concord.assistance.models import HandoverSignature, PledgeLine
from concord.core.widgets import DateInput
from concord.council.models import SignerKey


class _LineChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        line: PledgeLine = obj
        return f"{line.line.number}. {line.line.description} — {line.quantity} " \
               f"{line.line.get_unit_display()}"


class _KeyChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        key: SignerKey = obj
        return f"{key.official.name} ({key.fingerprint[:16]}…)"


class CertificateForm(forms.Form):
    number = forms.CharField(label=_("Certificate number"), max_length=60)
    issued_on = forms.DateField(label=_("Issued"), widget=DateInput)
    end_user_ru = forms.CharField(label=_("End user (Russian)"), max_length=300)
    end_user_en = forms.CharField(label=_("End user (English)"), max_length=300,
                                  required=False)
    restriction_ru = forms.CharField(label=_("End-use restriction (Russian)"),
                                     widget=forms.Textarea({"rows": 2}))
    restriction_en = forms.CharField(label=_("End-use restriction (English)"), required=False,
                                     widget=forms.Textarea({"rows": 2}))
    retransfer_banned = forms.BooleanField(label=_("Re-transfer prohibited"), required=False,
                                           initial=True)
    lines = _LineChoice(label=_("Items covered"), queryset=PledgeLine.objects.none(),
                        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, lines: QuerySet[PledgeLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["lines"]
        field.queryset = lines


class _SignatureFields(forms.Form):
    key = _KeyChoice(label=_("Signer"), queryset=SignerKey.objects.none())
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput)
    signature = forms.CharField(
        label=_("Signature (base64)"), required=False, max_length=128,
        help_text=_("Leave empty when this installation holds the signer's key; otherwise "
                    "paste the signature the signer made with it."))

    def __init__(self, *args: Any, keys: QuerySet[SignerKey], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["key"]
        field.queryset = keys


class CertificateSignForm(_SignatureFields):
    pass


class ActForm(forms.Form):
    number = forms.CharField(label=_("Act number"), max_length=60)
    dated = forms.DateField(label=_("Dated"), widget=DateInput)
    place_ru = forms.CharField(label=_("Place (Russian)"), max_length=300, required=False)
    place_en = forms.CharField(label=_("Place (English)"), max_length=300, required=False)


class ActSignForm(_SignatureFields):
    side = forms.ChoiceField(label=_("Side"), choices=HandoverSignature.Side.choices)

    field_order = ["side", "key", "signed_on", "signature"]
