"""The deployments a case's decision sends: a contribution made to belong to the case under an
instruction of its decision, its later steps logged, its unit on the case's map."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.labels import Classification
from concord.council.services.documents import document_decide
from concord.council.services.instructions import instruction_add
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session
from concord.crisis.models import Case, CaseLink, LogEntry
from concord.crisis.selectors.map import case_map
from concord.crisis.services import cases as case_services
from concord.crisis.services.deployments import case_deploy
from concord.crisis.tests import factories
from concord.forces.models import ContributionStatus
from concord.forces.services.contributions import contribution_advance
from concord.forces.tests import factories as forces
from concord.forces.tests.exercise_factories import joint_staff
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


def _decided(org, personas, case: Case):
    meeting = session(org, personas.officer)
    decision = draft(org, personas.officer, session=meeting)
    case_services.case_link(actor=personas.officer, case=case, target=decision)
    instruction = instruction_add(actor=personas.officer, document=decision,
                                  text_ru="Направить контингенты", text_en="Send contingents",
                                  addressee_kind="all_states")
    positions(org, personas.officer, decision, ALL_CONCUR)
    document_decide(actor=personas.officer, document=decision, session=meeting,
                    on=date(2013, 9, 23))
    instruction.refresh_from_db()
    return instruction


def _whats(case: Case, viewer) -> list[str]:
    return [e.what for e in LogEntry.objects.visible_to(viewer).filter(case=case)]


def test_it_makes_a_contribution_belong_to_the_case_and_logs_its_next_steps(personas):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    crrf = forces.formation(personas.secretariat)
    brigade = forces.unit(org.states["RU"], name="15-я бригада",
                          releasable_to=[personas.secretariat])
    contribution = forces.earmark(crrf, brigade, releasable_to=[personas.secretariat])

    case_deploy(actor=joint_staff(personas.secretariat), case=case, instruction=instruction,
                contribution=contribution)
    contribution_advance(actor=SYSTEM, contribution=contribution,
                         status=ContributionStatus.ALERTED, on=date(2024, 1, 5))

    whats = _whats(case, personas.officer)
    assert ("Contingent deployment belongs to the case: 15th brigade under instruction "
            f"{instruction.number} of {instruction.document.symbol}") in whats
    assert any(w.startswith("Contingent moved on") for w in whats)
    units = [f for f in case_map(viewer=personas.officer, case=case)["features"]
             if f["properties"]["kind"] == "unit"]
    assert [u["properties"]["name"] for u in units] == ["15th brigade"]


def test_it_refuses_an_instruction_of_a_decision_not_taken_on_the_case(personas):
    org = organization()
    case = factories.case(personas)
    other = factories.case(personas, title="Другой случай")
    instruction = _decided(org, personas, other)
    contribution = forces.earmark(forces.formation(personas.secretariat),
                                  forces.unit(org.states["RU"],
                                              releasable_to=[personas.secretariat]),
                                  releasable_to=[personas.secretariat])

    with pytest.raises(ValidationError) as refused:
        case_deploy(actor=joint_staff(personas.secretariat), case=case,
                    instruction=instruction, contribution=contribution)

    assert "not of a decision taken on this case" in refused.value.errors["instruction"][0]
    assert not CaseLink.objects.filter(case=case, target_type="forces.contribution").exists()


def test_it_earmarks_the_contribution_when_none_is_named_and_names_what_is_missing(personas):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    crrf = forces.formation(personas.secretariat)

    with pytest.raises(ValidationError) as refused:
        case_deploy(actor=SYSTEM, case=case, instruction=instruction, formation=crrf)
    # Earmarking is the unit's state's act (or the system's), as in the forces.
    made = case_deploy(actor=SYSTEM, case=case, instruction=instruction,
                       formation=crrf, unit=forces.unit(org.states["TJ"], name="Рота ТЧ"),
                       period_from=date(2024, 1, 6))

    assert set(refused.value.errors) == {"unit", "period_from"}
    assert made.status == ContributionStatus.EARMARKED
    assert CaseLink.objects.filter(case=case, target_id=str(made.public_id)).exists()


def test_it_keeps_a_secret_unit_off_the_map_and_out_of_the_log_of_a_delegate(personas):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    secret = forces.unit(org.states["RU"], name="Спецподразделение", name_en="Special unit",
                         classification=Classification.SECRET, release_to_all_members=False,
                         releasable_to=[personas.secretariat])
    contribution = forces.earmark(forces.formation(personas.secretariat), secret,
                                  classification=Classification.SECRET,
                                  release_to_all_members=False,
                                  releasable_to=[personas.secretariat])

    case_deploy(actor=joint_staff(personas.secretariat), case=case, instruction=instruction,
                contribution=contribution)

    assert not any("Special unit" in w for w in _whats(case, personas.delegate_b))
    assert any("Special unit" in w for w in _whats(case, personas.officer))
    features = case_map(viewer=personas.delegate_b, case=case)["features"]
    assert [f for f in features if f["properties"]["kind"] == "unit"] == []
