"""A labelled record shows its coded values by their labels, in the reader's language, however
many times and in whichever languages it was shown before."""

from __future__ import annotations

from django.utils import translation

from concord.core.labels import Classification
from concord.monitoring.models import Incident, Severity


def test_it_shows_each_coded_value_in_the_language_asked_for_each_time():
    incident = Incident(sub_category="armed_clash", severity=Severity.CRITICAL,
                        classification=Classification.OFFICIAL_USE)
    for _round in range(2):
        with translation.override("ru"):
            assert incident.get_sub_category_display() == "Вооружённое столкновение"
            assert incident.get_severity_display() == "Критический"
            assert incident.get_classification_display() == "Для служебного пользования"
        with translation.override("en"):
            assert incident.get_sub_category_display() == "Armed clash"
            assert incident.get_severity_display() == "Critical"
            assert incident.get_classification_display() == "Official use"


def test_it_shows_a_value_outside_the_choices_as_it_is_stored():
    incident = Incident(sub_category="retired_code", severity=9)
    assert incident.get_sub_category_display() == "retired_code"
    assert str(incident.get_severity_display()) == "9"
