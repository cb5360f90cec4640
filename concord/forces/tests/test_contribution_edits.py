"""A contribution's period is corrected on its own page, its label on the label page; at a
deployment step the Joint Staff records the step and the contributing state reports the
strength, and the step form says so to each."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from concord.core.errors import Conflict, Forbidden, ValidationError
from concord.core.models import AuditEntry
from concord.forces.models import Contribution, ContributionStatus, Strength
from concord.forces.services.contribution_edits import contribution_update
from concord.forces.services.contributions import contribution_advance
from concord.forces.tests.exercise_factories import joint_staff
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribution(org, personas):
    return earmark(formation(personas.secretariat), unit(org.states["RU"]))


@pytest.fixture
def staff(personas):
    return joint_staff(personas.secretariat)


def _client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    return client


def test_it_corrects_the_period_and_dates_the_earmark_step_with_it(personas, contribution):
    client = _client(personas.delegate_a)
    url = f"/forces/contributions/{contribution.public_id}/edit/"
    page = client.get(url).content.decode()
    assert "/labels/forces.contribution/" in page
    answer = client.post(url, {"period_from": "2024-02-01", "period_to": "2025-01-31",
                               "note": "Продлено решением государства"})
    assert answer.status_code == 302
    contribution.refresh_from_db()
    assert (contribution.period_from, contribution.period_to) == (date(2024, 2, 1),
                                                                  date(2025, 1, 31))
    assert contribution.steps.get().on == date(2024, 2, 1)
    assert AuditEntry.objects.filter(action="forces.contribution.update").count() == 1


def test_it_names_the_field_of_a_period_that_ends_before_it_begins(personas, contribution):
    client = _client(personas.delegate_a)
    answer = client.post(f"/forces/contributions/{contribution.public_id}/edit/",
                         {"period_from": "2024-02-01", "period_to": "2024-01-31"})
    assert answer.status_code == 400
    assert "period_to" in answer.content.decode()
    contribution.refresh_from_db()
    assert contribution.period_from == date(2024, 1, 1)


def test_it_keeps_the_period_before_the_steps_already_taken(personas, contribution):
    contribution_advance(actor=personas.delegate_a, contribution=contribution,
                         status=ContributionStatus.ALERTED, on=date(2024, 3, 1))
    with pytest.raises(ValidationError) as refused:
        contribution_update(actor=personas.delegate_a, contribution=contribution,
                            period_from=date(2024, 4, 1))
    assert "2024-03-01" in refused.value.errors["period_from"][0]


def test_it_refuses_a_period_overlapping_another_earmark(org, personas, contribution):
    contribution_update(actor=personas.delegate_a, contribution=contribution,
                        period_from=date(2024, 1, 1), period_to=date(2025, 12, 31))
    later = earmark(contribution.formation, contribution.unit, period_from=date(2026, 1, 1))
    with pytest.raises(Conflict):
        contribution_update(actor=personas.delegate_a, contribution=later,
                            period_from=date(2025, 6, 1))


def test_it_refuses_another_states_delegation(personas, contribution):
    with pytest.raises(Forbidden):
        contribution_update(actor=personas.delegate_b, contribution=contribution,
                            period_from=date(2024, 2, 1))


def test_it_lets_the_joint_staff_record_a_step_and_tells_it_who_reports_strength(
        personas, staff, contribution):
    contribution.releasable_to.add(personas.secretariat)
    client = _client(staff)
    url = f"/forces/contributions/{contribution.public_id}/step/"
    page = client.get(url).content.decode()
    assert 'name="personnel_on_hand"' not in page
    assert "делегац" in page
    answer = client.post(url, {"status": "alerted", "on": "2024-03-01"})
    assert answer.status_code == 302
    assert Contribution.objects.visible_to(staff).get(pk=contribution.pk).status == "alerted"
    with pytest.raises(ValidationError) as refused:
        contribution_advance(actor=staff, contribution=contribution,
                             status=ContributionStatus.ASSEMBLING, on=date(2024, 3, 2),
                             personnel_on_hand=900)
    assert "personnel_on_hand" in refused.value.errors
    assert contribution.steps.count() == 2


def test_it_records_the_strength_the_contributing_state_gives_at_a_step(personas,
                                                                         contribution):
    client = _client(personas.delegate_a)
    url = f"/forces/contributions/{contribution.public_id}/step/"
    assert 'name="personnel_on_hand"' in client.get(url).content.decode()
    answer = client.post(url, {"status": "alerted", "on": "2024-03-01",
                               "personnel_on_hand": "1450", "strength_withheld": "on"})
    assert answer.status_code == 302
    strength = Strength.objects.visible_to(personas.delegate_a).get(unit=contribution.unit)
    assert strength.personnel_on_hand == 1450 and not strength.release_to_all_members
    assert not Strength.objects.visible_to(personas.delegate_b).filter(
        unit=contribution.unit).exists()
