from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SignInForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username",
                                                             "autofocus": True}))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "current-password"}))


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Six-digit code"), min_length=6, max_length=7,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                         "inputmode": "numeric",
                                                         "autofocus": True}))


class PasswordForm(forms.Form):
    current = forms.CharField(label=_("Current password"), strip=False,
                              widget=forms.PasswordInput(attrs={"autocomplete":
                                                                "current-password"}))
    new = forms.CharField(label=_("New password"), strip=False,
                          widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    repeat = forms.CharField(label=_("New password again"), strip=False,
                             widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_current(self) -> str:
        value: str = self.cleaned_data["current"]
        if not self.user.check_password(value):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("The current password is not correct."))
        return value

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("new") and data.get("new") != data.get("repeat"):
            self.add_error("repeat", _("The two passwords differ."))
        return data


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365,
                              initial=90)
    read_only = forms.BooleanField(label=_("Read only: the token may read but change nothing"),
                                   required=False)
