"""The officials list sorted by a column and filtered by several positions and states, alike on
the page and the API."""

from __future__ import annotations

from django.urls import reverse

LIST = reverse("registry:official-list")


def _listed(response) -> list[str]:
    return [official.name_en for official in response.context["page_obj"]]


def test_it_sorts_officials_by_state_then_name_both_ways(client, org):
    by_state = client.get(LIST, {"sort": "state"}, HTTP_ACCEPT_LANGUAGE="en")
    backwards = client.get(LIST, {"sort": "-state"}, HTTP_ACCEPT_LANGUAGE="en")

    assert _listed(by_state) == ["Imangali Tasmagambetov", "Alexander Studenikin",
                                 "Nikolai Bordyuzha"]
    assert _listed(backwards) == _listed(by_state)[::-1]
    assert 'aria-sort="descending"' in backwards.content.decode()


def test_it_takes_several_states_and_positions(client, org):
    both = client.get(LIST, [("state", "kz"), ("state", "RU")])
    kazakh = client.get(LIST, {"state": "KZ", "position": "secretary-general,spokesman"})

    assert len(_listed(both)) == 3
    assert _listed(kazakh) == ["Imangali Tasmagambetov"]


def test_it_names_a_bad_sort_key_on_the_page_and_in_the_api(client, org):
    page = client.get(LIST, {"sort": "rank"}, HTTP_ACCEPT_LANGUAGE="en")
    api = client.get("/api/v1/officials", [("state", "RU"), ("state", "ZZ"), ("sort", "rank")])

    assert [str(m) for m in page.context["messages"]] == [
        "The filter “sort” was left out: rank is not one of: name, state."]
    assert api.status_code == 422
    assert sorted(error["field"] for error in api.json()["errors"]) == ["sort", "state"]


def test_it_sorts_and_filters_officials_on_the_api(client, org):
    found = client.get("/api/v1/officials", [("state", "RU"), ("sort", "-name")],
                       HTTP_ACCEPT_LANGUAGE="en").json()

    assert [item["name_en"] for item in found["items"]] == ["Nikolai Bordyuzha",
                                                           "Alexander Studenikin"]
