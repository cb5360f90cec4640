"""The case's deployments from its page and the API: a contingent sent under an instruction of
the case's decision, its next steps recorded from the case, and a contribution withheld from a
state shown to it nowhere."""

from __future__ import annotations

import json
from datetime import date

import pytest

from concord.core.labels import Classification
from concord.crisis.models import Case, CaseLink, LogEntry
from concord.crisis.tests import factories
from concord.crisis.tests.test_deployments import _decided
from concord.forces.models import ContributionStatus
from concord.forces.tests import factories as forces
from concord.forces.tests.exercise_factories import joint_staff
from concord.registry.models import MemberState
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["django_language"] = "en"


def _log(case: Case) -> list[str]:
    return [e.what for e in LogEntry.objects.unscoped(reason="test").filter(case=case)]


def _ready(personas, **unit_label):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    brigade = forces.unit(org.states["RU"], name="15-я бригада", name_en="15th brigade",
                          releasable_to=[personas.secretariat], **unit_label)
    contribution = forces.earmark(forces.formation(personas.secretariat), brigade,
                                  releasable_to=[personas.secretariat], **unit_label)
    return case, instruction, contribution


def test_it_deploys_a_contingent_from_the_case_page_and_steps_it_to_deployed(client, personas):
    case, instruction, contribution = _ready(personas)
    client.force_login(joint_staff(personas.secretariat))
    url = f"{case.get_absolute_url()}deployments/"

    form = client.get(url).content.decode()
    sent = client.post(url, {"instruction": str(instruction.public_id),
                             "contribution": str(contribution.public_id)})
    step_url = f"{url}{contribution.public_id}/step/"
    step_form = client.get(step_url).content.decode()
    alerted = client.post(step_url, {"status": "alerted", "on": "2024-01-05"})
    refused = client.post(step_url, {"status": "assembling", "on": "2024-01-04"})
    page = client.get(case.get_absolute_url()).content.decode()

    assert "15th brigade" in form
    assert f'<option value="{instruction.document.public_id}" selected>' in step_form
    assert sent.status_code == 302 and alerted.status_code == 302
    assert refused.status_code == 400
    assert "cannot precede the current status, of 2024-01-05" in refused.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.ALERTED
    assert 'id="case-deployments"' in page and "15th brigade" in page
    assert step_url in page
    assert any(w.startswith("Contingent deployment belongs to the case: 15th brigade")
               for w in _log(case))
    assert any(w.startswith("Contingent moved on") for w in _log(case))


def test_it_names_the_missing_instruction_and_deploys_nothing(client, personas):
    case, _instruction, contribution = _ready(personas)
    client.force_login(joint_staff(personas.secretariat))

    answer = client.post(f"{case.get_absolute_url()}deployments/",
                         {"contribution": str(contribution.public_id)})

    assert answer.status_code == 400
    assert "This field is required" in answer.content.decode()
    assert not CaseLink.objects.filter(case=case, target_type="forces.contribution").exists()


def test_it_keeps_the_deploy_form_from_who_may_not_move_contributions(client, personas):
    case, _instruction, _contribution = _ready(personas)
    client.force_login(personas.officer)

    answer = client.get(f"{case.get_absolute_url()}deployments/")
    page = client.get(case.get_absolute_url()).content.decode()

    assert answer.status_code == 403
    assert "Deploy a contingent" not in page


def test_it_deploys_and_lists_through_the_api_naming_an_unknown_instruction(client, personas):
    case, instruction, contribution = _ready(personas)
    client.force_login(joint_staff(personas.secretariat))
    url = f"/api/v1/crisis/cases/{case.public_id}/deployments"

    unknown = client.post(url, json.dumps({"instruction": str(contribution.public_id),
                                           "contribution": str(contribution.public_id)}),
                          content_type="application/json")
    made = client.post(url, json.dumps({"instruction": str(instruction.public_id),
                                        "contribution": str(contribution.public_id)}),
                       content_type="application/json")
    listed = client.get(url).json()

    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["body.instruction"]
    assert made.status_code == 201
    assert [(d["unit"], d["state"], d["status"]) for d in listed] == [
        ("15th brigade", "RU", "earmarked")]


def test_it_shows_a_withheld_contribution_to_the_state_nowhere(client, personas):
    case, instruction, contribution = _ready(
        personas, classification=Classification.SECRET, release_to_all_members=False)
    client.force_login(joint_staff(personas.secretariat))
    client.post(f"{case.get_absolute_url()}deployments/",
                {"instruction": str(instruction.public_id),
                 "contribution": str(contribution.public_id)}, follow=True)
    client.force_login(personas.delegate_b)

    page = client.get(case.get_absolute_url()).content.decode()
    listed = client.get(f"/api/v1/crisis/cases/{case.public_id}/deployments").json()
    step = client.get(f"{case.get_absolute_url()}deployments/{contribution.public_id}/step/")

    assert CaseLink.objects.filter(case=case, target_type="forces.contribution").exists()
    assert "15th brigade" not in page and "15-я бригада" not in page
    assert "No contingent deployed." in page
    assert listed == []
    assert step.status_code == 404


def test_it_earmarks_a_unit_through_the_api_naming_what_is_missing(client, personas):
    org = organization()
    case = factories.case(personas)
    instruction = _decided(org, personas, case)
    crrf = forces.formation(personas.secretariat)
    unit = forces.unit(org.states["TJ"], name="Рота", releasable_to=[personas.secretariat])
    client.force_login(joint_staff(personas.secretariat))
    url = f"/api/v1/crisis/cases/{case.public_id}/deployments"

    missing = client.post(url, json.dumps({"instruction": str(instruction.public_id),
                                           "formation": crrf.code}),
                          content_type="application/json")
    made = client.post(url, json.dumps({"instruction": str(instruction.public_id),
                                        "formation": crrf.code, "unit": str(unit.public_id),
                                        "period_from": date(2024, 1, 6).isoformat()}),
                       content_type="application/json")

    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} == {"unit", "period_from"}
    assert made.status_code == 201 and made.json()["state"] == "TJ"


def test_it_offers_a_delegation_its_own_states_contributions_only(client, personas):
    case, _instruction, brigade = _ready(personas)
    company = forces.unit(MemberState.objects.get(party__code="TJ"), name="Рота ТЧ",
                          name_en="Tajik company", releasable_to=[personas.secretariat])
    forces.earmark(brigade.formation, company, releasable_to=[personas.secretariat])
    client.force_login(personas.delegate_b)

    form = client.get(f"{case.get_absolute_url()}deployments/").content.decode()

    assert "Tajik company" in form
    assert "15th brigade" not in form
