from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from concord.core.errors import DomainError
from concord.core.labels import Classification
from concord.core.models import Party


def apply_domain_errors(form: forms.BaseForm, error: DomainError) -> None:
    """Show a service's refusal on the form: per field where it names one the form has."""
    if not error.errors:
        form.add_error(None, error.detail)
        return
    for field, field_messages in error.errors.items():
        target = field if field in form.fields else None
        for message in field_messages:
            form.add_error(target, message)


def submit_to_service(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    call: Callable[[dict[str, Any]], object],
    success_url: str | Callable[[Any], str],
    success_message: str | Callable[[Any], str],
    template: str = "",
    context: dict[str, Any] | None = None,
    refused_url: str = "",
    success_level: int | Callable[[Any], int] = messages.SUCCESS,
) -> HttpResponse:
    """The shape of every edit page and every button that asks a service for something:
    validate the form, hand it to one service, and go back to the record with a message.

    An edit page (`template`) shows what the service refused on its form. A button has no page
    of its own (`refused_url`): what was refused is said in a message on the page it came from.
    The success message and its level may depend on the service's result."""
    if request.method == "POST" and form.is_valid():
        try:
            result = call(form.cleaned_data)
        except DomainError as error:
            apply_domain_errors(form, error)
        else:
            message = success_message(result) if callable(success_message) else success_message
            if message:
                level = success_level(result) if callable(success_level) else success_level
                messages.add_message(request, level, message)
            return redirect(success_url(result) if callable(success_url) else success_url)
    if refused_url:
        messages.error(request, " ".join(str(m) for found in form.errors.values() for m in found))
        return redirect(refused_url)
    return render(request, template, {**(context or {}), "form": form},
                  status=400 if form.errors else 200)


def posted(request: HttpRequest) -> Any:
    """The submitted data of a POST, empty or not, so that an empty submission is validated
    and answered with its errors instead of showing the blank form again."""
    return request.POST if request.method == "POST" else None


def form_page(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """An edit page: signed-in users holding `permission` get its form and submit it; others
    are sent to sign in or refused."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        guarded = permission_required(permission, raise_exception=True)(
            require_http_methods(["GET", "POST"])(view))
        return login_required(guarded)

    return decorate


def form_action(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A button's action: a POST from a signed-in user holding `permission`, answered with a
    redirect (see `submit_to_service`); others are sent to sign in or refused."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        guarded = login_required(permission_required(permission, raise_exception=True)(view))
        return require_http_methods(["POST"])(guarded)

    return decorate


def release_field() -> forms.ModelMultipleChoiceField:  # type: ignore[type-arg]
    """The parties a record is released to by name, beside its originator and, when it is
    released to all member states, every state's delegation."""
    return forms.ModelMultipleChoiceField(
        label=_("Also released to"), required=False, queryset=Party.objects.all(),
        to_field_name="code", widget=forms.CheckboxSelectMultiple,
        help_text=_("Their users read the record when cleared for its label."))


class LabelForm(forms.Form):
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices)
    release_to_all_members = forms.BooleanField(label=_("Released to all member states"),
                                                required=False)
    releasable_to = release_field()
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000,
                             widget=forms.Textarea({"rows": 2}),
                             help_text=_("Shown to the person who approves a lower label."))
