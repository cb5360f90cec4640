"""The pages of sessions: the list, the calendar, a session's page, and convening and preparing one."""

from __future__ import annotations

import calendar
import uuid
from datetime import date

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core import clock
from concord.core.errors import NotFound
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_action, form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.council import outputs, selectors, services
from concord.council.filters import session_filters
from concord.council.forms import (
    AgendaItemForm,
    MoveForm,
    ParticipantForm,
    SessionForm,
    SessionStatusForm,
)
from concord.council.models import AgendaItem, Participant, Session
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
    context = {"page_obj": page, "q": filters.q, "status": filters.status,
               "kind": filters.kind, "body": filters.body, "sort": filters.sort.param,
               "statuses": Session.Status.choices, "kinds": Session.Kind.choices,
               "bodies": [n.body for n in registry.body_tree(viewer=request.user)]}
    return render_page(request, "council/session_list.html", context, partial="table")


def session_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    page = selectors.session_page(viewer=request.user, public_id=public_id)
    session = page.session
    statuses = list(Session.Status)
    following = statuses[statuses.index(Session.Status(session.status)) + 1:]
    siblings: dict[int | None, list[int]] = {}
    for node in page.agenda:
        siblings.setdefault(node.item.parent_id, []).append(node.item.pk)
    # Where each document is considered, by the number of its item.
    considered = {link.public_id: node.number for node in page.agenda for link in node.documents}
    context = {
        "session": session, "body": page.body, "chair": page.chair, "previous": page.previous,
        "participants": page.participants, "agenda": page.agenda,
        "documents": [(document, considered.get(document.public_id))
                      for document in page.documents],
        "first_items": {pks[0] for pks in siblings.values()},
        "last_items": {pks[-1] for pks in siblings.values()},
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
    form = AgendaItemForm(posted(request), documents=documents,
                          agenda=selectors.session_agenda(viewer=request.user, session=session))
    return edit_page(
        request, form,
        call=lambda data: services.agenda_item_add(actor=request.user, session=session, **data),
        back=session.get_absolute_url(), message=_("The item was added to the agenda."),
        title=_("Agenda item of %(session)s") % {"session": session.title})


def _participant(session: Session, pk: int) -> Participant:
    found = next((p for p in session.participants.all() if p.pk == pk), None)
    if found is None:
        raise NotFound(_("The session has no such participant."))
    return found


def _agenda_item(session: Session, pk: int) -> AgendaItem:
    found = next((i for i in session.agenda_items.all() if i.pk == pk), None)
    if found is None:
        raise NotFound(_("The agenda has no such item."))
    return found


def _moved(order: list[int], pk: int, direction: str) -> list[int]:
    """`order` with `pk` swapped with its neighbour above or below; unchanged at either end."""
    index = order.index(pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    return order


@form_page("council.change_session")
def session_participant_edit(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    participant = _participant(session, pk)
    initial = {"state": participant.state, "official": participant.official,
               "position": participant.position,
               "is_head_of_delegation": participant.is_head_of_delegation}
    return edit_page(
        request, ParticipantForm(posted(request), initial=initial),
        call=lambda data: services.participant_edit(actor=request.user, participant=participant,
                                                    **data),
        back=session.get_absolute_url(), message=_("The participant was changed."),
        title=_("Participant of %(session)s") % {"session": session.title})


@form_action("council.change_session")
def session_participant_remove(request: HttpRequest, public_id: uuid.UUID,
                               pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    participant = _participant(session, pk)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.participant_remove(actor=request.user,
                                                       participant=participant),
        success_url=session.get_absolute_url(), refused_url=session.get_absolute_url(),
        success_message=_("%(participant)s no longer takes part.")
        % {"participant": participant})


@form_action("council.change_session")
def session_participant_move(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    order = [p.pk for p in session.participants.all()]
    _participant(session, pk)
    return submit_to_service(
        request, MoveForm(request.POST),
        call=lambda data: services.participants_reorder(
            actor=request.user, session=session, order=_moved(order, pk, data["direction"])),
        success_url=session.get_absolute_url() + "#participants",
        refused_url=session.get_absolute_url(), success_message="")


@form_action("council.change_session")
def session_participants_add_all(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.participants_add_member_states(actor=request.user,
                                                                   session=session),
        success_url=session.get_absolute_url(), refused_url=session.get_absolute_url(),
        success_message=lambda added: ngettext(
            "%(count)d member state was added.", "%(count)d member states were added.",
            len(added)) % {"count": len(added)} if added
        else _("Every member state already takes part."))


@form_page("council.change_session")
def session_agenda_item_edit(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    item = _agenda_item(session, pk)
    documents = list(selectors.session_documents(viewer=request.user, session=session))
    initial = {"parent": item.parent_id, "title_ru": item.title_ru, "title_en": item.title_en,
               "rapporteur": item.rapporteur, "rapporteur_position": item.rapporteur_position,
               "outcome_ru": item.outcome_ru, "outcome_en": item.outcome_en}
    agenda = [entry for entry in selectors.session_agenda(viewer=request.user, session=session)
              if entry.item.pk != item.pk]
    form = AgendaItemForm(posted(request), documents=documents, agenda=agenda, initial=initial)
    # Documents are attached from their own form; the edit keeps the item's.
    del form.fields["documents"]
    return edit_page(
        request, form,
        call=lambda data: services.agenda_item_edit(actor=request.user, item=item, **data),
        back=session.get_absolute_url(), message=_("The agenda item was changed."),
        title=_("Agenda item of %(session)s") % {"session": session.title})


@form_action("council.change_session")
def session_agenda_item_remove(request: HttpRequest, public_id: uuid.UUID,
                               pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    item = _agenda_item(session, pk)
    return submit_to_service(
        request, forms.Form(request.POST),
        call=lambda _data: services.agenda_item_remove(actor=request.user, item=item),
        success_url=session.get_absolute_url(), refused_url=session.get_absolute_url(),
        success_message=_("The item was removed from the agenda."))


@form_action("council.change_session")
def session_agenda_item_move(request: HttpRequest, public_id: uuid.UUID, pk: int) -> HttpResponse:
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    item = _agenda_item(session, pk)
    siblings = [i.pk for i in session.agenda_items.all() if i.parent_id == item.parent_id]
    parent = _agenda_item(session, item.parent_id) if item.parent_id else None
    return submit_to_service(
        request, MoveForm(request.POST),
        call=lambda data: services.agenda_items_reorder(
            actor=request.user, session=session, parent=parent,
            order=_moved(siblings, pk, data["direction"])),
        success_url=session.get_absolute_url() + "#agenda",
        refused_url=session.get_absolute_url(), success_message="")
