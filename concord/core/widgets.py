"""The inputs every form uses for dates, times and time zones.

A browser's date, time and datetime-local inputs take their value in ISO 8601 only, whatever the
page's language: a Russian "26.10.2026" is dropped, and the person must type the date again.
So these widgets always write ISO, and the browser shows the date in the reader's own way."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

from babel.dates import get_timezone_location
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core import clock

ISO_DATE = "%Y-%m-%d"
ISO_TIME = "%H:%M"
ISO_DATETIME = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_TIME)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATETIME)


# The first part of an IANA zone's name, as a reader of the page would call the region.
REGIONS = {
    "Europe": _("Europe"),
    "Asia": _("Asia"),
    "Africa": _("Africa"),
    "America": _("America"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


@cache
def _zones_by_region() -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Only zones of a region: "Etc/GMT+3" and the old aliases ("W-SU", "US/Eastern") name no
    # place and mislead (the sign of Etc zones is inverted).
    grouped: dict[str, list[str]] = {region: [] for region in REGIONS}
    for name in zoneinfo.available_timezones():
        region = name.split("/", 1)[0]
        if region in grouped and "/" in name:
            grouped[region].append(name)
    return tuple((region, tuple(sorted(names))) for region, names in grouped.items() if names)


@lru_cache(maxsize=2048)
def _place(name: str, language: str) -> str:
    try:
        return str(get_timezone_location(name, locale=language, return_city=True))
    except (LookupError, ValueError):
        return name.rsplit("/", 1)[-1].replace("_", " ")


def time_zone_place(name: str, moment: datetime | None = None) -> str:
    """The place that keeps a time zone, in the reader's language (CLDR's city names: «Душанбе»,
    not "Asia/Dushanbe"), and its offset from UTC at `moment` (now by default)."""
    language = "en" if (get_language() or "ru")[:2] == "en" else "ru"
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return name
    offset = (moment or clock.now()).astimezone(zone).strftime("%z")
    return f"{_place(name, language)} (UTC{offset[:3]}:{offset[3:]})"


def _zone_label(name: str, moment: datetime) -> str:
    return time_zone_place(name, moment)


def time_zone_choices() -> list[tuple[Any, Any]]:
    """Every IANA time zone, grouped by region; the label is the place without its region and its
    offset from UTC today, so that a zone can be chosen knowing only the hour kept there."""
    moment = clock.now()
    return [(REGIONS[region], sorted(((name, _zone_label(name, moment)) for name in names),
                                     key=lambda choice: choice[1].casefold()))
            for region, names in _zones_by_region()]


class TimeZoneField(forms.ChoiceField):
    """A time zone chosen from the IANA list (its name, such as "Europe/Moscow"), not typed."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("initial", "Europe/Moscow")
        super().__init__(choices=time_zone_choices, **kwargs)
        self.error_messages["invalid_choice"] = _(
            "%(value)s is not a time zone. Choose one from the list.")
