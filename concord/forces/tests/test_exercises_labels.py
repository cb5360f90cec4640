"""A state's withheld participation, its strength and its ratings never reach another state: not
in the exercise's lists, totals, API answers, exports or after-action report. And an exercise's
figures are exercise figures: its strength is never counted as forces on hand."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from docx import Document as Docx

from concord.core.labels import Classification
from concord.forces.models import Level, Strength
from concord.forces.models.exercises import Exercise
from concord.forces.outputs.after_action import report_content
from concord.forces.selectors import exercises as selectors
from concord.forces.services import exercises as services
from concord.forces.tests.exercise_factories import held, joint_staff
from concord.forces.tests.factories import unit
from concord.registry.tests.factories import csto_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(personas):
    return csto_states()


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


@pytest.fixture
def withheld(staff, states, personas):
    """Interaction-2013, with a Russian brigade that all states see and a Russian special-forces
    detachment whose participation Russia releases to the secretariat alone."""
    setup = held(staff, states)
    secret_unit = unit(states["RU"], name="Отряд спецназначения", name_en="Special detachment")
    secret_unit.releasable_to.add(personas.secretariat)
    hidden = services.participant_add(
        actor=personas.delegate_a, exercise=setup.exercise, state=states["RU"], unit=secret_unit,
        personnel=777, equipment=33, classification=Classification.OFFICIAL_USE,
        release_to_all_members=False, releasable_to=[personas.secretariat])
    services.exercise_status(actor=staff, exercise=setup.exercise, status=Exercise.Status.RUNNING)
    services.evaluation_record(actor=staff, participant=hidden, objective=setup.objectives[0],
                               rating=Level.MARGINALLY, evaluated_on=date(2013, 9, 4),
                               remarks="Отряд опоздал")
    return setup, hidden


def test_it_keeps_a_withheld_participation_out_of_another_states_lists_and_totals(
        withheld, personas, staff):
    setup, hidden = withheld
    theirs = selectors.participant_list(viewer=personas.delegate_b, exercise=setup.exercise)
    assert hidden not in theirs and setup.participant in theirs
    assert selectors.exercise_strength(viewer=personas.delegate_b,
                                       exercise=setup.exercise).personnel == 1500
    assert selectors.exercise_strength(viewer=staff, exercise=setup.exercise).personnel == 2277
    assert not selectors.evaluation_list(viewer=personas.delegate_b,
                                         exercise=setup.exercise).exists()


def test_it_answers_another_state_without_the_withheld_participation(withheld, personas):
    setup, _hidden = withheld
    client = Client()
    client.force_login(personas.delegate_b)
    base = f"/api/v1/forces/exercises/{setup.exercise.public_id}"
    participants = client.get(f"{base}/participants").json()
    assert [p["id"] for p in participants] == [str(setup.participant.public_id)]
    assert client.get(f"{base}/evaluations").json() == []
    page = client.get(setup.exercise.get_absolute_url()).content.decode()
    assert "777" not in page and "Отряд спецназначения" not in page
    assert "1500" in page


def test_it_writes_no_withheld_strength_into_another_states_report(withheld, personas, staff):
    setup, _hidden = withheld
    theirs = report_content(viewer=personas.delegate_b, exercise=setup.exercise, language="ru")
    text = " ".join(line for _heading, lines in theirs.sections for line in lines)
    assert "777" not in text and "Отряд опоздал" not in text
    ours = report_content(viewer=staff, exercise=setup.exercise, language="ru")
    text = " ".join(line for _heading, lines in ours.sections for line in lines)
    assert "777" in text
    # The report that tells the withheld part is marked as released no wider than it.
    assert ours.label.release_to_all_members is False
    assert theirs.label.release_to_all_members is True


def test_it_stamps_every_page_of_the_report_as_an_exercise(withheld, staff):
    setup, _hidden = withheld
    client = Client()
    client.force_login(staff)
    url = f"/forces/exercises/{setup.exercise.public_id}/after-action.docx?language=ru"
    docx = Docx(io.BytesIO(client.get(url).content))
    header = " ".join(p.text for p in docx.sections[0].header.paragraphs)
    assert "УЧЕНИЕ" in header and "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ" in header.upper()
    body = " ".join(p.text for p in docx.paragraphs)
    assert "Взаимодействие-2013" in body


def test_it_counts_no_exercise_strength_among_the_forces_on_hand(withheld, staff):
    setup, _hidden = withheld
    # Taking part in an exercise records no strength of the unit: what it has on hand is what
    # its state reports, and the exercise's 1,500 personnel are exercise figures.
    assert not Strength.objects.unscoped(reason="test").filter(unit=setup.unit).exists()
    assert selectors.exercise_strength(viewer=staff, exercise=setup.exercise).personnel > 0
