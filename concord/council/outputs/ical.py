"""Sessions as iCalendar events."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from concord.core.clock import now
from concord.council.models import Session


def sessions_ical(*, sessions: list[Session], request: HttpRequest) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Concord//Council sessions//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Sessions"))
    stamp = now()
    for session in sessions:
        # A session known only to fall within a period ("the second half of 2014") is no event
        # a calendar can place; the calendar page lists it apart.
        if session.dates_tentative:
            continue
        event = Event()
        event.add("uid", f"{session.public_id}@concord")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_on)
        event.add("dtend", session.ends_on + timedelta(days=1))
        event.add("summary", session.title)
        event.add("location", session.place)
        event.add("url", request.build_absolute_uri(session.get_absolute_url()))
        event.add("status", "TENTATIVE" if session.status == Session.Status.PLANNED
                  else "CONFIRMED")
        event.add("description", f"{session.body.name} · {session.get_kind_display()}")
        cal.add_component(event)
    return bytes(cal.to_ical())
