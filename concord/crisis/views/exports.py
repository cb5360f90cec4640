"""The case's log taken away (CSV, XLSX, DOCX and PDF in the ICS-214 layout) and what leaves the
case in EDXL: the situation report and its distribution envelope. Each carries only the
entries the reader may read, and the count of the others."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import ValidationError
from concord.core.exports import labelled_table_response
from concord.crisis.outputs import edxl, ics214
from concord.crisis.selectors import cases as read
from concord.crisis.selectors import log as log_read
from concord.crisis.services.log import log_exported

PAPER = {"docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  ics214.log_docx),
         "pdf": ("application/pdf", ics214.log_pdf)}


def _name(request: HttpRequest) -> str:
    user = request.user
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()


@login_required
def log_export(request: HttpRequest, public_id: uuid.UUID, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx", *PAPER}:
        raise Http404(_("No such format."))
    case = read.case_get(viewer=request.user, public_id=public_id)
    log = log_read.log_read(viewer=request.user, case=case)
    entries = list(log.entries.select_related("originator").prefetch_related("releasable_to"))
    log_exported(actor=request.user, case=case, fmt=fmt, count=len(entries))
    if fmt in PAPER:
        content_type, render = PAPER[fmt]
        response = HttpResponse(render(case=case, entries=entries, withheld=log.withheld,
                                       prepared_by=_name(request)), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="crisis-log.{fmt}"'
        return response
    header = [_("Date and time (UTC)"), _("Who"), _("Position"), _("Party"), _("Stream"),
              _("What"), _("Significant"), _("Audit entry")]
    rows = list(entries)
    return labelled_table_response(
        filename="crisis-log", fmt=fmt, header=header, records=rows,
        row=lambda e: [e.at.isoformat(timespec="seconds"), e.actor_name, e.position,
                       e.party_code, e.get_stream_display(), e.what,
                       _("yes") if e.significant else "", e.audit_seq or ""])


def _positive(request: HttpRequest, name: str) -> int:
    value = request.GET.get(name, "1")
    if not value.isdigit() or int(value) < 1:
        raise ValidationError(_("Please correct the marked fields."), errors={
            name: [_("%(value)s is not a whole number from 1.") % {"value": value}]})
    return int(value)


def _sitrep(request: HttpRequest, public_id: uuid.UUID) -> tuple[object, bytes]:
    case = read.case_get(viewer=request.user, public_id=public_id)
    log = log_read.log_read(viewer=request.user, case=case)
    entries = list(log.entries)
    number, version = _positive(request, "number"), _positive(request, "version")
    content = edxl.sitrep_xml(case=case, entries=entries, prepared_by=_name(request),
                              authorised_by=_name(request), number=number, version=version,
                              now=clock.now())
    return case, content


@login_required
def sitrep(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    _case, content = _sitrep(request, public_id)
    return HttpResponse(content, content_type="application/xml")


@login_required
def envelope(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    case = read.case_get(viewer=request.user, public_id=public_id)
    _found, content = _sitrep(request, public_id)
    party = getattr(request.user, "party", None)
    recipients = [state.code for state in case.affected_states.all()]
    return HttpResponse(edxl.envelope_xml(case=case, content=content,
                                          sender=party.code if party is not None else "",
                                          recipients=recipients, now=clock.now()),
                        content_type="application/xml")
