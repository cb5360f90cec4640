"""Lessons: observation → verified → lesson identified → remedial action (addressee, deadline,
overdue like an instruction) → lesson learned."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.forces.exercise_filters import LessonFilters
from concord.forces.exercise_tasks import flag_overdue_remedial_actions
from concord.forces.models.exercises import Exercise, Lesson
from concord.forces.selectors import exercises as selectors
from concord.forces.services import exercises as exercise_services
from concord.forces.services import lessons as services
from concord.forces.tests.exercise_factories import exercise, joint_staff
from concord.registry.tests.factories import csto_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(personas):
    return csto_states()


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


@pytest.fixture
def running(staff, states):
    planned = exercise(staff, states)
    exercise_services.exercise_status(actor=staff, exercise=planned,
                                      status=Exercise.Status.RUNNING)
    return planned


def _to_action(staff, lesson, state, due=date(2014, 3, 1)):
    services.lesson_verify(actor=staff, lesson=lesson)
    services.lesson_identify(actor=staff, lesson=lesson, lesson_ru="Связь неустойчива",
                             lesson_en="Communications are unreliable")
    return services.lesson_assign_action(
        actor=staff, lesson=lesson, action_ru="Закупить радиостанции",
        action_en="Procure radios", addressee_kind=Lesson.Addressee.STATE,
        addressee_state=state, due_on=due)


def test_it_carries_an_observation_to_a_lesson_learned(staff, running, states, personas):
    lesson = services.lesson_observe(actor=staff, exercise=running,
                                     observation_ru="Потеря связи", observation_en="")
    assert lesson.number == 1 and lesson.observation_en == "Потеря связи"
    _to_action(staff, lesson, states["TJ"])
    assert lesson.status == Lesson.Status.ACTION
    assert lesson.action_status == Lesson.ActionStatus.ASSIGNED
    with pytest.raises(InvalidState):
        services.lesson_learn(actor=staff, lesson=lesson)
    services.lesson_report_action(actor=personas.delegate_b, lesson=lesson,
                                  text="Закуплены", status=Lesson.ActionStatus.DONE)
    services.lesson_learn(actor=staff, lesson=lesson)
    assert lesson.status == Lesson.Status.LEARNED


def test_it_takes_the_steps_only_in_their_order(staff, running):
    lesson = services.lesson_observe(actor=staff, exercise=running, observation_ru="Потеря связи",
                                     observation_en="Loss of communications")
    with translation.override("ru"), pytest.raises(InvalidState) as refused:
        services.lesson_identify(actor=staff, lesson=lesson, lesson_ru="Урок", lesson_en="")
    assert refused.value.detail == ("Урок находится на этапе «Наблюдение»; к этапу «Урок "
                                    "сформулирован» переходят с этапа «Подтверждено».")


def test_it_refuses_observations_before_the_exercise_begins(staff, states):
    planned = exercise(staff, states)
    with pytest.raises(InvalidState):
        services.lesson_observe(actor=staff, exercise=planned, observation_ru="Рано",
                                observation_en="")


def test_it_refuses_a_remedial_action_without_a_deadline_naming_it(staff, running, states):
    lesson = services.lesson_observe(actor=staff, exercise=running, observation_ru="Потеря связи",
                                     observation_en="")
    services.lesson_verify(actor=staff, lesson=lesson)
    services.lesson_identify(actor=staff, lesson=lesson, lesson_ru="Урок", lesson_en="")
    with pytest.raises(ValidationError) as refused:
        services.lesson_assign_action(actor=staff, lesson=lesson, action_ru="Сделать",
                                      action_en="", addressee_kind=Lesson.Addressee.STATE,
                                      addressee_state=None, due_on=None)
    assert set(refused.value.errors) == {"due_on", "addressee_state"}
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.IDENTIFIED


def test_it_lets_only_the_addressed_state_report_on_the_action(staff, running, states, personas):
    lesson = services.lesson_observe(actor=staff, exercise=running, observation_ru="Потеря связи",
                                     observation_en="")
    _to_action(staff, lesson, states["TJ"])
    with pytest.raises(Forbidden):
        services.lesson_report_action(actor=personas.delegate_a, lesson=lesson, text="Не наше",
                                      status=Lesson.ActionStatus.DONE)


def test_it_shows_an_action_past_its_deadline_as_overdue_and_flags_it_once(
        staff, running, states, personas):
    lesson = services.lesson_observe(actor=staff, exercise=running, observation_ru="Потеря связи",
                                     observation_en="")
    _to_action(staff, lesson, states["TJ"], due=date(2014, 3, 1))
    assert lesson.action_status_on(date(2014, 3, 2)) == Lesson.ActionStatus.OVERDUE
    assert lesson.action_status_on(date(2014, 3, 1)) == Lesson.ActionStatus.ASSIGNED
    flagged = services.lesson_flag_overdue(on=date(2014, 3, 2))
    assert [f.pk for f in flagged] == [lesson.pk]
    assert services.lesson_flag_overdue(on=date(2014, 3, 3)) == []
    lesson.refresh_from_db()
    assert lesson.action_status == Lesson.ActionStatus.OVERDUE
    # Reported in progress, an overdue action stays overdue; done, it is done.
    services.lesson_report_action(actor=personas.delegate_b, lesson=lesson, text="Идёт закупка",
                                  status=Lesson.ActionStatus.IN_PROGRESS)
    assert lesson.action_status == Lesson.ActionStatus.OVERDUE
    services.lesson_report_action(actor=personas.delegate_b, lesson=lesson, text="Закуплены",
                                  status=Lesson.ActionStatus.DONE)
    assert lesson.action_status == Lesson.ActionStatus.DONE


def test_it_lists_the_overdue_actions(staff, running, states, personas):
    late = services.lesson_observe(actor=staff, exercise=running, observation_ru="Поздно",
                                   observation_en="")
    _to_action(staff, late, states["TJ"], due=date(2000, 1, 1))
    services.lesson_observe(actor=staff, exercise=running, observation_ru="Только наблюдение",
                            observation_en="")
    found = selectors.lesson_list(viewer=personas.officer, filters=LessonFilters(overdue=True))
    assert [lesson.observation_ru for lesson in found] == ["Поздно"]


def test_it_flags_overdue_actions_in_the_daily_task(staff, running, states):
    lesson = services.lesson_observe(actor=staff, exercise=running, observation_ru="Поздно",
                                     observation_en="")
    _to_action(staff, lesson, states["TJ"], due=date(2000, 1, 1))
    assert flag_overdue_remedial_actions.call() == 1
    lesson.refresh_from_db()
    assert lesson.action_status == Lesson.ActionStatus.OVERDUE
