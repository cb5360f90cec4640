"""The demo holds the Sochi press release's facts as they happened: the chairmanship passed at
the session, the 2014 priorities proclaimed by the incoming chair, the Secretary General's
briefing on the military component and the CSTO Forces, the Action Plan on Afghanistan of
12 December 2011 being implemented in stages, and the communiqué's positive assessment."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.actors import SYSTEM
from concord.council.models import (
    AgendaItem,
    ConsensusOutcome,
    Document,
    Instruction,
    ProgressReport,
    StatePosition,
)
from concord.demo.steps import load_all
from concord.registry import selectors

PASSWORD = "demo password for the test suite"


@pytest.fixture
def demo(db: None) -> None:
    load_all(password=PASSWORD)


def _documents():
    return Document.objects.unscoped(reason="test")


def test_it_passes_the_chairmanship_to_russia_at_the_sochi_session(demo):
    before = selectors.chair_on(viewer=SYSTEM, day=date(2013, 9, 22))
    after = selectors.chair_on(viewer=SYSTEM, day=date(2013, 9, 24))

    assert before.state is not None and before.state.iso_alpha2 == "KG"
    assert after.state is not None and after.state.iso_alpha2 == "RU"
    assert after.handed_over_on == date(2013, 9, 23)


def test_it_records_the_2014_priorities_as_proclaimed_by_the_incoming_chair(demo):
    priorities = _documents().get(doc_type=Document.Type.PRIORITIES)

    assert priorities.status == Document.Status.PROCLAIMED
    assert priorities.proclaimed_by is not None
    assert priorities.proclaimed_by.name_en == "Vladimir Putin"
    assert priorities.proclaimed_on == date(2013, 9, 23)
    assert not ConsensusOutcome.objects.filter(document=priorities).exists()
    assert not StatePosition.objects.filter(document=priorities).exists()
    assert len(priorities.texts.get(language="ru").structure()[1]) == 6


def test_it_holds_the_briefing_on_the_military_component_and_the_csto_forces(demo):
    briefing = AgendaItem.objects.get(session__starts_on=date(2013, 9, 23),
                                      is_implementation_report=True)

    assert "strengthen the military component of the Organization" in briefing.outcome_en
    assert "formation of the CSTO Forces (Collective Forces)" in briefing.outcome_en
    assert "формирование Сил ОДКБ (Коллективных сил)" in briefing.outcome_ru


def test_it_holds_the_action_plan_on_afghanistan_with_its_implementation(demo):
    plan = _documents().get(title_en__startswith="CSTO Action Plan to combat")

    assert plan.doc_type == Document.Type.PLAN
    assert plan.status == Document.Status.ADOPTED
    assert plan.adopted_on == date(2011, 12, 12)
    assert plan.session is not None and plan.session.starts_on == date(2011, 12, 12)
    instructions = Instruction.objects.unscoped(reason="test").filter(document=plan)
    assert instructions.count() == 2
    briefed = ProgressReport.objects.get(instruction__document=plan)
    assert "23 сентября 2013 года" in briefed.text
    assert briefed.instruction.status == Instruction.Status.IN_PROGRESS


def test_it_holds_the_communiques_positive_assessment(demo):
    communique = _documents().get(doc_type=Document.Type.COMMUNIQUE)

    english = communique.texts.get(language="en").body
    russian = communique.texts.get(language="ru").body
    assert english.startswith("The Collective Security Council gives a positive assessment of "
                              "the dynamics of the development of the CSTO collective security "
                              "system")
    assert "положительно оценивает динамику развития системы коллективной безопасности" in \
        russian
