"""The public calendar: sessions the public may read and the press service's announced events
(briefings, press conferences), as iCalendar (RFC 5545)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from concord.core import clock
from concord.council.models import Session
from concord.press.models import Publication, PublicationText

EVENT_LENGTH = timedelta(hours=1)


def public_calendar(*, sessions: Iterable[Session], events: Iterable[Publication],
                    language: str, absolute: Callable[[str], str]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Concord//Press service//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Sessions and press events"))
    stamp = clock.now()
    for session in sessions:
        if session.dates_tentative:
            continue
        event = Event()
        event.add("uid", f"{session.public_id}@concord")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_on)
        event.add("dtend", session.ends_on + timedelta(days=1))
        event.add("summary", session.title)
        event.add("location", session.place)
        cal.add_component(event)
    for item in events:
        current: list[PublicationText] = item.current  # type: ignore[attr-defined]
        texts = {t.language: t for t in current}
        text = texts.get(language) or next(iter(texts.values()), None)
        if text is None or item.event_starts_at is None:
            continue
        event = Event()
        event.add("uid", f"{text.entry_id}@concord")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.event_starts_at)
        event.add("dtend", item.event_starts_at + EVENT_LENGTH)
        event.add("summary", text.title)
        event.add("location", item.event_place)
        event.add("url", absolute(text.get_absolute_url()))
        cal.add_component(event)
    return bytes(cal.to_ical())
