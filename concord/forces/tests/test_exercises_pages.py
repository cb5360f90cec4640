"""The exercise pages: the list sorts, filters, searches and exports with the label columns; the
calendar holds each exercise and its phases; an exercise page shows its timeline and areas; the
Joint Staff rates a unit and closes the evaluation from the page; a lesson goes through its steps."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from icalendar import Calendar
from openpyxl import load_workbook

from concord.forces.models import Level
from concord.forces.models.exercises import Exercise, Lesson
from concord.forces.services import exercises as services
from concord.forces.services import lessons
from concord.forces.tests.exercise_factories import exercise, held, joint_staff
from concord.registry.tests.factories import csto_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(personas):
    return csto_states()


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


@pytest.fixture
def client(staff):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(staff)
    return client


def test_it_sorts_filters_and_searches_the_list(client, staff, states):
    exercise(staff, states, series_en="Interaction", series_ru="Взаимодействие")
    exercise(staff, states, series_en="Rubezh", series_ru="Рубеж", year=2012,
             kind=Exercise.Kind.COMMAND_STAFF, host_state=states["KZ"])
    page = client.get("/forces/exercises/", {"sort": "starts"}).content.decode()
    assert page.index("Рубеж-2012") < page.index("Взаимодействие-2013")
    page = client.get("/forces/exercises/", {"kind": "command_staff"}).content.decode()
    assert "Рубеж-2012" in page and "Взаимодействие-2013" not in page
    page = client.get("/forces/exercises/", {"q": "вторжени", "host": "TJ"}).content.decode()
    assert "Взаимодействие-2013" in page and "Рубеж-2012" not in page


def test_it_exports_the_list_with_the_label_columns(client, staff, states):
    exercise(staff, states)
    answer = client.get("/forces/exercises/", {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(answer.content)).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Учение", "Вид") and "classification" in rows[0]
    assert rows[1][0] == "Взаимодействие-2013" and "official_use" in rows[1]


def test_it_gives_a_calendar_of_exercises_and_their_phases(client, staff, states):
    setup = held(staff, states)
    calendar = Calendar.from_ical(client.get("/forces/exercises/calendar.ics").content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    whole = events["Взаимодействие-2013"]
    assert whole.decoded("dtstart") == date(2013, 9, 1)
    assert whole.decoded("dtend") == date(2013, 9, 6)  # the day after the last
    assert str(whole["location"]) == "Полигон Харбмайдон"
    assert str(whole["status"]) == "TENTATIVE"
    assert "Взаимодействие-2013: Практические действия" in events
    assert str(whole["uid"]).startswith(str(setup.exercise.public_id))


def test_it_shows_the_exercise_with_its_timeline_and_area(client, staff, states):
    setup = held(staff, states)
    page = client.get(setup.exercise.get_absolute_url()).content.decode()
    assert "УЧЕНИЕ" in page
    assert "exercise-phases-data" in page and "2013-09-03" in page
    assert "Полигон Харбмайдон" in page and "37.86" in page
    assert "личного состава — 1500" in page


def test_it_lets_the_joint_staff_rate_a_unit_and_close_the_evaluation(client, staff, states):
    setup = held(staff, states)
    url = setup.exercise.get_absolute_url()
    for status in ("running", "completed"):
        client.post(f"{url}status/", {"status": status})
    answer = client.post(f"{url}ratings/new/", {
        "participant": str(setup.participant.public_id),
        "objective": str(setup.objectives[0].pk), "rating": str(Level.SUBSTANTIALLY),
        "evaluated_on": "2013-09-05", "remarks": ""})
    assert answer.status_code == 302
    answer = client.post(f"{url}evaluate/", follow=True)
    assert "подразделений: 1" in answer.content.decode()
    setup.exercise.refresh_from_db()
    assert setup.exercise.status == Exercise.Status.EVALUATED


def test_it_names_the_field_of_a_rating_given_before_the_exercise(client, staff, states):
    setup = held(staff, states)
    services.exercise_status(actor=staff, exercise=setup.exercise, status="running")
    answer = client.post(f"{setup.exercise.get_absolute_url()}ratings/new/", {
        "participant": str(setup.participant.public_id),
        "objective": str(setup.objectives[0].pk), "rating": str(Level.FULLY),
        "evaluated_on": "2013-08-01"})
    assert answer.status_code == 400
    assert "В этот день учение ещё не началось." in answer.content.decode()


def test_it_walks_a_lesson_through_its_steps_on_its_page(client, staff, states, personas):
    setup = held(staff, states)
    services.exercise_status(actor=staff, exercise=setup.exercise, status="running")
    lesson = lessons.lesson_observe(actor=staff, exercise=setup.exercise,
                                    observation_ru="Потеря связи", observation_en="")
    step = f"/forces/lessons/{lesson.public_id}/step/"
    client.post(step)
    client.post(step, {"lesson_ru": "Нужны совместимые радиостанции", "lesson_en": ""})
    client.post(step, {"action_ru": "Закупить радиостанции", "addressee_kind": "state",
                       "addressee_state": "TJ", "due_on": "2000-01-01"})
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.ACTION
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "Просрочено" in page
    listed = client.get("/forces/lessons/", {"overdue": "1"}).content.decode()
    assert "Потеря связи" in listed
    tajikistan = Client(HTTP_ACCEPT_LANGUAGE="ru")
    tajikistan.force_login(personas.delegate_b)
    tajikistan.post(lesson.get_absolute_url(), {"status": "done", "text": "Закуплены"})
    client.post(step)
    lesson.refresh_from_db()
    assert lesson.status == Lesson.Status.LEARNED
