"""The after-action review of a closed case and its lessons, from observation to lesson
learned, with the remedial action flagged overdue past its deadline."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from concord.core import clock
from concord.core.errors import InvalidState, ValidationError
from concord.crisis.models import Case, CaseLesson, LogEntry
from concord.crisis.services import cases as case_services
from concord.crisis.services import review as services
from concord.crisis.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["django_language"] = "en"


def _closed(personas) -> Case:
    case = factories.case(personas)
    return case_services.case_advance(actor=personas.officer, case=case,
                                      to_phase=Case.Phase.CLOSED)


def test_it_refuses_a_review_before_the_case_is_closed(personas):
    case = factories.case(personas)

    with pytest.raises(InvalidState):
        services.lesson_observe(actor=personas.officer, case=case, observation="Связь")


def test_it_carries_a_lesson_from_observation_to_learned_and_logs_each_step(personas):
    case = _closed(personas)
    lesson = services.lesson_observe(actor=personas.officer, case=case,
                                     observation="Связь с контингентом ТЧ терялась")
    services.lesson_identify(actor=personas.officer, lesson=lesson,
                             text="Нужен резервный канал")
    services.lesson_assign(actor=personas.officer, lesson=lesson, action="Закупить терминалы",
                           addressee=personas.state_b, due_on=clock.today() + timedelta(days=30))
    services.lesson_learn(actor=personas.officer, lesson=lesson)

    lesson.refresh_from_db()
    assert lesson.status == CaseLesson.Status.LEARNED
    whats = [e.what for e in LogEntry.objects.unscoped(reason="test").filter(case=case)]
    assert "Observation recorded: № 1: Связь с контингентом ТЧ терялась" in whats
    assert "Remedial action assigned: № 1: Закупить терминалы (TJ, " \
        f"{(clock.today() + timedelta(days=30)).isoformat()})" in whats


def test_it_refuses_a_step_out_of_order_naming_the_steps(personas):
    case = _closed(personas)
    lesson = services.lesson_observe(actor=personas.officer, case=case, observation="Связь")

    with pytest.raises(InvalidState, match="comes to “Lesson learned” from “Remedial action”"):
        services.lesson_learn(actor=personas.officer, lesson=lesson)


def test_it_names_every_missing_field_of_a_remedial_action(personas):
    case = _closed(personas)
    lesson = services.lesson_observe(actor=personas.officer, case=case, observation="Связь")
    services.lesson_identify(actor=personas.officer, lesson=lesson, text="Урок")

    with pytest.raises(ValidationError) as refused:
        services.lesson_assign(actor=personas.officer, lesson=lesson, action=" ",
                               addressee=None, due_on=None)

    assert set(refused.value.errors) == {"action", "addressee", "due_on"}
    lesson.refresh_from_db()
    assert lesson.status == CaseLesson.Status.IDENTIFIED


def test_it_flags_a_remedial_action_past_its_deadline_on_the_page(client, personas):
    case = _closed(personas)
    lesson = services.lesson_observe(actor=personas.officer, case=case, observation="Связь")
    services.lesson_identify(actor=personas.officer, lesson=lesson, text="Урок")
    services.lesson_assign(actor=personas.officer, lesson=lesson, action="Учения связи",
                           addressee=personas.state_a, due_on=clock.today())
    client.force_login(personas.officer)
    url = f"{case.get_absolute_url()}review/"

    assert "Overdue" not in client.get(url).content.decode()
    CaseLesson.objects.filter(pk=lesson.pk).update(due_on=clock.today() - timedelta(days=1))
    assert "Overdue" in client.get(url).content.decode()


def test_it_writes_the_review_from_its_form_and_names_an_empty_one(client, personas):
    case = _closed(personas)
    client.force_login(personas.officer)
    url = f"{case.get_absolute_url()}review/write/"

    empty = client.post(url, {"went_as_planned": "", "went_otherwise": ""})
    written = client.post(url, {"went_as_planned": "Переброска за 16 часов",
                                "went_otherwise": "Связь"})

    assert empty.status_code == 400
    assert "went_as_planned" in empty.context["form"].errors
    assert written.status_code == 302
    assert "Переброска за 16 часов" in client.get(
        f"{case.get_absolute_url()}review/").content.decode()


def test_it_walks_a_lesson_through_the_review_pages(client, personas):
    case = _closed(personas)
    client.force_login(personas.officer)
    base = f"{case.get_absolute_url()}review/lessons/"

    client.post(base, {"observation": "Не хватило переводчиков"})
    client.post(f"{base}1/identify/", {"text": "Резерв переводчиков"})
    refused = client.post(f"{base}1/action/", {"action": "Составить резерв",
                                               "addressee": "RU", "due_on": "2001-01-01"})
    client.post(f"{base}1/action/", {"action": "Составить резерв", "addressee": "RU",
                                     "due_on": (clock.today() + timedelta(days=9)).isoformat()})
    client.post(f"{base}1/learned/")

    assert refused.status_code == 400
    assert "has passed" in refused.context["form"].errors["due_on"][0]
    assert CaseLesson.objects.get(case=case).status == CaseLesson.Status.LEARNED


def test_it_exports_the_lessons_with_the_cases_label(client, personas):
    case = _closed(personas)
    services.lesson_observe(actor=personas.officer, case=case, observation="Связь")
    client.force_login(personas.officer)

    answer = client.get(f"{case.get_absolute_url()}review/?format=csv")

    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Number", "Step", "Observation"]
    assert rows[0][-4:] == ["classification", "originator", "release_to_all_members",
                            "releasable_to"]
    assert rows[1][:3] == ["1", "Observation", "Связь"]


def test_it_hides_the_review_of_a_case_the_reader_may_not_read(client, personas):
    case = factories.case(personas, release_to_all_members=False)
    case_services.case_advance(actor=personas.officer, case=case, to_phase=Case.Phase.CLOSED)
    client.force_login(personas.delegate_a)

    assert client.get(f"{case.get_absolute_url()}review/").status_code == 404


def test_it_answers_the_review_and_its_lessons_through_the_api(client, personas):
    case = _closed(personas)
    services.review_write(actor=personas.officer, case=case, went_as_planned="Переброска",
                          went_otherwise="")
    lesson = services.lesson_observe(actor=personas.officer, case=case, observation="Связь")
    services.lesson_identify(actor=personas.officer, lesson=lesson, text="Урок")
    services.lesson_assign(actor=personas.officer, lesson=lesson, action="Учения",
                           addressee=personas.state_a, due_on=clock.today())
    CaseLesson.objects.filter(pk=lesson.pk).update(due_on=clock.today() - timedelta(days=2))
    client.force_login(personas.officer)

    body = client.get(f"/api/v1/crisis/cases/{case.public_id}/review").json()

    assert body["went_as_planned"] == "Переброска"
    assert body["lessons"][0] | {"due_on": None} == {
        "number": 1, "status": "action", "observation": "Связь", "lesson": "Урок",
        "action": "Учения", "addressee": "RU", "due_on": None, "overdue": True,
        "learned_on": None}
