"""The demo's exercises: the seed's five, in 2013, evaluated, each rated unit's training readiness
recorded from the exercise, and a lesson carried to a remedial action."""

from __future__ import annotations

from datetime import date

import pytest

from concord.demo.exercises import load_exercises
from concord.demo.organization import load
from concord.forces.models import ReadinessReport, SourceKind
from concord.forces.models.exercises import Exercise, Lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    load(password="demo-password-0123456789")
    return load_exercises()


def _unscoped(model):
    return model.objects.unscoped(reason="test")


def test_it_records_the_seeds_five_exercises_of_2013_as_evaluated(loaded):
    exercises = {e.series_en: e for e in _unscoped(Exercise).all()}
    assert set(exercises) == {"Rubezh", "Interaction", "Indestructible Brotherhood", "Cobalt",
                              "Thunder"}
    assert {e.year for e in exercises.values()} == {2013}
    assert {e.status for e in exercises.values()} == {Exercise.Status.EVALUATED}
    brotherhood = exercises["Indestructible Brotherhood"]
    assert (brotherhood.starts_on, brotherhood.ends_on) == (date(2013, 10, 7), date(2013, 10, 12))
    assert brotherhood.host_state.iso_alpha2 == "RU"
    assert brotherhood.source.startswith("Опубликовано: Чебаркульский полигон")
    assert exercises["Cobalt"].source.startswith("Иллюстративно")


def test_it_feeds_the_rated_units_training_readiness_from_the_exercises(loaded):
    reports = _unscoped(ReadinessReport).filter(source_kind=SourceKind.EXERCISE_EVALUATION)
    interaction = _unscoped(Exercise).get(series_en="Interaction")
    from_interaction = reports.filter(source_ref=interaction.public_id)
    assert from_interaction.count() == 3
    assert {r.reported_on for r in from_interaction} == {date(2013, 9, 25)}
    assert loaded["exercises"] == 5


def test_it_carries_lessons_to_a_remedial_action_and_to_a_lesson_learned(loaded):
    statuses = sorted(_unscoped(Lesson).values_list("status", flat=True))
    assert statuses == [Lesson.Status.ACTION, Lesson.Status.LEARNED]


def test_it_adds_nothing_when_loaded_again(loaded):
    assert load_exercises() == {}
    assert _unscoped(Exercise).count() == 5
