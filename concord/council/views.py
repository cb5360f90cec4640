from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from concord.core.errors import DomainError, NotFound
from concord.core.exports import FORMATS, labelled_table_response, table_response
from concord.core.forms import apply_domain_errors, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.council import outputs, selectors, services
from concord.council.forms import (
    AgendaItemForm,
    DocumentForm,
    InstructionForm,
    ParticipantForm,
    PositionForm,
    ProgressReportForm,
    ReportEntryForm,
    ReportIntroductionForm,
    SessionForm,
    SignatureForm,
    SignerKeyForm,
    SilenceForm,
    TextForm,
    TreatyActionForm,
)
from concord.council.models import LANGUAGES, Document, Instruction, Session
from concord.registry import selectors as registry

PAGE_SIZE = 25
LANGUAGE_NAMES = dict(LANGUAGES)


def _labelled(records: Any) -> Any:
    # A table taken away carries each row's label: its originator and release list in one
    # query each, not one per row.
    return records.select_related("originator").prefetch_related("releasable_to")


# --- Sessions --------------------------------------------------------------------------------

def session_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    body = request.GET.get("body", "")
    try:
        sessions = selectors.session_list(viewer=request.user, status=status, body=body)
    except DomainError:
        status = ""
        sessions = selectors.session_list(viewer=request.user, body=body)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Session"), _("Body"), _("Kind"), _("Place"), _("From"), _("To"), _("Chair"),
                  _("Status")]
        return labelled_table_response(
            filename="sessions", fmt=fmt, header=header, records=_labelled(sessions),
            row=lambda s: [s.title, s.body.abbreviation or s.body.code, s.get_kind_display(),
                           s.place, s.starts_on.isoformat(), s.ends_on.isoformat(),
                           s.chair.name if s.chair else "", s.get_status_display()])
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "status": status, "body": body,
               "statuses": Session.Status.choices,
               "bodies": [n.body for n in registry.body_tree(viewer=request.user)]}
    return render_page(request, "council/session_list.html", context, partial="table")


def session_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    page = selectors.session_page(viewer=request.user, public_id=public_id)
    session = page.session
    statuses = list(Session.Status)
    following = statuses[statuses.index(Session.Status(session.status)) + 1:]
    context = {
        "session": session, "body": page.body, "chair": page.chair, "previous": page.previous,
        "participants": page.participants, "agenda": page.agenda, "documents": page.documents,
        "signed": page.signed, "next_status": following[0] if following else None,
        "reports": selectors.implementation_report_list(viewer=request.user, session=session),
    }
    return render(request, "council/session_detail.html", context)


def _month(request: HttpRequest) -> date:
    value = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in value.split("-", 1))
        return date(year, month, 1)
    except ValueError:
        # Without a month asked for, the month of the latest session the visitor may see.
        today = registry.today()
        latest = (selectors.session_list(viewer=request.user, end=today)
                  .filter(dates_tentative=False).first())
        day = latest.starts_on if latest else today
        return date(day.year, day.month, 1)


def session_calendar(request: HttpRequest) -> HttpResponse:
    first = _month(request)
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    sessions = list(selectors.session_list(viewer=request.user, start=first, end=last))
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append([{"day": day, "in_month": day.month == first.month,
                       "sessions": [s for s in sessions if s.starts_on <= day <= s.ends_on
                                    and not s.dates_tentative]} for day in week])
    previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    context = {"first": first, "weeks": weeks, "previous": previous, "following": following,
               "tentative": [s for s in sessions if s.dates_tentative],
               "weekdays": [calendar.day_abbr[i] for i in range(7)]}
    return render(request, "council/calendar.html", context)


