"""What the API refuses before any operation reads or writes: a NUL character in a query or a
body, which no text of Concord's means and PostgreSQL cannot hold, and a year no date has."""

from __future__ import annotations

import pytest
from django.test import Client

from concord.council.models import Session

API = "/api/v1"


def _fields(response) -> list[str]:
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    return [error["field"] for error in response.json()["errors"]]


@pytest.mark.parametrize("address", ["officials", "sessions", "documents", "incidents"])
def test_it_names_a_query_parameter_carrying_a_nul_character(db, personas, address):
    client = Client()
    client.force_login(personas.officer)

    response = client.get(f"{API}/{address}", {"q" if address != "sessions" else "body": "a\0b"})

    assert _fields(response) == ["query.q" if address != "sessions" else "query.body"]


def test_it_names_the_field_of_a_body_carrying_a_nul_character_and_writes_nothing(db, personas):
    client = Client()
    client.force_login(personas.officer)

    response = client.post(f"{API}/sessions", {
        "body": "CSC", "kind": "regular", "title_ru": "Сессия", "title_en": "Session\0",
        "place_ru": "Сочи", "place_en": "Sochi", "starts_on": "2013-09-23"},
        content_type="application/json")

    assert _fields(response) == ["body.title_en"]
    assert not Session.objects.unscoped(reason="counting every session").exists()


def test_it_still_refuses_a_body_that_is_not_json_with_400(db, personas):
    client = Client()
    client.force_login(personas.officer)

    response = client.post(f"{API}/sessions", b"{not json", content_type="application/json")

    assert (response.status_code, response["Content-Type"]) == (400, "application/problem+json")


@pytest.mark.parametrize("address", ["bodies/a%00b", "member-states/a%00b",
                                     "documents/a%00b", "officials/a%00b"])
def test_it_answers_a_nul_character_in_the_path_as_no_such_record(db, personas, address):
    response = Client().get(f"{API}/{address}")

    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")


@pytest.mark.parametrize("address", ["sessions", "documents"])
def test_it_names_a_year_beyond_the_calendar(db, personas, address):
    response = Client().get(f"{API}/{address}", {"year": 6809816631})

    assert _fields(response) == ["query.year"]


@pytest.mark.parametrize("address", ["officials", "member-states", "sessions", "documents",
                                     "instructions", "implementation-reports", "incidents",
                                     "indicators", "alerts", "imports"])
def test_it_answers_an_offset_past_the_last_record_with_an_empty_page(db, personas, address):
    client = Client()
    client.force_login(personas.officer)

    response = client.get(f"{API}/{address}", {"offset": str(2**122), "limit": "25"})

    assert response.status_code == 200, response.content
    assert response.json()["items"] == []
