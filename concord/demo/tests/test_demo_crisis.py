"""The demo's Kazakhstan case of January 2022, run through the case: the Council's decision
adopted on it, the five contingents deployed from it under the decision's instruction and moved
through their steps, each written to the case's log at its own moment."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from concord.accounts.models import User
from concord.council.models import Document
from concord.crisis.models import Case, LogEntry, Stream
from concord.crisis.selectors import deployments as deployed
from concord.crisis.selectors.log import timeline
from concord.demo.crisis import DECISION, KAZAKHSTAN
from concord.demo.steps import load_all
from concord.forces.models import Contribution, ContributionStatus

PASSWORD = "demo password for the test suite"


@pytest.fixture
def demo(db: None) -> None:
    load_all(password=PASSWORD)


def _case() -> Case:
    found: Case = Case.objects.unscoped(reason="test").get(public_id=KAZAKHSTAN)
    return found


def test_it_adopts_the_councils_decision_of_6_january_2022_on_the_case(demo):
    decision = Document.objects.unscoped(reason="test").get(public_id=DECISION)
    assert decision.status == Document.Status.ADOPTED
    assert decision.adopted_on == date(2022, 1, 6)
    assert decision.body.code == "CSC"
    officer = User.objects.get(username="officer")
    [instruction] = deployed.case_instructions(viewer=officer, case=_case())
    assert "Коллективных миротворческих сил" in instruction.text_ru


def test_it_deploys_the_five_contingents_from_the_case_and_brings_them_back(demo):
    officer = User.objects.get(username="officer")
    sent = deployed.case_deployments(viewer=officer, case=_case())
    assert {c.state.iso_alpha2 for c in sent} == {"AM", "BY", "KG", "RU", "TJ"}
    assert {c.status for c in sent} == {ContributionStatus.EARMARKED}
    steps = Contribution.objects.unscoped(reason="test").get(
        pk=sent[0].pk).steps.order_by("on", "pk").values_list("status", "on")
    assert list(steps)[1:] == [
        (ContributionStatus.ALERTED, date(2022, 1, 6)),
        (ContributionStatus.ASSEMBLING, date(2022, 1, 6)),
        (ContributionStatus.DEPLOYED, date(2022, 1, 7)),
        (ContributionStatus.REDEPLOYING, date(2022, 1, 13)),
        (ContributionStatus.EARMARKED, date(2022, 1, 19))]


def test_it_dates_the_decision_and_the_steps_in_the_log_in_january_2022(demo):
    entries = LogEntry.objects.unscoped(reason="test").filter(case=_case())
    council = entries.filter(stream=Stream.COUNCIL)
    forces = entries.filter(stream=Stream.FORCES)
    assert {"council.document.register", "council.document.decide"} <= set(
        council.values_list("action", flat=True))
    assert forces.count() == 5 * 6
    january = (datetime(2022, 1, 5, tzinfo=UTC), datetime(2022, 1, 20, tzinfo=UTC))
    assert all(january[0] <= e.at < january[1] for e in entries)
    adopted = council.get(action="council.document.decide")
    assert adopted.at == datetime(2022, 1, 5, 21, 40, tzinfo=UTC)
    moved = sorted(e.at for e in forces.filter(action="forces.contribution.advance"))
    assert moved[0] == datetime(2022, 1, 6, 5, 0, tzinfo=UTC)
    assert moved[-1] == datetime(2022, 1, 19, 12, 0, tzinfo=UTC)


def test_it_shows_the_council_and_forces_streams_on_the_timeline_to_a_delegate(demo):
    tajik = User.objects.get(username="delegate.tj")
    lanes, _shown, _withheld = timeline(viewer=tajik, case=_case())
    streams = {lane.stream for lane in lanes if lane.entries}
    assert {Stream.COUNCIL, Stream.FORCES} <= streams
