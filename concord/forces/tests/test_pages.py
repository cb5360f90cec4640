"""The forces pages as their users meet them: lists that filter and export, a unit's page with
its forms, the map's GeoJSON."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from concord.accounts.models import Role, User
from concord.core import clock
from concord.forces.models import Formation, Level, ReadinessReport
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def forces(org, personas):
    crrf = formation(personas.secretariat, releasable_to=[personas.secretariat])
    brigade = unit(org.states["RU"], releasable_to=[personas.secretariat])
    battalion = unit(org.states["RU"], name="1-й батальон", name_en="1st battalion",
                     parent=brigade, echelon=16, releasable_to=[personas.secretariat])
    earmark(crrf, battalion, period_from=clock.today() - timedelta(days=30))
    return crrf, brigade, battalion


@pytest.mark.parametrize("name", ["forces:formation-list", "forces:unit-list", "forces:unit-tree",
                                  "forces:readiness-list", "forces:map"])
def test_it_shows_every_list_to_a_delegate(client, personas, forces, name):
    client.force_login(personas.delegate_b)
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_it_shows_the_unit_tree_with_the_battalion_under_its_brigade(client, personas, forces):
    client.force_login(personas.delegate_b)
    rows = client.get(reverse("forces:unit-tree")).context["rows"]
    assert [(row.unit.name_en, row.depth) for row in rows] == [("15th brigade", 0),
                                                              ("1st battalion", 1)]


def test_it_lets_a_delegation_report_its_units_readiness_through_the_form(client, personas,
                                                                          forces):
    _crrf, _brigade, battalion = forces
    client.force_login(personas.delegate_a)
    url = reverse("forces:unit-readiness", args=[battalion.public_id])
    refused = client.post(url, {"reported_on": clock.today().isoformat(), "personnel": "4",
                                "training": "2", "override": "3"})
    assert refused.status_code == 400
    assert "override_reason" in refused.context["form"].errors
    done = client.post(url, {"reported_on": clock.today().isoformat(), "personnel": "4",
                             "training": "2", "override": "3",
                             "override_reason": "Учения проведены досрочно"})
    assert done.status_code == 302
    report = ReadinessReport.objects.unscoped(reason="test").get()
    assert (report.overall, report.overridden) == (Level.SUBSTANTIALLY, True)


def test_it_refuses_another_states_delegation_the_readiness_form(client, personas, forces):
    client.force_login(personas.delegate_b)
    response = client.get(reverse("forces:unit-readiness", args=[forces[2].public_id]))
    assert response.status_code == 403


def test_it_exports_the_units_filtered_by_state(client, personas, forces, org):
    unit(org.states["KZ"], name="Казахская бригада", name_en="Kazakh brigade")
    client.force_login(personas.delegate_b)
    response = client.get(reverse("forces:unit-list"), {"state": "KZ", "format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "Kazakh" in text or "Казахская" in text
    assert "15th brigade" not in text and "15-я бригада" not in text


def test_it_gives_the_home_stations_as_geojson_with_the_symbol_code(client, personas, forces):
    client.force_login(personas.delegate_b)
    response = client.get(reverse("forces:unit-geojson"))
    assert response["Content-Type"] == "application/geo+json"
    features = json.loads(response.content)["features"]
    assert {f["properties"]["sidc"] for f in features} == {forces[1].symbol_code,
                                                           forces[2].symbol_code}
    assert features[0]["geometry"]["coordinates"] == [50.15, 53.2]


def test_it_shows_the_formation_page_with_the_contribution(client, personas, forces):
    client.force_login(personas.officer)
    page = client.get(forces[0].get_absolute_url())
    assert page.status_code == 200
    assert page.context["glance"].total.units == 1


def test_it_lets_the_joint_staff_officer_register_and_edit_a_formation(client, org, personas):
    staff = User.objects.create_user(username="staff", password="correct horse battery staple",
                                     party=personas.secretariat, clearance=2)
    staff.groups.set(Group.objects.filter(name=Role.JOINT_STAFF_OFFICER.value))
    client.force_login(staff)
    refused = client.post(reverse("forces:formation-create"), {"code": "caf", "kind": "aviation",
                                                               "name_ru": "",
                                                               "readiness_period_days": "90"})
    assert refused.status_code == 400 and "name_ru" in refused.context["form"].errors
    done = client.post(reverse("forces:formation-create"), {
        "code": "caf", "kind": "aviation", "name_ru": "Коллективные авиационные силы",
        "name_en": "Collective Aviation Forces", "readiness_period_days": "60"})
    assert done.status_code == 302
    formation = Formation.objects.unscoped(reason="test").get(code="caf")
    edited = client.post(reverse("forces:formation-edit", args=[formation.public_id]), {
        "kind": "aviation", "name_ru": "Коллективные авиационные силы ОДКБ",
        "name_en": "CSTO Collective Aviation Forces", "readiness_period_days": "30"})
    assert edited.status_code == 302
    formation.refresh_from_db()
    assert (formation.name_en, formation.readiness_period_days) == (
        "CSTO Collective Aviation Forces", 30)
    client.force_login(personas.delegate_a)
    assert client.get(reverse("forces:formation-create")).status_code == 403


def test_it_lets_a_delegation_move_its_unit_to_another_home_station(client, personas, forces):
    brigade = forces[1]
    url = reverse("forces:unit-edit", args=[brigade.public_id])
    client.force_login(personas.delegate_b)
    assert client.get(url).status_code == 403
    client.force_login(personas.delegate_a)
    values = {"name_ru": brigade.name_ru, "name_en": brigade.name_en, "unit_type": "airborne",
              "echelon": "18", "home_station_ru": "Псков", "home_station_en": "Pskov",
              "latitude": "57.82", "longitude": "", "symbol_code": brigade.symbol_code}
    refused = client.post(url, values)
    assert refused.status_code == 400 and "longitude" in refused.context["form"].errors
    assert client.post(url, {**values, "longitude": "28.33"}).status_code == 302
    brigade.refresh_from_db()
    assert (brigade.home_station_en, brigade.longitude) == ("Pskov", 28.33)
