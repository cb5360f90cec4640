"""The forces' pages follow the read rule as their API does: a PUBLIC formation, unit,
contribution or exercise is read by anyone, signed in or not; anything else is, for an anonymous
reader, as missing from every list, page and file as a record that does not exist."""

from __future__ import annotations

import pytest
from django.test import Client

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.forces.tests.exercise_factories import exercise
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db

PUBLIC, OFFICIAL = Classification.PUBLIC, Classification.OFFICIAL_USE


@pytest.fixture
def records(org, personas):
    shown = formation(personas.secretariat, code="crrf", classification=PUBLIC)
    kept = formation(personas.secretariat, code="cpf", classification=OFFICIAL,
                     name_ru="Сводный резерв «Север»",
                     name_en="North reserve", abbreviation_ru="СРС",
                     abbreviation_en="NRS")
    brigade = unit(org.states["RU"], name="Открытая бригада", name_en="Open brigade",
                   classification=PUBLIC)
    battalion = unit(org.states["KZ"], name="Закрытый батальон", name_en="Closed battalion")
    return {"shown": shown, "kept": kept, "brigade": brigade, "battalion": battalion,
            "earmark": earmark(shown, brigade, classification=PUBLIC),
            "open": exercise(SYSTEM, org.states, series_ru="Рубеж", series_en="Rubezh",
                             classification=PUBLIC),
            "closed": exercise(SYSTEM, org.states, series_ru="Кобальт", series_en="Cobalt")}


def test_it_shows_anonymous_readers_the_public_formations_and_units_only(records):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    page = client.get("/forces/").content.decode()
    assert "Коллективные силы оперативного реагирования" in page
    assert "Сводный резерв «Север»" not in page
    units = client.get("/forces/units/").content.decode()
    assert "Открытая бригада" in units and "Закрытый батальон" not in units
    assert client.get(records["shown"].get_absolute_url()).status_code == 200
    assert client.get(records["kept"].get_absolute_url()).status_code == 404
    assert client.get(records["brigade"].get_absolute_url()).status_code == 200
    assert client.get(records["battalion"].get_absolute_url()).status_code == 404
    assert client.get(records["earmark"].get_absolute_url()).status_code == 200
    geojson = client.get("/forces/units.geojson").json()
    assert [f["properties"]["sidc"] for f in geojson["features"]] == [records["brigade"].symbol_code]
    for path in ("/forces/units/tree/", "/forces/map/", "/forces/readiness/"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert "Закрытый батальон" not in answer.content.decode(), path


def test_it_shows_anonymous_readers_the_public_exercises_only(records):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    page = client.get("/forces/exercises/").content.decode()
    assert "Рубеж-2013" in page and "Кобальт-2013" not in page
    assert client.get(records["open"].get_absolute_url()).status_code == 200
    assert client.get(records["closed"].get_absolute_url()).status_code == 404
    calendar = client.get("/forces/exercises/calendar.ics").content.decode()
    assert "Rubezh" in calendar or "Рубеж" in calendar
    assert "Cobalt" not in calendar and "Кобальт" not in calendar


def test_it_answers_anonymous_readers_as_the_api_does(records):
    client = Client()
    pages = {row["code"] for row in client.get("/api/v1/forces/formations").json()["items"]}
    assert pages == {"crrf"}
    assert "Сводный резерв «Север»" not in client.get("/forces/?format=csv").content.decode()
