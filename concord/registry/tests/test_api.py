"""The registry API: lists with filters, sorting and pagination, details, and problem documents."""

from __future__ import annotations

from typing import Any

import pytest

from concord.core import clock

API = "/api/v1"


def _codes(response) -> list[str]:
    return [item["code"] for item in response.json()["items"]]


def _assert_problem(response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:concord:problem:{slug}"
    assert body["status"] == status
    assert body["instance"] == response.request["PATH_INFO"]
    return body


# --- Member states ---------------------------------------------------------------------------

def test_it_lists_member_states_in_russian_order_with_a_count(client, org):
    response = client.get(f"{API}/member-states")

    assert response.status_code == 200
    assert set(response.json()) == {"items", "count"}
    assert response.json()["count"] == 6
    assert _codes(response) == ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    kyrgyzstan = response.json()["items"][3]
    assert kyrgyzstan["name_ru"] == "Кыргызстан"
    assert kyrgyzstan["iso_alpha3"] == "KGZ"
    assert kyrgyzstan["url"] == "/registry/states/KG/"


@pytest.mark.parametrize("query, codes", [
    ("status=suspended", ["AM"]),
    ("status=active", ["BY", "KZ", "KG", "RU", "TJ"]),
    ("status=withdrawn", []),
    ("q=Кыргыз", ["KG"]),
    ("q=кыргыз", ["KG"]),  # Cyrillic case folds on SQLite too
    ("q=ТАДЖИК", ["TJ"]),
    ("q=taj", ["TJ"]),
    ("q=kaz", ["KZ"]),
    ("q=blr", ["BY"]),
    ("q=ru", ["BY", "RU"]),  # Belarus, Russia; and RU as a code
])
def test_it_filters_member_states(client, org, query, codes):
    response = client.get(f"{API}/member-states?{query}")

    assert _codes(response) == codes
    assert response.json()["count"] == len(codes)


@pytest.mark.parametrize("sort, codes", [
    ("-code", ["TJ", "RU", "KZ", "KG", "BY", "AM"]),
    ("name_en", ["AM", "BY", "KZ", "KG", "RU", "TJ"]),
    ("-name", ["TJ", "RU", "KG", "KZ", "BY", "AM"]),
    ("joined", ["AM", "KZ", "KG", "RU", "TJ", "BY"]),  # Belarus joined last, in December 1993
    ("status", ["BY", "KZ", "KG", "RU", "TJ", "AM"]),
])
def test_it_sorts_member_states(client, org, sort, codes):
    assert _codes(client.get(f"{API}/member-states?sort={sort}")) == codes


def test_it_pages_member_states_by_limit_and_offset(client, org):
    response = client.get(f"{API}/member-states?limit=2&offset=2")

    assert response.json()["count"] == 6
    assert _codes(response) == ["KZ", "KG"]


def test_it_refuses_an_unknown_sort_with_a_problem(client, org):
    body = _assert_problem(client.get(f"{API}/member-states?sort=population"), 422, "validation")

    assert [error["field"] for error in body["errors"]] == ["sort"]
    assert "name" in body["errors"][0]["message"]  # it says what can be sorted by


def test_it_refuses_an_unknown_status_with_a_problem(client, org):
    body = _assert_problem(client.get(f"{API}/member-states?status=dormant"), 422, "validation")

    assert [error["field"] for error in body["errors"]] == ["status"]


def test_it_shows_one_member_state_with_its_history(client, org):
    response = client.get(f"{API}/member-states/am")

    assert response.status_code == 200
    state = response.json()
    assert (state["code"], state["status"]) == ("AM", "suspended")
    assert state["status_history"] == [
        {"status": "suspended", "effective_on": "2024-02-22",
         "note": "Participation frozen by the state."}]


def test_it_answers_an_unknown_member_state_with_a_404_problem(client, org):
    body = _assert_problem(client.get(f"{API}/member-states/UZ"), 404, "notfound")

    assert "UZ" in body["detail"]


# --- Bodies ----------------------------------------------------------------------------------

def test_it_lists_bodies_each_after_the_one_it_reports_to(client, org):
    response = client.get(f"{API}/bodies")

    assert response.status_code == 200
    assert [(b["code"], b["parent"]) for b in response.json()] == [
        ("CSC", None), ("SEC", "CSC"), ("JS", "CSC")]


def test_it_shows_a_body_with_its_positions_contacts_and_holders(client, org):
    response = client.get(f"{API}/bodies/SEC")

    assert response.status_code == 200
    positions = {p["code"]: p for p in response.json()["positions"]}
    assert positions["spokesman"]["contacts"] == [{"kind": "email",
                                                   "value": "odkb-pressa@gov.ru"}]
    holders = positions["secretary-general"]["holders"]
    assert {(h["name_en"], h["ended_on"]) for h in holders} == {
        ("Nikolai Bordyuzha", "2016-12-31"), ("Imangali Tasmagambetov", None)}


def test_it_answers_an_unknown_body_with_a_404_problem(client, org):
    _assert_problem(client.get(f"{API}/bodies/NATO"), 404, "notfound")


# --- Officials -------------------------------------------------------------------------------

def test_it_lists_officials_with_their_terms(client, org):
    response = client.get(f"{API}/officials")

    assert response.json()["count"] == 3
    names = [o["name_en"] for o in response.json()["items"]]
    assert names == ["Alexander Studenikin", "Imangali Tasmagambetov", "Nikolai Bordyuzha"]
    studenikin = response.json()["items"][0]
    assert studenikin["state"] == "RU"
    assert [(t["position"], t["body"]) for t in studenikin["terms"]] == [
        ("chief-of-joint-staff", "JS")]


@pytest.mark.parametrize("query, names", [
    ("position=secretary-general", ["Imangali Tasmagambetov", "Nikolai Bordyuzha"]),
    ("state=kz", ["Imangali Tasmagambetov"]),
    ("q=Студеникин", ["Alexander Studenikin"]),
    ("q=bordyuzha", ["Nikolai Bordyuzha"]),
])
def test_it_filters_officials(client, org, query, names):
    response = client.get(f"{API}/officials?{query}")

    assert [o["name_en"] for o in response.json()["items"]] == names


def test_it_shows_one_official(client, org):
    response = client.get(f"{API}/officials/{org.studenikin.public_id}")

    assert response.status_code == 200
    assert response.json()["name_ru"] == "Александр Студеникин"
    assert response.json()["url"] == f"/registry/officials/{org.studenikin.public_id}/"


@pytest.mark.parametrize("official_id", ["0e9c1f4e-8f5d-4c1a-9b1e-3d2a7c6b5a49", "not-an-id"])
def test_it_answers_an_unknown_official_with_a_404_problem(client, org, official_id):
    _assert_problem(client.get(f"{API}/officials/{official_id}"), 404, "notfound")


# --- Chairmanship ----------------------------------------------------------------------------

def test_it_answers_who_chairs_in_a_recorded_year(client, org):
    response = client.get(f"{API}/chairmanship?year=2014")

    assert response.json() == {"year": 2014, "state": "RU", "state_name_ru": "Россия",
                               "state_name_en": "Russia", "recorded": True,
                               "handed_over_on": None, "starts_on": "2014-01-01"}


def test_it_answers_who_chairs_by_the_rotation_rule(client, org):
    response = client.get(f"{API}/chairmanship?year=2015")

    assert response.json() == {"year": 2015, "state": "TJ", "state_name_ru": "Таджикистан",
                               "state_name_en": "Tajikistan", "recorded": False,
                               "handed_over_on": None, "starts_on": "2015-01-01"}


def test_it_answers_for_this_year_when_no_year_is_given(client, org):
    assert client.get(f"{API}/chairmanship").json()["year"] == clock.current_year()


def test_it_lists_the_chairmanship_schedule(client, org):
    response = client.get(f"{API}/chairmanship/schedule?first=2013&last=2017")

    assert [(c["year"], c["state"], c["recorded"]) for c in response.json()] == [
        (2013, "KG", True), (2014, "RU", True), (2015, "TJ", False), (2016, "AM", False),
        (2017, "BY", False)]


@pytest.mark.parametrize("query", ["year=1900", "year=2500"])
def test_it_refuses_a_year_out_of_range_with_a_problem(client, org, query):
    body = _assert_problem(client.get(f"{API}/chairmanship?{query}"), 422, "validation")

    assert [error["field"] for error in body["errors"]] == ["year"]


@pytest.mark.parametrize("query", ["first=2020&last=2010", "first=1992&last=2100"])
def test_it_refuses_a_schedule_range_backwards_or_over_a_century(client, org, query):
    _assert_problem(client.get(f"{API}/chairmanship/schedule?{query}"), 422, "validation")


def test_it_refuses_a_schedule_request_without_its_range(client, org):
    body = _assert_problem(client.get(f"{API}/chairmanship/schedule?first=2013"), 422,
                           "validation")

    assert any(error["field"].endswith("last") for error in body["errors"])


def test_it_refuses_a_year_that_is_not_a_number(client, org):
    _assert_problem(client.get(f"{API}/chairmanship?year=next"), 422, "validation")


# --- Query counts ----------------------------------------------------------------------------

def test_it_lists_member_states_in_a_fixed_number_of_queries(client, org,
                                                             django_assert_max_num_queries):
    # The count and the page, each in the database, however many states there are.
    with django_assert_max_num_queries(2):
        client.get(f"{API}/member-states")


def test_it_lists_officials_in_a_fixed_number_of_queries(client, org,
                                                         django_assert_max_num_queries):
    # The count, the page and the page's terms.
    with django_assert_max_num_queries(3):
        client.get(f"{API}/officials")


def test_it_lists_bodies_in_one_query(client, org, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get(f"{API}/bodies")
