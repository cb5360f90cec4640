"""The one shape of the case's own forms (its work, its Council decision, its deployments and
its after-action review): the form on the case's part page, handed to one service through
`concord.core.forms.submit_to_service`, and back to the case with a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse

from concord.core.forms import submit_to_service
from concord.crisis.models import Case

TEMPLATE = "crisis/case_part_form.html"


def case_form(request: HttpRequest, case: Case, form: forms.BaseForm, *,
              call: Callable[[dict[str, Any]], object], heading: str, submit: str,
              done: str | Callable[[Any], str], help_text: object = "",
              success_url: str = "") -> HttpResponse:
    """The form of a part of `case` under `heading`; on success back to `success_url` (the
    case's page by default) saying `done`."""
    return submit_to_service(
        request, form, call=call, success_url=success_url or case.get_absolute_url(),
        success_message=done, template=TEMPLATE,
        context={"case": case, "heading": heading, "submit": submit, "help_text": help_text})


def case_action(request: HttpRequest, case: Case, form: forms.BaseForm, *,
                call: Callable[[dict[str, Any]], object], done: str,
                back: str = "") -> HttpResponse:
    """A button on a part of `case`: no page of its own, so both what was done and what was
    refused are said on the page it came from (`back`, the case's page by default)."""
    url = back or case.get_absolute_url()
    return submit_to_service(request, form, call=call, success_url=url, refused_url=url,
                             success_message=done)
