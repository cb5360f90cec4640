"""A deployment entered after the fact: the case's log dates its link and every later step at
the moment it happened, not at the moment it was typed in."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from concord.core.errors import ValidationError
from concord.crisis.models import LogEntry
from concord.crisis.services.deployments import case_deploy, case_deployment_advance
from concord.crisis.tests import factories
from concord.crisis.tests.test_deployments import _decided
from concord.forces.models import ContributionStatus
from concord.forces.tests import factories as forces
from concord.forces.tests.exercise_factories import joint_staff
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db

SENT = datetime(2022, 1, 6, 5, 0, tzinfo=UTC)
MOVED = datetime(2022, 1, 7, 6, 30, tzinfo=UTC)


def _contribution(org, personas):
    brigade = forces.unit(org.states["RU"], name="15-я бригада",
                          releasable_to=[personas.secretariat])
    return forces.earmark(forces.formation(personas.secretariat), brigade,
                          period_from=date(2021, 1, 1), releasable_to=[personas.secretariat])


def test_it_dates_the_deployment_and_its_steps_in_the_log_when_they_happened(personas):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    contribution = _contribution(org, personas)
    staff = joint_staff(personas.secretariat)

    case_deploy(actor=staff, case=case, instruction=instruction, contribution=contribution,
                at=SENT)
    step = case_deployment_advance(actor=staff, case=case, contribution=contribution,
                                   status=ContributionStatus.ALERTED, at=MOVED)

    assert step.on == date(2022, 1, 7)
    entries = LogEntry.objects.visible_to(personas.officer).filter(
        case=case, link_id=str(contribution.public_id)).order_by("at")
    assert [(e.action, e.at) for e in entries] == [
        ("crisis.deployment.link", SENT), ("forces.contribution.advance", MOVED)]


def test_it_refuses_a_step_of_a_contribution_the_case_did_not_deploy(personas):
    org = organization()
    case = factories.case(personas)
    _decided(org, personas, case)
    contribution = _contribution(org, personas)

    with pytest.raises(ValidationError) as refused:
        case_deployment_advance(actor=joint_staff(personas.secretariat), case=case,
                                contribution=contribution, status=ContributionStatus.ALERTED,
                                at=MOVED)

    assert "does not belong to this case" in refused.value.errors["contribution"][0]
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.EARMARKED
