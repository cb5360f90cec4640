"""Exercises as iCalendar events: one all-day event for each exercise, and one for each of its
phases, so that a calendar shows the exercise and what happens within it."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from concord.core.clock import now
from concord.forces.models.exercises import Exercise

# An exercise that is held or done is a fact; one still planned may move.
_STATUS: dict[str, str] = {Exercise.Status.PLANNED: "TENTATIVE"}


def exercises_ical(*, exercises: list[Exercise], request: HttpRequest | None = None,
                   base_url: str = "") -> bytes:
    """The calendar; each event links to its exercise's page, on the site the request came to,
    or under `base_url` when written from the command line."""
    cal = Calendar()
    cal.add("prodid", "-//Concord//Exercises//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Exercises"))
    stamp = now()
    for exercise in exercises:
        url = (request.build_absolute_uri(exercise.get_absolute_url()) if request is not None
               else base_url.rstrip("/") + exercise.get_absolute_url())
        places = "; ".join(place.name for place in exercise.places.all())
        event = Event()
        event.add("uid", f"{exercise.public_id}@concord")
        event.add("dtstamp", stamp)
        event.add("dtstart", exercise.starts_on)
        # An all-day event ends on the day after its last (RFC 5545, DTEND is exclusive).
        event.add("dtend", exercise.ends_on + timedelta(days=1))
        event.add("summary", exercise.name)
        event.add("location", places or exercise.host_state.name)
        event.add("url", url)
        event.add("status", _STATUS.get(exercise.status, "CONFIRMED"))
        event.add("categories", [_("Exercise"), exercise.get_kind_display()])
        event.add("description", f"{exercise.get_kind_display()} · {exercise.host_state.name}")
        cal.add_component(event)
        for phase in exercise.phases.all():
            part = Event()
            part.add("uid", f"{exercise.public_id}-{phase.order}@concord")
            part.add("dtstamp", stamp)
            part.add("dtstart", phase.starts_on)
            part.add("dtend", phase.ends_on + timedelta(days=1))
            part.add("summary", f"{exercise.name}: {phase.name}")
            part.add("related-to", f"{exercise.public_id}@concord")
            part.add("url", url)
            cal.add_component(part)
    return bytes(cal.to_ical())
