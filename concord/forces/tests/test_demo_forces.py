"""The demo's collective forces: the CRRF and the peacekeeping forces at their public sizes,
Kazakhstan 2022 as a lifecycle, and Kyrgyzstan's figures withheld from the other states."""

from __future__ import annotations

import pytest

from concord.accounts.models import User
from concord.core import clock
from concord.demo.steps import load_all
from concord.forces.models import Contribution, ContributionStatus, Formation
from concord.forces.selectors.readiness import readiness_glance

PASSWORD = "demo password for the test suite"


@pytest.fixture
def demo(db: None) -> None:
    load_all(password=PASSWORD)


def _formation(code: str) -> Formation:
    found: Formation = Formation.objects.unscoped(reason="test").get(code=code)
    return found


def test_it_has_the_crrf_and_the_peacekeeping_forces_at_their_public_sizes(demo):
    staff = User.objects.get(username="staff")
    crrf = readiness_glance(viewer=staff, formation=_formation("crrf"), day=clock.today())
    peacekeepers = readiness_glance(viewer=staff, formation=_formation("cpkf"),
                                    day=clock.today())
    assert 18000 <= crrf.total.personnel <= 20000
    assert peacekeepers.total.personnel == 3600
    assert {state.code for state in crrf.states} == {"AM", "BY", "KG", "KZ", "RU", "TJ"}


def test_it_keeps_kyrgyzstans_figures_from_the_other_delegations(demo):
    tajik = User.objects.get(username="delegate.tj")
    glance = readiness_glance(viewer=tajik, formation=_formation("crrf"), day=clock.today())
    kyrgyz = next(state for state in glance.states if state.code == "KG")
    assert kyrgyz.units == 1 and kyrgyz.personnel == 0 and kyrgyz.personnel_withheld == 1


def test_it_records_the_deployment_to_kazakhstan_in_2022(demo):
    deployed = (Contribution.objects.unscoped(reason="test")
                .filter(steps__status=ContributionStatus.DEPLOYED,
                        steps__location_en__startswith="Almaty").distinct())
    assert deployed.count() == 5
    assert {c.status for c in deployed} == {ContributionStatus.EARMARKED}


def test_it_shows_stale_reports_on_the_readiness_page(demo):
    staff = User.objects.get(username="staff")
    glance = readiness_glance(viewer=staff, formation=_formation("crrf"), day=clock.today())
    assert glance.total.stale >= 1
