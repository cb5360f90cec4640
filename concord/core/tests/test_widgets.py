"""Dates, times and time zones as every form takes them: ISO values that a browser's date input
accepts on a Russian page, and a time zone chosen from the list, named when it is not one."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from datetime import date, datetime, time
from typing import Any

import pytest
from django import forms
from django.forms.widgets import DateTimeBaseInput
from django.utils import timezone, translation

import concord
from concord.core.widgets import DateInput, DateTimeInput, TimeInput, TimeZoneField


class _Meeting(forms.Form):
    day = forms.DateField(widget=DateInput())
    starts = forms.TimeField(widget=TimeInput())
    deadline = forms.DateTimeField(widget=DateTimeInput())
    zone = TimeZoneField(label="Часовой пояс")


def _value(html: str) -> str:
    found = re.search(r'value="([^"]*)"', html)
    return found.group(1) if found else ""


def test_it_writes_a_date_a_time_and_a_moment_in_iso_on_a_russian_page():
    form = _Meeting(initial={"day": date(2026, 10, 26), "starts": time(9, 30),
                             "deadline": datetime(2026, 10, 26, 18, 0,
                                                  tzinfo=timezone.get_current_timezone())})

    with translation.override("ru"):
        day, starts, deadline = (str(form[name]) for name in ("day", "starts", "deadline"))

    assert 'type="date"' in day and _value(day) == "2026-10-26"
    assert 'type="time"' in starts and _value(starts) == "09:30"
    assert 'type="datetime-local"' in deadline and _value(deadline) == "2026-10-26T18:00"


def test_it_reads_back_on_a_russian_page_what_the_browser_sends():
    with translation.override("ru"):
        form = _Meeting({"day": "2026-10-26", "starts": "09:30", "deadline": "2026-10-26T18:00",
                         "zone": "Asia/Dushanbe"})
        assert form.is_valid(), form.errors

    assert form.cleaned_data["day"] == date(2026, 10, 26)
    assert form.cleaned_data["deadline"].hour == 18
    assert form.cleaned_data["zone"] == "Asia/Dushanbe"


def test_it_shows_a_refused_date_again_as_it_was_typed():
    with translation.override("ru"):
        form = _Meeting({"day": "31.02.2026", "zone": "Europe/Moscow"})
        html = str(form["day"])

    assert not form.is_valid()
    assert _value(html) == "31.02.2026"


# A moment first: a DateTimeField is not a DateField, but the order keeps the rule plain.
_ISO_INPUTS: list[tuple[type[forms.Field], type[forms.Widget], str]] = [
    (forms.DateTimeField, DateTimeInput, "%Y-%m-%dT%H:%M"),
    (forms.DateField, DateInput, "%Y-%m-%d"),
    (forms.TimeField, TimeInput, "%H:%M"),
]


def _forms_of_the_apps() -> list[Any]:
    found: list[Any] = []
    for module_info in pkgutil.walk_packages(concord.__path__, "concord."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__]
    return found


@pytest.mark.django_db
def test_it_gives_every_date_field_of_every_form_an_iso_input():
    checked = []
    for form_class in _forms_of_the_apps():
        for name, field in form_class.base_fields.items():
            for field_type, widget_type, iso in _ISO_INPUTS:
                if isinstance(field, field_type):
                    where = f"{form_class.__module__}.{form_class.__name__}.{name}"
                    assert isinstance(field.widget, widget_type), where
                    assert isinstance(field.widget, DateTimeBaseInput), where
                    assert field.widget.format == iso, where
                    checked.append(name)
                    break

    assert len(checked) >= 10


def test_it_offers_time_zones_by_region_in_the_pages_language():
    with translation.override("ru"):
        html = str(_Meeting()["zone"])
    with translation.override("en"):
        english = str(_Meeting()["zone"])

    assert '<optgroup label="Европа">' in html and '<optgroup label="Азия">' in html
    # The place is named in the page's language, not by its IANA identifier.
    assert re.search(r'<option value="Europe/Moscow" selected>Москва \(UTC\+03:00\)</option>', html)
    assert '<option value="Asia/Dushanbe">Душанбе (UTC+05:00)</option>' in html
    assert re.search(r'<option value="Europe/Moscow" selected>Moscow \(UTC\+03:00\)</option>',
                     english)
    # Within a region the places are in the alphabet of the page.
    asia = html[html.index('<optgroup label="Азия">'):]
    assert asia.index(">Алматы (") < asia.index(">Бишкек (") < asia.index(">Душанбе (")
    assert "Etc/GMT" not in html and "W-SU" not in html


def test_it_names_a_time_zone_that_is_not_one():
    with translation.override("ru"):
        form = _Meeting({"day": "2026-10-26", "zone": "Mars/Olympus"})
        assert not form.is_valid()
        assert form.errors["zone"] == ["Mars/Olympus — не часовой пояс. Выберите пояс из списка."]
