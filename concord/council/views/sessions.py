"""The pages of sessions: the list, the calendar, a session's page, and convening and preparing one."""

from __future__ import annotations

import calendar
import uuid
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.council import outputs, selectors, services
from concord.council.filters import session_filters
from concord.council.forms import (
    AgendaItemForm,
    ParticipantForm,
    SessionForm,
    SessionStatusForm,
)
from concord.council.models import Session
from concord.council.views._common import PAGE_SIZE, edit_page, labelled
from concord.registry import selectors as registry


def session_list(request: HttpRequest) -> HttpResponse:
    filters = session_filters(request.GET).or_warn(request)
    sessions = selectors.session_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Session"), _("Body"), _("Kind"), _("Place"), _("From"), _("To"), _("Chair"),
                  _("Status")]
        return labelled_table_response(
            filename="sessions", fmt=fmt, header=header, records=labelled(sessions),
            row=lambda s: [s.title, s.body.abbreviation or s.body.code, s.get_kind_display(),
                           s.place, s.starts_on.isoformat(), s.ends_on.isoformat(),
                           s.chair.name if s.chair else "", s.get_status_display()])
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "status": filters.status, "body": filters.body,
               "statuses": Session.Status.choices,
               "bodies": [n.body for n in registry.body_tree(viewer=request.user)]}
    return render_page(request, "council/session_list.html", context, partial="table")


def session_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
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
        # Without a month asked for, the calendar opens where the reader is: on this month.
        return clock.today().replace(day=1)


def _month_after(first: date, months: int) -> date:
    """The first day of the month `months` after (or before, when negative) the one of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _calendar_day(day: date, *, first: date, sessions: list[Session]) -> dict[str, object]:
    return {"day": day, "in_month": day.month == first.month,
            "sessions": [s for s in sessions if s.starts_on <= day <= s.ends_on
                         and not s.dates_tentative]}


def session_calendar(request: HttpRequest) -> HttpResponse:
    first = _month(request)
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    sessions = list(selectors.session_list(viewer=request.user, start=first, end=last))
    weeks = [[_calendar_day(day, first=first, sessions=sessions) for day in week]
             for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)]
    context = {"first": first, "weeks": weeks, "previous": _month_after(first, -1),
               "following": _month_after(first, 1),
               "tentative": [s for s in sessions if s.dates_tentative],
               "weekdays": [WEEKDAYS_ABBR[i] for i in range(7)]}
    return render(request, "council/calendar.html", context)


def session_ics(request: HttpRequest) -> HttpResponse:
    sessions = selectors.session_list(viewer=request.user)
    response = HttpResponse(outputs.sessions_ical(sessions=list(sessions), request=request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sessions.ics"'
    return response


@form_page("council.add_session")
def session_create(request: HttpRequest) -> HttpResponse:
    form = SessionForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.session_create(actor=request.user, **data),
        success_url=lambda session: session.get_absolute_url(),
        success_message=_("The session was created."), template="core/form.html",
        context={"title": _("New session"), "back": reverse("council:session-list")})


@form_action("council.change_session")
def session_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, SessionStatusForm(request.POST),
        call=lambda data: services.session_set_status(actor=request.user, session=session,
                                                      **data),
        success_url=session.get_absolute_url(), refused_url=session.get_absolute_url(),
        success_message=lambda moved: _("The session is now %(status)s.")
        % {"status": moved.get_status_display()})


@form_page("council.change_session")
def session_participant_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    return edit_page(
        request, ParticipantForm(posted(request)),
        call=lambda data: services.participant_add(actor=request.user, session=session, **data),
        back=session.get_absolute_url(), message=_("The participant was added."),
        title=_("Participant of %(session)s") % {"session": session.title})


@form_page("council.change_session")
def session_agenda_item_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    documents = list(selectors.session_documents(viewer=request.user, session=session))
    form = AgendaItemForm(posted(request), session=session, documents=documents)
    return edit_page(
        request, form,
        call=lambda data: services.agenda_item_add(actor=request.user, session=session, **data),
        back=session.get_absolute_url(), message=_("The item was added to the agenda."),
        title=_("Agenda item of %(session)s") % {"session": session.title})
