"""The member state pages: the list with its filters, htmx partial and exports, and one state."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LIST = reverse("registry:state-list")


def _listed(response) -> list[str]:
    return [state.iso_alpha2 for state in response.context["page_obj"]]


def test_it_lists_the_member_states_by_their_russian_names(client, org):
    response = client.get(LIST)

    assert response.status_code == 200
    assert _listed(response) == ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    page = response.content.decode()
    assert "Кыргызстан" in page
    assert 'lang="kk">Қазақстан<' in page


def test_it_lists_the_states_in_english_for_an_english_reader(client, org):
    page = client.get(LIST, **EN).content.decode()

    assert ">Kyrgyzstan</a>" in page


def test_it_filters_the_list_by_status(client, org):
    response = client.get(LIST, {"status": "suspended"})

    assert _listed(response) == ["AM"]
    assert '<option value="suspended" selected>' in response.content.decode()


@pytest.mark.parametrize("q, codes", [("Кыргыз", ["KG"]), ("tajik", ["TJ"]), ("BLR", ["BY"]),
                                      ("Атлантида", [])])
def test_it_filters_the_list_by_a_search(client, org, q, codes):
    assert _listed(client.get(LIST, {"q": q})) == codes


def test_it_says_when_no_state_matches(client, org):
    page = client.get(LIST, {"q": "Atlantis"}, **EN).content.decode()

    assert "No member state matches." in page


def test_it_sorts_the_list_by_a_column(client, org):
    assert _listed(client.get(LIST, {"sort": "-code"})) == ["TJ", "RU", "KZ", "KG", "BY", "AM"]


def test_it_shows_every_state_and_names_each_unknown_filter(client, org):
    response = client.get(LIST, {"status": "dormant", "sort": "population", "q": ""}, **EN)

    assert response.status_code == 200
    assert _listed(response) == ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    said = [str(message) for message in response.context["messages"]]
    assert len(said) == 2
    assert said[0] == ("The filter “status” was left out: dormant is not one of: active, "
                       "suspended, withdrawn.")
    assert said[1].startswith("The filter “sort” was left out: population is not one of: name, "
                              "-name,")
    assert "The filter “status” was left out" in response.content.decode()


def test_it_names_an_unknown_filter_in_russian(client, org):
    response = client.get(LIST, {"status": "dormant"})

    assert "Фильтр «status» не применён: dormant — не одно из значений" in response.content.decode()


def test_it_answers_an_htmx_request_with_the_table_alone(client, org):
    response = client.get(LIST, {"status": "suspended"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert "<table" in page
    assert "Армения" in page
    assert "Россия" not in page
    assert "HX-Request" in response["Vary"]


def test_it_answers_a_boosted_htmx_request_with_the_whole_page(client, org):
    response = client.get(LIST, HTTP_HX_REQUEST="true", HTTP_HX_BOOSTED="true")

    assert "<html" in response.content.decode()


def test_it_exports_the_list_as_csv_with_a_byte_order_mark(client, org):
    response = client.get(LIST, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="member-states.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 7
    assert rows[4].startswith("KG,Кыргызстан,Kyrgyzstan,Кыргызстан,1992-05-15,")


def test_it_exports_only_what_the_filter_shows(client, org):
    response = client.get(LIST, {"format": "csv", "status": "suspended"})

    rows = response.content.decode("utf-8-sig").splitlines()
    assert [row.split(",")[0] for row in rows[1:]] == ["AM"]


def test_it_exports_the_list_as_a_workbook(client, org):
    response = client.get(LIST, {"format": "xlsx"})

    assert response["Content-Disposition"] == 'attachment; filename="member-states.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 7
    assert rows[1][:4] == ("AM", "Армения", "Armenia", "Հայաստան")
    assert rows[4][1] == "Кыргызстан"


def test_it_lists_the_states_in_a_fixed_number_of_queries(client, org, personas,
                                                         django_assert_max_num_queries):
    client.force_login(personas.officer)

    # Two of them read the permissions that the menu entries needing one are shown by.
    with django_assert_max_num_queries(8):
        client.get(LIST)


def test_it_shows_a_state_with_its_officials_and_chairmanships(client, org):
    response = client.get(reverse("registry:state-detail", args=["RU"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Россия" in page
    assert "Александр Студеникин" in page
    assert ">2014</a>" in page
    # The capital's time zone is a city in the reader's language, not an IANA identifier.
    assert '<span title="Asia/Almaty">Алматы (UTC+05:00)</span>' in page


def test_it_finds_a_state_by_a_lower_case_code(client, org):
    response = client.get(LIST + "kg/")

    assert response.status_code == 200
    assert response.context["state"].iso_alpha2 == "KG"


def test_it_links_a_state_by_its_code_in_capitals(client, org):
    assert reverse("registry:state-detail", args=["kg"]) == LIST + "KG/"


@pytest.mark.parametrize("code", ["KGZ", "K1", "k", "кг"])
def test_it_answers_a_malformed_state_code_as_a_missing_state(client, org, code):
    malformed = client.get(f"{LIST}{code}/", **EN)
    missing = client.get(reverse("registry:state-detail", args=["UZ"]), **EN)

    assert malformed.status_code == missing.status_code == 404
    assert "There is no such page or record." in malformed.content.decode()


def test_it_answers_an_unknown_state_with_not_found(client, org):
    response = client.get(reverse("registry:state-detail", args=["UZ"]), **EN)

    assert response.status_code == 404
    assert "There is no such page or record." in response.content.decode()


def test_it_offers_editing_only_to_those_who_may_edit(client, org, personas):
    edit = reverse("registry:state-edit", args=["KG"])
    detail = reverse("registry:state-detail", args=["KG"])

    client.force_login(personas.delegate_a)
    assert edit not in client.get(detail).content.decode()
    client.force_login(personas.officer)
    assert edit in client.get(detail).content.decode()
