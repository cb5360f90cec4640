"""The officials pages: the list with its filters, htmx partial and exports, and one official."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from concord.registry.tests.factories import more_officials

LIST = reverse("registry:official-list")


def _listed(response) -> list[str]:
    return [official.name_en for official in response.context["page_obj"]]


def test_it_lists_officials_with_their_positions(client, org):
    response = client.get(LIST)

    assert response.status_code == 200
    assert _listed(response) == ["Alexander Studenikin", "Imangali Tasmagambetov",
                                 "Nikolai Bordyuzha"]
    page = response.content.decode()
    assert "Николай Бордюжа" in page
    assert "Генеральный секретарь ОДКБ" in page


def test_it_filters_officials_by_position(client, org):
    response = client.get(LIST, {"position": "secretary-general"})

    assert _listed(response) == ["Imangali Tasmagambetov", "Nikolai Bordyuzha"]


def test_it_filters_officials_by_state_and_name(client, org):
    assert _listed(client.get(LIST, {"state": "ru", "q": "Студеникин"})) == [
        "Alexander Studenikin"]


def test_it_pages_a_long_list(client, org):
    more_officials(org, 30)

    first = client.get(LIST)
    second = client.get(LIST, {"page": "2"})

    assert len(_listed(first)) == 25
    assert len(_listed(second)) == 8
    assert not set(_listed(first)) & set(_listed(second))


def test_it_answers_an_htmx_request_with_the_table_alone(client, org):
    response = client.get(LIST, {"state": "KZ"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert "<html" not in page
    assert "Имангали Тасмагамбетов" in page
    assert "Николай Бордюжа" not in page


def test_it_exports_officials_as_csv_with_cyrillic_names(client, org):
    response = client.get(LIST, {"format": "csv", "position": "secretary-general"})

    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response["Content-Disposition"] == 'attachment; filename="officials.csv"'
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[1:] == [
        "Имангали Тасмагамбетов,Imangali Tasmagambetov,KZ,CSTO Secretary General (2023-01-01–)",
        "Николай Бордюжа,Nikolai Bordyuzha,RU,CSTO Secretary General (2003-04-28–2016-12-31)",
    ]


def test_it_exports_officials_as_a_workbook(client, org):
    response = client.get(LIST, {"format": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Александр Студеникин", "Имангали Тасмагамбетов", "Николай Бордюжа"]


def test_it_lists_officials_in_a_fixed_number_of_queries(client, org, personas,
                                                         django_assert_max_num_queries):
    more_officials(org, 30)
    client.force_login(personas.officer)

    with django_assert_max_num_queries(11):
        client.get(LIST)


def test_it_exports_officials_in_a_fixed_number_of_queries(client, org,
                                                           django_assert_max_num_queries):
    more_officials(org, 30)

    with django_assert_max_num_queries(2):
        client.get(LIST, {"format": "csv"})


def test_it_shows_an_official_with_rank_and_terms(client, org):
    response = client.get(org.studenikin.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Александр Студеникин" in page
    assert "Начальник Объединённого штаба ОДКБ" in page


def test_it_answers_an_unknown_official_with_not_found(client, org):
    response = client.get(reverse("registry:official-detail",
                                  args=["00000000-0000-4000-8000-000000000000"]))

    assert response.status_code == 404


def test_it_lists_every_official_and_names_an_unknown_position_and_state(client, org):
    everyone = client.get(LIST)
    response = client.get(LIST, {"position": "emperor", "state": "ZZ"},
                          HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == list(everyone.context["page_obj"])
    assert [str(m) for m in response.context["messages"]] == [
        "The filter “position” was left out: Unknown position.",
        "The filter “state” was left out: Unknown member state."]


@pytest.mark.parametrize("official_id", ["42", "not-a-uuid", "00000000-0000-4000-8000"])
def test_it_answers_a_malformed_official_id_as_a_missing_official(client, org, official_id):
    assert client.get(f"/registry/officials/{official_id}/").status_code == 404
