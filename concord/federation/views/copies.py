"""The copies received from other nodes, as the normal read rule lets the viewer see them."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.core.exports import FORMATS, labelled_table_response
from concord.core.federated_labels import national_marking
from concord.core.htmx import render_page
from concord.federation.exchange import RECORD_TYPES
from concord.federation.selectors import copies as read
from concord.monitoring.geography import COUNTRY_CHOICES, country_name

PAGE_SIZE = 50


@login_required
def copy_list(request: HttpRequest) -> HttpResponse:
    exercise = request.GET.get("exercise") == "1"
    origin = request.GET.get("origin", "")
    record_type = request.GET.get("type", "")
    if record_type not in RECORD_TYPES:
        record_type = ""
    q = request.GET.get("q", "").strip()
    copies = read.copy_list(viewer=request.user, exercise=exercise, origin=origin,
                            record_type=record_type, search=q)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return labelled_table_response(
            filename="federation-copies", fmt=fmt,
            header=[_("Title"), _("Record type"), _("Origin node"), _("Received"),
                    _("Origin chain position")],
            records=copies.prefetch_related("releasable_to"),
            row=lambda c: [c.title, str(RECORD_TYPES[c.record_type].label), c.origin.name,
                           c.received_at.isoformat(timespec="minutes"), c.position_seq])
    page = Paginator(copies, PAGE_SIZE).get_page(request.GET.get("page"))
    types = {key: record_type.label for key, record_type in RECORD_TYPES.items()}
    return render_page(request, "federation/copy_list.html", {
        "page_obj": page, "exercise": exercise, "origin": origin, "type": record_type, "q": q,
        "origins": read.origin_names(), "types": types.items()},
        partial="table")


# A record's texts travel in both working languages; the reader sees those of their own.
_LANGUAGE_SUFFIXES = ("_ru", "_en")


_COUNTRY_CODES = dict(COUNTRY_CHOICES).keys()


def _readable(record_type: str, record: dict[str, Any]) -> list[tuple[str, Any]]:
    """The copy's fields under the names its record type gives them, coded values by their
    label, and of a text written in both languages the reader's one."""
    model = RECORD_TYPES[record_type].model
    other = "_en" if get_language() == "ru" else "_ru"
    rows: list[tuple[str, Any]] = []
    for name, path in RECORD_TYPES[record_type].fields:
        if name not in record or (name.endswith(_LANGUAGE_SUFFIXES) and name.endswith(other)):
            continue
        # A related record travels as its code or id, under the name of the relation that
        # reaches it (`operation` for stage__operation__code), which names the row.
        reached: list[Any] = [model._meta.get_field(path.split("__")[0])]
        for hop in path.split("__")[1:]:
            reached.append(reached[-1].related_model._meta.get_field(hop))
        named = next((hop for hop in reached if hop.name == name), reached[0])
        value = record[name]
        choices = dict(getattr(reached[-1], "choices", None) or ())
        label = str(named.verbose_name)
        # Countries are coded by ISO 3166 and named in the reader's language; the field's own
        # choices name them in English only.
        shown = (country_name(value) if choices.keys() == _COUNTRY_CODES
                 else choices.get(value, value))
        rows.append((label[:1].upper() + label[1:], shown))
    return rows


@login_required
def copy_detail(request: HttpRequest, copy_id: UUID) -> HttpResponse:
    copy = read.copy_get(viewer=request.user, public_id=copy_id)
    fields = _readable(copy.record_type, json.loads(copy.record))
    return render(request, "federation/copy_detail.html", {
        "copy": copy, "fields": fields, "type_label": RECORD_TYPES[copy.record_type].label,
        "marking": national_marking(copy.classification),
        "releasable_to": copy.releasable_to.all()})
