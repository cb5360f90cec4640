"""An exercise from planning to evaluation: its status moves one way, its phases fall within it,
its units are rated per objective, and closing the evaluation records each rated unit's training
readiness, dated and sourced to the exercise."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.errors import Conflict, Forbidden, InvalidState, ValidationError
from concord.core.models import AuditEntry
from concord.forces.models import Level, ReadinessReport, SourceKind
from concord.forces.models.exercises import Exercise
from concord.forces.services import exercises as services
from concord.forces.services.readiness import readiness_record
from concord.forces.tests.exercise_factories import exercise, held, joint_staff
from concord.registry.tests.factories import csto_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(personas):
    return csto_states()


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


def _run(staff, planned):
    services.exercise_status(actor=staff, exercise=planned, status=Exercise.Status.RUNNING)
    services.exercise_status(actor=staff, exercise=planned, status=Exercise.Status.COMPLETED)


def test_it_plans_an_exercise_named_by_its_series_and_year_and_audits_it(staff, states):
    planned = exercise(staff, states)
    assert planned.status == Exercise.Status.PLANNED
    assert planned.series_en == "Interaction" and planned.year == 2013
    entry = AuditEntry.objects.filter(action="forces.exercise.plan").get()
    assert entry.target_id == str(planned.public_id)
    assert entry.actor_name == "staff"


def test_it_refuses_a_second_exercise_of_a_series_in_one_year(staff, states):
    exercise(staff, states)
    with pytest.raises(Conflict) as refused:
        exercise(staff, states)
    assert "year" in refused.value.errors


def test_it_refuses_an_exercise_ending_before_it_begins_naming_the_field(staff, states):
    with pytest.raises(ValidationError) as refused:
        exercise(staff, states, starts_on=date(2013, 9, 5), ends_on=date(2013, 9, 1))
    assert "ends_on" in refused.value.errors
    assert not Exercise.objects.unscoped(reason="test").exists()


def test_it_refuses_a_phase_outside_the_exercise(staff, states):
    planned = exercise(staff, states)
    with pytest.raises(ValidationError) as refused:
        services.exercise_phase_add(actor=staff, exercise=planned, name_ru="Сбор",
                                    name_en="Assembly", starts_on=date(2013, 8, 30),
                                    ends_on=date(2013, 9, 1))
    assert "2013-09-01" in refused.value.errors["starts_on"][0]


def test_it_moves_planned_running_completed_and_never_back(staff, states):
    planned = exercise(staff, states)
    with pytest.raises(InvalidState):
        services.exercise_status(actor=staff, exercise=planned, status=Exercise.Status.COMPLETED)
    _run(staff, planned)
    assert planned.status == Exercise.Status.COMPLETED
    with pytest.raises(InvalidState):
        services.exercise_status(actor=staff, exercise=planned, status=Exercise.Status.RUNNING)
    with pytest.raises(InvalidState):
        services.exercise_status(actor=staff, exercise=planned, status=Exercise.Status.EVALUATED)


def test_it_refuses_a_rating_before_the_exercise_runs(staff, states):
    setup = held(staff, states)
    with pytest.raises(InvalidState):
        services.evaluation_record(actor=staff, participant=setup.participant,
                                   objective=setup.objectives[0], rating=Level.FULLY)


def test_it_refuses_to_evaluate_an_exercise_with_no_rating(staff, states):
    setup = held(staff, states)
    _run(staff, setup.exercise)
    with pytest.raises(InvalidState):
        services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    assert setup.exercise.status == Exercise.Status.COMPLETED


def test_it_records_the_lowest_rating_as_the_units_training_readiness(staff, states):
    setup = held(staff, states)
    _run(staff, setup.exercise)
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[0], rating=Level.FULLY,
                               evaluated_on=date(2013, 9, 5))
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[1], rating=Level.MARGINALLY,
                               evaluated_on=date(2013, 9, 6))
    reports = services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    assert setup.exercise.status == Exercise.Status.EVALUATED
    [report] = reports
    assert report.unit == setup.unit
    assert report.training == Level.MARGINALLY
    assert report.reported_on == date(2013, 9, 6)
    assert report.source_kind == SourceKind.EXERCISE_EVALUATION
    assert report.source_ref == setup.exercise.public_id
    assert "Interaction-2013" in report.source_text


def test_it_keeps_the_other_axes_of_the_unit_as_they_stood(staff, states):
    setup = held(staff, states)
    readiness_record(actor=staff, unit=setup.unit, reported_on=date(2013, 8, 1),
                     personnel=Level.FULLY, equipment=Level.SUBSTANTIALLY,
                     training=Level.FULLY, sustainment=Level.FULLY)
    _run(staff, setup.exercise)
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[0], rating=Level.NOT_READY,
                               evaluated_on=date(2013, 9, 5))
    [report] = services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    assert (report.personnel, report.equipment, report.training) == (
        Level.FULLY, Level.SUBSTANTIALLY, Level.NOT_READY)
    assert report.overall == Level.NOT_READY
    latest = (ReadinessReport.objects.unscoped(reason="test").filter(unit=setup.unit)
              .order_by("-reported_on").first())
    assert latest == report


def test_it_replaces_a_units_rating_given_again(staff, states):
    setup = held(staff, states)
    _run(staff, setup.exercise)
    for rating in (Level.NOT_READY, Level.SUBSTANTIALLY):
        services.evaluation_record(actor=staff, participant=setup.participant,
                                   objective=setup.objectives[0], rating=rating)
    [report] = services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    assert report.training == Level.SUBSTANTIALLY


def test_it_closes_an_evaluated_exercise_to_further_ratings(staff, states):
    setup = held(staff, states)
    _run(staff, setup.exercise)
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[0], rating=Level.FULLY)
    services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    with pytest.raises(InvalidState):
        services.evaluation_record(actor=staff, participant=setup.participant,
                                   objective=setup.objectives[1], rating=Level.FULLY)
    with pytest.raises(InvalidState):
        services.exercise_phase_add(actor=staff, exercise=setup.exercise, name_ru="Ещё",
                                    name_en="More", starts_on=date(2013, 9, 1),
                                    ends_on=date(2013, 9, 1))


def test_it_lets_a_delegation_record_only_its_own_states_participation(staff, states, personas):
    planned = exercise(staff, states)
    with pytest.raises(Forbidden):
        services.participant_add(actor=personas.delegate_b, exercise=planned, state=states["RU"],
                                 contingent_ru="Штаб", personnel=10)
    own = services.participant_add(actor=personas.delegate_b, exercise=planned,
                                   state=states["TJ"], contingent_ru="Штаб", personnel=10)
    assert own.originator == personas.state_b


def test_it_refuses_a_rating_by_a_delegate(staff, states, personas):
    setup = held(staff, states)
    _run(staff, setup.exercise)
    with pytest.raises(Forbidden):
        services.evaluation_record(actor=personas.delegate_a, participant=setup.participant,
                                   objective=setup.objectives[0], rating=Level.FULLY)
