"""The one clock: a date is the organization's calendar day, reckoned in its time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from concord.core import clock
from config.env import env_time_zone

# 21:30 UTC on New Year's Eve is already 00:30 on New Year's Day in Moscow.
LATE_ON_NEW_YEARS_EVE = datetime(2026, 12, 31, 21, 30, tzinfo=UTC)


@pytest.fixture
def late_on_new_years_eve(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: LATE_ON_NEW_YEARS_EVE)


def test_it_dates_today_by_the_organizations_calendar(settings, late_on_new_years_eve):
    settings.CONCORD_TIME_ZONE = "Europe/Moscow"
    assert clock.today() == date(2027, 1, 1)
    assert clock.current_year() == 2027


def test_it_keeps_the_utc_day_when_the_organization_keeps_utc(settings, late_on_new_years_eve):
    settings.CONCORD_TIME_ZONE = "UTC"
    assert clock.today() == date(2026, 12, 31)
    assert clock.current_year() == 2026


def test_it_tells_moments_in_utc():
    assert clock.now().utcoffset() is not None
    assert clock.now().tzinfo == UTC


def test_it_refuses_a_time_zone_that_does_not_exist_naming_the_variable(monkeypatch):
    monkeypatch.setenv("CONCORD_TIME_ZONE", "Europe/Atlantis")
    with pytest.raises(ImproperlyConfigured, match="CONCORD_TIME_ZONE='Europe/Atlantis'"):
        env_time_zone("CONCORD_TIME_ZONE", "UTC")