def session_ics(request: HttpRequest) -> HttpResponse:
    sessions = selectors.session_list(viewer=request.user)
    response = HttpResponse(outputs.sessions_ical(sessions=list(sessions), request=request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sessions.ics"'
    return response


# --- Documents -------------------------------------------------------------------------------

def document_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    doc_type = request.GET.get("type", "")
    status = request.GET.get("status", "")
    try:
        documents = selectors.document_list(viewer=request.user, q=q, doc_type=doc_type,
                                            status=status)
    except DomainError:
        doc_type, status = "", ""
        documents = selectors.document_list(viewer=request.user, q=q)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Symbol"), _("Type"), _("Title (Russian)"), _("Title (English)"),
                  _("Status"), _("Adopted on"), _("Classification")]
        return labelled_table_response(
            filename="documents", fmt=fmt, header=header, records=_labelled(documents),
            row=lambda d: [d.symbol, d.get_doc_type_display(), d.title_ru, d.title_en,
                           d.get_status_display(),
                           d.adopted_on.isoformat() if d.adopted_on else "",
                           d.classification_label])
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": q, "type": doc_type, "status": status,
               "types": Document.Type.choices, "statuses": Document.Status.choices}
    return render_page(request, "council/document_list.html", context, partial="table")


def _language(value: str, default: str) -> str:
    return value if value in LANGUAGE_NAMES else default


def _board_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    board = selectors.position_board(document=document, body=document.body)
    own = getattr(getattr(request.user, "party", None), "pk", None)
    can_record_any = request.user.has_perm("council.change_stateposition")
    can_state = request.user.has_perm("council.add_stateposition")
    open_for_positions = document.status in (Document.Status.DRAFT, Document.Status.CIRCULATING)
    rows = [{"row": row, "editable": open_for_positions and row.takes_part and can_state
             and (can_record_any or row.state.party_id == own)} for row in board]
    return {"document": document, "board": rows, "stances": PositionForm.base_fields["stance"]}


def document_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    texts = selectors.document_texts(document=document)
    languages = list(texts)
    left = _language(request.GET.get("left", ""), languages[0] if languages else "ru")
    right = _language(request.GET.get("right", ""),
                      languages[1] if len(languages) > 1 else left)
    context = {
        **_board_context(request, document),
        "texts": texts, "languages": [(code, LANGUAGE_NAMES[code]) for code in languages],
        "left": selectors.latest_text(document=document, language=left),
        "right": selectors.latest_text(document=document, language=right),
        "left_code": left, "right_code": right,
        "signatures": services.document_verify(document=document),
        "instructions": selectors.instruction_list(viewer=request.user, document=document),
        "treaty": selectors.treaty_status(document=document)
        if document.doc_type == Document.Type.AGREEMENT else None,
    }
    return render(request, "council/document_detail.html", context)


