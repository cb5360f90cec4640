"""Concord's one clock. Moments are aware and in UTC, as they are stored; a date ("today", the
day a decision is taken or a status takes effect) is the organization's calendar day, in the
time zone its headquarters keep (CONCORD_TIME_ZONE), whoever asks and wherever the server is."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def organization_time_zone() -> ZoneInfo:
    return ZoneInfo(settings.CONCORD_TIME_ZONE)


def today() -> date:
    return now().astimezone(organization_time_zone()).date()


def current_year() -> int:
    return today().year
