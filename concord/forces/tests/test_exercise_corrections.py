"""An exercise's phases, objectives and participants are corrected and removed from its page until
it is evaluated; each change is audited, a rated objective or unit stays, a delegation corrects
only its own state's participation, and the evaluated exercise's page says why nothing moves."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from concord.core.errors import Conflict, Forbidden, InvalidState, ValidationError
from concord.core.models import AuditEntry
from concord.forces.models import Level
from concord.forces.models.exercises import Exercise, ExerciseParticipant
from concord.forces.services import exercise_parts as parts
from concord.forces.services import exercises as services
from concord.forces.tests.exercise_factories import held, joint_staff
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


def _evaluated(staff, setup):
    services.exercise_status(actor=staff, exercise=setup.exercise, status=Exercise.Status.RUNNING)
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[0], rating=Level.FULLY,
                               evaluated_on=date(2013, 9, 4))
    services.exercise_status(actor=staff, exercise=setup.exercise,
                             status=Exercise.Status.COMPLETED)
    services.exercise_evaluate(actor=staff, exercise=setup.exercise)


def test_it_moves_a_phase_and_numbers_the_phases_again_in_the_order_they_begin(client, staff,
                                                                                states):
    setup = held(staff, states)
    url = f"/forces/exercises/{setup.exercise.public_id}/phases/1/edit/"
    answer = client.post(url, {"name_ru": "Планирование", "name_en": "Planning",
                               "starts_on": "2013-09-04", "ends_on": "2013-09-05"})
    assert answer.status_code == 302
    phases = list(setup.exercise.phases.order_by("order").values_list("order", "name_en"))
    assert phases == [(1, "Live action"), (2, "Planning")]
    assert AuditEntry.objects.filter(action="forces.exercise.phase_update").count() == 1


def test_it_names_the_field_of_a_phase_moved_out_of_the_exercise(client, staff, states):
    setup = held(staff, states)
    url = f"/forces/exercises/{setup.exercise.public_id}/phases/1/edit/"
    answer = client.post(url, {"name_ru": "Планирование", "starts_on": "2013-08-30",
                               "ends_on": "2013-09-02"})
    assert answer.status_code == 400
    assert "2013-09-01" in answer.content.decode()
    assert setup.exercise.phases.get(order=1).starts_on == date(2013, 9, 1)


def test_it_removes_a_phase_and_an_objective_from_the_page(client, staff, states):
    setup = held(staff, states)
    base = f"/forces/exercises/{setup.exercise.public_id}"
    assert client.post(f"{base}/phases/1/remove/").status_code == 302
    assert client.post(f"{base}/objectives/1/remove/").status_code == 302
    page = client.get(f"{base}/").content.decode()
    assert "Планирование" not in page and "Практические действия" in page
    assert "Отразить вторжение" not in page and "Управлять группировкой" in page
    assert list(setup.exercise.objectives.values_list("number", flat=True)) == [1]
    assert list(setup.exercise.phases.values_list("order", flat=True)) == [1]


def test_it_corrects_an_objective(client, staff, states):
    setup = held(staff, states)
    url = f"/forces/exercises/{setup.exercise.public_id}/objectives/2/edit/"
    answer = client.post(url, {"task": "air_defence", "text_ru": "Прикрыть группировку с воздуха"})
    assert answer.status_code == 302
    objective = setup.exercise.objectives.get(number=2)
    assert objective.task == "air_defence" and objective.text_en == "Прикрыть группировку с воздуха"


def test_it_keeps_an_objective_a_unit_was_rated_on(staff, states):
    setup = held(staff, states)
    services.exercise_status(actor=staff, exercise=setup.exercise, status=Exercise.Status.RUNNING)
    services.evaluation_record(actor=staff, participant=setup.participant,
                               objective=setup.objectives[0], rating=Level.MARGINALLY,
                               evaluated_on=date(2013, 9, 4))
    with pytest.raises(Conflict):
        parts.objective_remove(actor=staff, objective=setup.objectives[0])
    with pytest.raises(Conflict):
        parts.participant_remove(actor=staff, participant=setup.participant)
    assert setup.exercise.objectives.count() == 2


def test_it_corrects_and_removes_a_participation(client, staff, states):
    setup = held(staff, states)
    url = f"/forces/exercises/participants/{setup.participant.public_id}/edit/"
    assert client.post(url, {"personnel": "1450", "equipment": "118"}).status_code == 302
    setup.participant.refresh_from_db()
    assert (setup.participant.personnel, setup.participant.equipment) == (1450, 118)
    remove = f"/forces/exercises/participants/{setup.participant.public_id}/remove/"
    assert client.post(remove).status_code == 302
    assert not ExerciseParticipant.objects.visible_to(staff).filter(pk=setup.participant.pk).exists()
    assert AuditEntry.objects.filter(action="forces.exercise.participant_remove").count() == 1


def test_it_names_the_contingent_a_participation_without_a_unit_needs(staff, states):
    setup = held(staff, states)
    contingent = services.participant_add(actor=staff, exercise=setup.exercise,
                                          state=states["KZ"], contingent_ru="Штаб", personnel=20)
    with pytest.raises(ValidationError) as refused:
        parts.participant_update(actor=staff, participant=contingent, personnel=25)
    assert "contingent_ru" in refused.value.errors


def test_it_lets_a_delegation_correct_only_its_own_states_participation(staff, states,
                                                                         personas):
    setup = held(staff, states)
    own = services.participant_add(actor=personas.delegate_b, exercise=setup.exercise,
                                   state=states["TJ"], contingent_ru="Штаб", personnel=10)
    with pytest.raises(Forbidden):
        parts.participant_update(actor=personas.delegate_b, participant=setup.participant,
                                 personnel=1)
    parts.participant_update(actor=personas.delegate_b, participant=own, contingent_ru="Штаб",
                             personnel=12)
    own.refresh_from_db()
    assert own.personnel == 12


def test_it_closes_an_evaluated_exercise_to_corrections_and_says_why(client, staff, states):
    setup = held(staff, states)
    _evaluated(staff, setup)
    with pytest.raises(InvalidState):
        parts.exercise_phase_remove(actor=staff, phase=setup.exercise.phases.get(order=1))
    with pytest.raises(InvalidState):
        parts.participant_update(actor=staff, participant=setup.participant, personnel=1)
    page = client.get(f"/forces/exercises/{setup.exercise.public_id}/").content.decode()
    assert "оценено" in page.lower() or "оценк" in page.lower()
    assert "/phases/1/edit/" not in page and "/remove/" not in page
    answer = client.post(f"/forces/exercises/{setup.exercise.public_id}/phases/1/remove/",
                         follow=True)
    assert setup.exercise.phases.count() == 2
    assert "закрыт" in answer.content.decode()