@require_POST
@login_required
def document_position(request: HttpRequest, public_id: str) -> HttpResponse:
    """Records one state's position: the refreshed board for htmx, the page otherwise."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    form = PositionForm(request.POST)
    if form.is_valid():
        try:
            state = registry.member_state_get(viewer=request.user, code=form.cleaned_data["state"])
            services.position_record(actor=request.user, document=document, body=document.body,
                                     state=state, stance=form.cleaned_data["stance"],
                                     reason=form.cleaned_data["reason"])
        except DomainError as refused:
            apply_domain_errors(form, refused)
    error = " ".join(str(m) for found in form.errors.values() for m in found)
    if getattr(request, "htmx", None):
        context = {**_board_context(request, document), "error": error}
        return render(request, "council/document_detail.html#board", context,
                      status=400 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The position was recorded."))
    return redirect(document.get_absolute_url())


def document_diff(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    texts = selectors.document_texts(document=document)
    language = _language(request.GET.get("language", ""), next(iter(texts), "ru"))
    versions = texts.get(language, [])
    by_number = {t.version: t for t in versions}

    def pick(name: str, default: int) -> int:
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            return default
        return value if value in by_number else default

    newest = versions[-1].version if versions else 0
    older = pick("from", max(newest - 1, 1))
    newer = pick("to", newest)
    lines = selectors.text_diff(older=by_number[older], newer=by_number[newer]) \
        if versions else []
    context = {"document": document, "language": language, "versions": versions,
               "older": older, "newer": newer, "lines": lines,
               "languages": [(code, LANGUAGE_NAMES[code]) for code in texts]}
    return render(request, "council/document_diff.html", context)


@form_page("council.change_document")
def document_text_revise(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    latest = selectors.latest_text(document=document, language=language)
    form = TextForm(posted(request),
                    initial={"language": language, "body": latest.body if latest else ""})
    return submit_to_service(
        request, form,
        call=lambda data: services.document_text_revise(actor=request.user, document=document,
                                                        **data),
        success_url=document.get_absolute_url(), success_message=_("The new version was saved."),
        template="core/form.html",
        context={"title": _("New version of %(symbol)s") % {"symbol": document.symbol},
                 "back": document.get_absolute_url()})


def document_docx(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.document_docx(document=document, language=language),
                            filename=outputs.filename(document, language, "docx"))


def document_pdf(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.document_pdf(document=document, language=language),
                            filename=outputs.filename(document, language, "pdf"))


def document_akn(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    return HttpResponse(outputs.document_akn(document=document, language=language),
                        content_type="application/akn+xml")


# --- Instructions and reports ----------------------------------------------------------------

def instruction_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    addressee = request.GET.get("addressee", "")
    try:
        instructions = selectors.instruction_list(viewer=request.user, status=status,
                                                  addressee=addressee)
    except DomainError:
        status, addressee = "", ""
        instructions = selectors.instruction_list(viewer=request.user)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Instruction"), _("Text"), _("Addressee"), _("Due"), _("Status")]
        return labelled_table_response(
            filename="instructions", fmt=fmt, header=header, records=_labelled(instructions),
            row=lambda i: [str(i), i.text, i.get_addressee_kind_display(),
                           i.due_on.isoformat() if i.due_on else "", i.get_status_display()])
    page = Paginator(instructions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "status": status, "addressee": addressee,
               "statuses": Instruction.Status.choices, "addressees": Instruction.Addressee.choices}
    return render_page(request, "council/instruction_list.html", context, partial="table")


@require_http_methods(["GET", "POST"])
def instruction_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    instruction = selectors.instruction_get(viewer=request.user, public_id=public_id)
    form = ProgressReportForm(posted(request))
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return submit_to_service(
        request, form,
        call=lambda data: services.instruction_report(actor=request.user,
                                                      instruction=instruction, **data),
        success_url=instruction.get_absolute_url(),
        success_message=_("The report was recorded."),
        template="council/instruction_detail.html", context={"instruction": instruction})


def report_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    return render(request, "council/report_detail.html", {"report": report})


def report_docx(request: HttpRequest, public_id: str) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.report_docx(report=report, language=language),
                            filename=f"implementation-report-{language}.docx")


def report_pdf(request: HttpRequest, public_id: str) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    language = _language(request.GET.get("language", ""), "ru")
    return outputs.download(outputs.report_pdf(report=report, language=language),
                            filename=f"implementation-report-{language}.pdf")




@require_POST
@login_required
@permission_required("council.add_consensusoutcome", raise_exception=True)
def document_decide(request: HttpRequest, public_id: str) -> HttpResponse:
    """Applies the consensus rule now and says what it found."""
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    try:
        outcome = services.document_decide(actor=request.user, document=document,
                                           session=document.session)
    except DomainError as refused:
        messages.error(request, refused.detail)
    else:
        level = messages.success if outcome.outcome == "adopted" else messages.warning
        level(request, outcome.ground)
    return redirect(document.get_absolute_url())


@require_POST
@login_required
@permission_required("council.add_implementationreport", raise_exception=True)
def report_generate(request: HttpRequest, public_id: str) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    try:
        report = services.implementation_report_generate(actor=request.user, session=session)
    except DomainError as refused:
        messages.error(request, refused.detail)
        return redirect(session.get_absolute_url())
    messages.success(request, _("The report was drafted from the instructions; edit it as needed."))
    return redirect(report.get_absolute_url())


@form_page("council.change_implementationreport")
def report_entry_edit(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    entry = next((e for e in report.entries.all() if e.order == number), None)
    if entry is None:
        raise NotFound(_("The report has no such entry."))
    form = ReportEntryForm(posted(request),
                           initial={"text_ru": entry.text_ru, "text_en": entry.text_en})
    return submit_to_service(
        request, form,
        call=lambda data: services.implementation_entry_edit(actor=request.user, entry=entry,
                                                             **data),
        success_url=report.get_absolute_url(), success_message=_("The assessment was saved."),
        template="core/form.html",
        context={"title": _("Assessment of instruction %(ref)s") % {"ref": str(entry.instruction)},
                 "back": report.get_absolute_url()})


@form_page("council.add_session")
def session_create(request: HttpRequest) -> HttpResponse:
    form = SessionForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.session_create(actor=request.user, **data),
        success_url=lambda session: session.get_absolute_url(),
        success_message=_("The session was created."), template="core/form.html",
        context={"title": _("New session"), "back": reverse("council:session-list")})


@form_page("council.add_document")
def document_create(request: HttpRequest, public_id: str) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = DocumentForm(posted(request))

    def register(data: dict[str, Any]) -> Document:
        texts = {code: data.pop(f"text_{code}") for code in LANGUAGE_NAMES
                 if data.get(f"text_{code}", "").strip()}
        for code in LANGUAGE_NAMES:
            data.pop(f"text_{code}", None)
        return services.document_register(actor=request.user, body=session.body,
                                          session=session, place_ru=session.place_ru,
                                          place_en=session.place_en, texts=texts, **data)

    return submit_to_service(
        request, form, call=register, success_url=lambda document: document.get_absolute_url(),
        success_message=_("The draft was registered."), template="core/form.html",
        context={"title": _("New document for %(session)s") % {"session": session.title},
                 "back": session.get_absolute_url()})


@form_page("council.add_instruction")
def instruction_create(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    form = InstructionForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.instruction_add(actor=request.user, document=document,
                                                   **data),
        success_url=document.get_absolute_url(), success_message=_("The instruction was added."),
        template="core/form.html",
        context={"title": _("New instruction of %(symbol)s") % {"symbol": document.symbol},
                 "back": document.get_absolute_url()})


@require_POST
@login_required
@permission_required("council.change_session", raise_exception=True)
def session_status(request: HttpRequest, public_id: str) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    try:
        services.session_set_status(actor=request.user, session=session,
                                    status=request.POST.get("status", ""))
    except DomainError as refused:
        messages.error(request, refused.detail)
    else:
        messages.success(request, _("The session is now %(status)s.")
                         % {"status": session.get_status_display()})
    return redirect(session.get_absolute_url())


def _edit_page(request: HttpRequest, form: Any, *, call: Any, back: str, message: str,
               title: str) -> HttpResponse:
    return submit_to_service(request, form, call=call, success_url=back, success_message=message,
                             template="core/form.html", context={"title": title, "back": back})


@form_page("council.change_session")
def session_participant_add(request: HttpRequest, public_id: str) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    return _edit_page(
        request, ParticipantForm(posted(request)),
        call=lambda data: services.participant_add(actor=request.user, session=session, **data),
        back=session.get_absolute_url(), message=_("The participant was added."),
        title=_("Participant of %(session)s") % {"session": session.title})


@form_page("council.change_session")
def session_agenda_item_add(request: HttpRequest, public_id: str) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    documents = list(selectors.session_documents(viewer=request.user, session=session))
    form = AgendaItemForm(posted(request), session=session, documents=documents)
    return _edit_page(
        request, form,
        call=lambda data: services.agenda_item_add(actor=request.user, session=session, **data),
        back=session.get_absolute_url(), message=_("The item was added to the agenda."),
        title=_("Agenda item of %(session)s") % {"session": session.title})


@form_page("council.add_consensusoutcome")
def document_silence(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    zone = document.session.time_zone if document.session else "Europe/Moscow"
    form = SilenceForm(posted(request), initial={"time_zone": zone})

    def start(data: dict[str, Any]) -> object:
        return services.silence_start(actor=request.user, document=document,
                                      deadline=data["deadline"])

    return _edit_page(
        request, form, call=start, back=document.get_absolute_url(),
        message=_("The draft circulates under the silence procedure."),
        title=_("Silence procedure for %(symbol)s") % {"symbol": document.symbol})


@form_page("council.add_signature")
def document_sign(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    return _edit_page(
        request, SignatureForm(posted(request), initial={"signed_on": registry.today()}),
        call=lambda data: services.document_sign(actor=request.user, document=document, **data),
        back=document.get_absolute_url(), message=_("The signature was recorded."),
        title=_("Signature of %(symbol)s") % {"symbol": document.symbol})


@form_page("council.add_treatyaction")
def document_treaty_action(request: HttpRequest, public_id: str) -> HttpResponse:
    document = selectors.document_get(viewer=request.user, public_id=public_id)
    initial: dict[str, Any] = {}
    code = request.GET.get("state", "").upper()
    recorded = next((a for a in selectors.treaty_status(document=document).rows
                     if a.state.iso_alpha2 == code), None)
    if recorded is not None:
        initial = {"state": code, "signed_on": recorded.signed_on,
                   "ratified_on": recorded.ratified_on, "deposited_on": recorded.deposited_on,
                   "reservations": recorded.reservations}
    elif code:
        initial = {"state": code}
    return _edit_page(
        request, TreatyActionForm(posted(request), initial=initial),
        call=lambda data: services.treaty_action_record(actor=request.user, document=document,
                                                        **data),
        back=document.get_absolute_url(), message=_("The state's treaty status was recorded."),
        title=_("Treaty status of %(symbol)s") % {"symbol": document.symbol})


def report_list(request: HttpRequest) -> HttpResponse:
    reports = selectors.implementation_report_list(viewer=request.user)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Report"), _("Session"), _("On the decisions of"), _("Drafted"),
                  _("Classification")]
        return labelled_table_response(
            filename="implementation-reports", fmt=fmt, header=header,
            records=_labelled(reports),
            # A session the viewer may not read is absent (None), its cell empty.
            row=lambda r: [r.title, r.session.title if r.session else "",
                           r.covers.title if r.covers else "",
                           r.generated_at.date().isoformat(), r.classification_label])
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "council/report_list.html", {"page_obj": page}, partial="table")


@form_page("council.change_implementationreport")
def report_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    report = selectors.implementation_report_get(viewer=request.user, public_id=public_id)
    form = ReportIntroductionForm(posted(request), initial={
        "introduction_ru": report.introduction_ru, "introduction_en": report.introduction_en})
    return _edit_page(
        request, form,
        call=lambda data: services.implementation_report_edit(actor=request.user, report=report,
                                                              **data),
        back=report.get_absolute_url(), message=_("The introduction was saved."),
        title=_("Introduction of %(title)s") % {"title": report.title})


@require_http_methods(["GET", "POST"])
def signer_key_list(request: HttpRequest) -> HttpResponse:
    """The signers' public keys, which anyone may read to check a signature; those allowed
    register a key here or have one generated."""
    if request.method == "POST" and not request.user.has_perm("council.add_signerkey"):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    keys = selectors.signer_key_list(viewer=request.user)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Official"), _("Signs for"), _("Fingerprint"), _("Public key (base64)"),
                  _("Registered"), _("Revoked")]
        rows = ([k.official.name, k.state.name if k.state else "", k.fingerprint, k.public_key,
                 k.created_at.date().isoformat(),
                 k.revoked_at.date().isoformat() if k.revoked_at else ""] for k in keys)
        return table_response(filename="signer-keys", fmt=fmt, header=header, rows=rows)

    def register(data: dict[str, Any]) -> object:
        public_key = data.pop("public_key").strip()
        if public_key:
            return services.signer_key_register(actor=request.user, public_key=public_key,
                                                **data)
        return services.signer_key_create(actor=request.user, **data)

    return submit_to_service(
        request, SignerKeyForm(posted(request)), call=register,
        success_url=reverse("council:signer-key-list"),
        success_message=_("The signer key was registered."), template="council/signer_keys.html",
        context={"keys": keys})


@require_POST
@login_required
@permission_required("council.change_signerkey", raise_exception=True)
def signer_key_revoke(request: HttpRequest, fingerprint: str) -> HttpResponse:
    key = selectors.signer_key_get(viewer=request.user, fingerprint=fingerprint)
    try:
        services.signer_key_revoke(actor=request.user, key=key)
    except DomainError as refused:
        messages.error(request, refused.detail)
    else:
        messages.success(request, _("The key of %(name)s was revoked.")
                         % {"name": key.official.name})
    return redirect("council:signer-key-list")
