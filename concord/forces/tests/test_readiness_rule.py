"""The readiness rule: the overall level is the lowest axis, unless overridden with a reason;
axes not reported keep their last value."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.actors import SYSTEM
from concord.core.errors import Forbidden, ValidationError
from concord.forces.models import Level, SourceKind
from concord.forces.services.readiness import readiness_record
from concord.forces.tests.factories import unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(org):
    return org.states


def test_it_takes_the_lowest_axis_as_the_overall_level(states):
    report = readiness_record(actor=SYSTEM, unit=unit(states["RU"]), reported_on=date(2024, 3, 1),
                              personnel=Level.FULLY, equipment=Level.SUBSTANTIALLY,
                              training=Level.MARGINALLY, sustainment=Level.FULLY)
    assert report.overall == Level.MARGINALLY
    assert not report.overridden


def test_it_refuses_an_override_without_a_reason(states):
    with pytest.raises(ValidationError) as refused:
        readiness_record(actor=SYSTEM, unit=unit(states["RU"]), reported_on=date(2024, 3, 1),
                         personnel=Level.FULLY, training=Level.MARGINALLY,
                         override=Level.SUBSTANTIALLY)
    assert "override_reason" in refused.value.errors


def test_it_keeps_the_commanders_override_and_its_reason(states):
    report = readiness_record(actor=SYSTEM, unit=unit(states["RU"]), reported_on=date(2024, 3, 1),
                              personnel=Level.FULLY, training=Level.MARGINALLY,
                              override=Level.SUBSTANTIALLY,
                              override_reason="Недостающие учения проведены досрочно.")
    assert (report.overall, report.overridden) == (Level.SUBSTANTIALLY, True)
    assert report.rule_level == Level.MARGINALLY


def test_it_carries_the_other_axes_over_when_an_exercise_rates_training(states):
    brigade = unit(states["RU"])
    readiness_record(actor=SYSTEM, unit=brigade, reported_on=date(2024, 3, 1),
                     personnel=Level.FULLY, equipment=Level.FULLY, training=Level.MARGINALLY,
                     sustainment=Level.SUBSTANTIALLY, notice_to_move_days=7)
    evaluated = readiness_record(actor=SYSTEM, unit=brigade, reported_on=date(2024, 9, 20),
                                 training=Level.FULLY,
                                 source_kind=SourceKind.EXERCISE_EVALUATION,
                                 source_text="«Взаимодействие-2024»")
    assert (evaluated.personnel, evaluated.training, evaluated.sustainment) == (
        Level.FULLY, Level.FULLY, Level.SUBSTANTIALLY)
    assert evaluated.overall == Level.SUBSTANTIALLY
    assert evaluated.notice_to_move_days == 7


def test_it_lets_a_delegation_report_only_on_its_own_units(states, personas):
    brigade = unit(states["RU"])
    own = readiness_record(actor=personas.delegate_a, unit=brigade, reported_on=date(2024, 3, 1),
                           training=Level.FULLY)
    assert own.overall == Level.FULLY
    with pytest.raises(Forbidden):
        readiness_record(actor=personas.delegate_b, unit=brigade, reported_on=date(2024, 3, 2),
                         training=Level.NOT_READY)
