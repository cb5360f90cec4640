"""A contribution's deployment lifecycle and the transfer of authority by a council decision."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.actors import SYSTEM
from concord.core.errors import Conflict, InvalidState, ValidationError
from concord.council import services as council
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session
from concord.forces.models import ContributionStatus, Strength
from concord.forces.services.contributions import (
    authority_return,
    authority_transfer,
    contribution_advance,
)
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribution(org, personas):
    return earmark(formation(personas.secretariat), unit(org.states["RU"]))


def adopted_decision(org, officer):
    sitting = session(org, officer, starts_on=date(2024, 5, 10))
    document = draft(org, officer, session=sitting, title_ru="О развёртывании КСОР",
                     title_en="On deploying the CRRF", year=2024)
    positions(org, officer, document, ALL_CONCUR)
    council.document_decide(actor=officer, document=document, session=sitting)
    document.refresh_from_db()
    return document


def test_it_runs_a_contribution_from_earmark_to_release(org, personas, contribution):
    decision = adopted_decision(org, personas.officer)
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.ALERTED, on=date(2024, 5, 11))
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.ASSEMBLING, on=date(2024, 5, 12),
                         personnel_on_hand=1450)
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.DEPLOYED, on=date(2024, 5, 14),
                         location_ru="Алматы", location_en="Almaty", decision=decision,
                         personnel_on_hand=1480)
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.REDEPLOYING, on=date(2024, 6, 1))
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.RELEASED, on=date(2024, 6, 5))
    contribution.refresh_from_db()
    assert (contribution.status, contribution.status_since) == (ContributionStatus.RELEASED,
                                                                date(2024, 6, 5))
    steps = list(contribution.steps.order_by("on").values_list("status", flat=True))
    assert steps == ["earmarked", "alerted", "assembling", "deployed", "redeploying", "released"]
    deployed = Strength.objects.unscoped(reason="test").get(personnel_on_hand=1480)
    assert deployed.step.location_en == "Almaty"


def test_it_refuses_to_skip_a_step_of_the_lifecycle(contribution):
    with pytest.raises(InvalidState, match="cannot become"):
        contribution_advance(actor=SYSTEM, contribution=contribution,
                             status=ContributionStatus.DEPLOYED, on=date(2024, 5, 14),
                             location_ru="Алматы", operation_ru="«Канал»")


def test_it_asks_where_and_for_what_a_unit_is_deployed(contribution):
    for status in (ContributionStatus.ALERTED, ContributionStatus.ASSEMBLING):
        contribution_advance(actor=SYSTEM, contribution=contribution, status=status,
                             on=date(2024, 5, 12))
    with pytest.raises(ValidationError) as refused:
        contribution_advance(actor=SYSTEM, contribution=contribution,
                             status=ContributionStatus.DEPLOYED, on=date(2024, 5, 14))
    assert set(refused.value.errors) == {"location_ru", "decision"}
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.ASSEMBLING


def test_it_passes_command_only_by_an_adopted_decision(org, personas, contribution):
    pending = draft(org, personas.officer, title_ru="Проект", title_en="Draft", year=2024)
    with pytest.raises(ValidationError) as refused:
        authority_transfer(actor=SYSTEM, contribution=contribution, decision=pending,
                           effective_on=date(2024, 5, 20))
    assert "decision" in refused.value.errors
    decision = adopted_decision(org, personas.officer)
    with pytest.raises(ValidationError):
        authority_transfer(actor=SYSTEM, contribution=contribution, decision=decision,
                           effective_on=date(2024, 5, 1))
    transfer = authority_transfer(actor=SYSTEM, contribution=contribution, decision=decision,
                                  effective_on=date(2024, 5, 20))
    contribution.refresh_from_db()
    assert contribution.under_organization_command
    assert transfer.in_force_on(date(2024, 6, 1)) and not transfer.in_force_on(date(2024, 5, 19))
    with pytest.raises(Conflict):
        authority_transfer(actor=SYSTEM, contribution=contribution, decision=decision,
                           effective_on=date(2024, 5, 21))
    authority_return(actor=SYSTEM, contribution=contribution, returned_on=date(2024, 7, 1))
    contribution.refresh_from_db()
    assert not contribution.under_organization_command


def test_it_returns_command_to_the_state_when_the_contribution_is_released(org, personas,
                                                                           contribution):
    decision = adopted_decision(org, personas.officer)
    authority_transfer(actor=SYSTEM, contribution=contribution, decision=decision,
                       effective_on=date(2024, 5, 20))
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.RELEASED, on=date(2024, 8, 1))
    contribution.refresh_from_db()
    assert not contribution.under_organization_command
    assert contribution.transfers.get().returned_on == date(2024, 8, 1)
