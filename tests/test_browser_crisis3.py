"""A case's deployments in a real browser, in Russian: the Joint Staff officer sends a
contingent under the instruction of the decision taken on the case, records its alert from the
case, and a delegation that may not read the contribution sees none of it."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from concord.accounts.models import User
from concord.core.models import Party
from concord.council.models import StatePosition
from concord.council.services.documents import document_decide
from concord.council.services.instructions import instruction_add
from concord.council.tests.factories import draft, positions, session
from concord.crisis.models import Case
from concord.crisis.services.cases import case_link, case_open
from concord.demo.crisis import KAZAKHSTAN
from concord.demo.organization import load
from concord.demo.steps import load_all
from concord.forces.tests import factories as forces
from concord.registry.models import Body, MemberState
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNIT = "Миротворческая рота"


def _clean(page: Any) -> None:
    found = english_on_page(page)
    assert found == [], found
    assert page.concord_errors == []


def _case_with_a_decision() -> Case:
    officer = User.objects.get(username="officer")
    analyst = User.objects.get(username="analyst")
    case = case_open(actor=analyst, title="Беспорядки в Алматы", type="unrest",
                     severity="severe", affected_states=[Party.objects.get(code="KZ")],
                     latitude=43.24, longitude=76.89, radius_km=60)
    states = {s.iso_alpha2: s for s in MemberState.objects.select_related("party")}
    org = SimpleNamespace(csc=Body.objects.get(code="CSC"), states=states)
    meeting = session(org, officer)  # type: ignore[arg-type]
    decision = draft(org, officer, session=meeting)  # type: ignore[arg-type]
    case_link(actor=officer, case=case, target=decision)
    instruction_add(actor=officer, document=decision, text_ru="Направить контингенты КМС",
                    text_en="Send the peacekeeping contingents", addressee_kind="all_states")
    positions(org, officer, decision,  # type: ignore[arg-type]
              {code: StatePosition.Stance.CONCURS for code in states})
    document_decide(actor=officer, document=decision, session=meeting, on=date(2013, 9, 23))
    secretariat = Party.objects.get(code="SEC")
    forces.earmark(forces.formation(secretariat, code="kms"),
                   forces.unit(states["RU"], name=UNIT, name_en="Peacekeeping company",
                               releasable_to=[secretariat]),
                   releasable_to=[secretariat])
    return case


def test_the_joint_staff_deploys_a_contingent_from_the_case(live_server, browser_page):
    load(password=PASSWORD)
    case = _case_with_a_decision()
    page = browser_page
    sign_in(page, live_server, "staff", enrol=True)
    page.goto(f"{live_server.url}{case.get_absolute_url()}")

    page.get_by_role("link", name="Направить контингент").click()
    _clean(page)
    page.select_option("select[name=instruction]", index=0)
    page.select_option("select[name=contribution]", index=0)
    page.locator(".card form").get_by_role("button", name="Направить").click()

    deployed = page.locator("#case-deployments li", has_text=UNIT)
    assert deployed.locator(".badge").inner_text() == "Выделено"
    _clean(page)
    deployed.get_by_role("link", name="Следующий шаг").click()
    page.select_option("select[name=status]", value="alerted")
    page.fill("input[name=on]", "2024-01-06")
    _clean(page)
    page.locator(".card form").get_by_role("button", name="Записать этап").click()

    assert page.locator("#case-deployments li", has_text=UNIT).locator(
        ".badge").inner_text() == "Приведено в готовность"
    assert page.locator("#case-log tr", has_text=UNIT).count() >= 2
    _clean(page)


def test_a_delegate_reads_the_kazakhstan_case_of_january_2022_run_through_the_case(
        live_server, browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}/crisis/{KAZAKHSTAN}/")

    assert page.locator("#case-phase").inner_text() == "Закрыта"
    assert "О направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан" in \
        page.locator("#case-council-records").inner_text()
    contingents = page.locator("#case-deployments li")
    assert contingents.count() == 5
    assert any(text.startswith("Миротворческий батальон Республики Таджикистан")
               for text in contingents.all_inner_texts())
    # The case is closed: no step is offered from it.
    assert page.locator("#case-deployments a").count() == 0
    _clean(page)

    page.get_by_role("link", name="Хронология").click()
    for lane in ("council", "forces"):
        times = page.locator(f"section[aria-labelledby=lane-{lane}] time").all_inner_texts()
        assert times and all(time.startswith("2022-01-") for time in times), (lane, times)
    _clean(page)
