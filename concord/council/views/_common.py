"""What the council's pages share: the page size, the languages, labelled exports and the edit page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from concord.core.forms import submit_to_service
from concord.council.models import LANGUAGES

PAGE_SIZE = 25
LANGUAGE_NAMES = dict(LANGUAGES)


def labelled(records: Any) -> Any:
    # A table taken away carries each row's label: its originator and release list in one
    # query each, not one per row.
    return records.select_related("originator").prefetch_related("releasable_to")


def language_of(value: str, default: str) -> str:
    return value if value in LANGUAGE_NAMES else default


def edit_page(request: HttpRequest, form: Any, *, call: Any, back: str, message: str,
              title: str) -> HttpResponse:
    return submit_to_service(request, form, call=call, success_url=back, success_message=message,
                             template="core/form.html", context={"title": title, "back": back})
