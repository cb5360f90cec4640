"""The forces API: formations, units and readiness, scoped like the pages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.forces.services.units import strength_record
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def forces(org, personas):
    crrf = formation(personas.secretariat, releasable_to=[personas.secretariat])
    brigade = unit(org.states["RU"], releasable_to=[personas.secretariat])
    earmark(crrf, brigade, period_from=clock.today() - timedelta(days=10))
    strength_record(actor=SYSTEM, unit=brigade, as_of=clock.today(), personnel_on_hand=2900,
                    release_to_all_members=False, releasable_to=[])
    return crrf, brigade


def test_it_lists_formations_and_units(client, personas, forces):
    client.force_login(personas.delegate_b)
    formations = client.get("/api/v1/forces/formations").json()
    assert [f["code"] for f in formations["items"]] == ["crrf"]
    units = client.get("/api/v1/forces/units", {"state": "RU"}).json()
    assert units["items"][0]["symbol_code"] == forces[1].symbol_code


def test_it_gives_another_state_the_earmark_without_the_withheld_strength(client, personas,
                                                                          forces):
    url = f"/api/v1/forces/formations/{forces[0].public_id}/contributions"
    client.force_login(personas.delegate_b)
    other = client.get(url).json()["items"]
    assert len(other) == 1 and other[0]["personnel_on_hand"] is None
    client.force_login(personas.delegate_a)
    assert client.get(url).json()["items"][0]["personnel_on_hand"] == 2900


def test_it_records_a_readiness_report_and_names_a_wrong_level(client, personas, forces):
    client.force_login(personas.delegate_a)
    wrong = client.post("/api/v1/forces/readiness", {
        "unit": str(forces[1].public_id), "reported_on": clock.today().isoformat(),
        "training": "excellent"}, content_type="application/json")
    assert wrong.status_code == 422
    assert "body.training" in {e["field"] for e in wrong.json()["errors"]}
    done = client.post("/api/v1/forces/readiness", {
        "unit": str(forces[1].public_id), "reported_on": clock.today().isoformat(),
        "training": "marginally", "personnel": "fully"}, content_type="application/json")
    assert done.status_code == 201 and done.json()["overall"] == "marginally"
    latest = client.get("/api/v1/forces/readiness", {"overall": "marginally"}).json()
    assert [r["training"] for r in latest["items"]] == ["marginally"]
