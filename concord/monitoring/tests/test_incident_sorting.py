"""The incident list sorts by its columns, on the page and the API alike, latest first when
nothing else is asked for; a column it does not have is named, never ignored in silence."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from concord.monitoring.tests.factories import incident

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def three(personas):
    incident(personas.secretariat, location="Panj", occurred_on=date(2024, 6, 3), fatalities=2)
    incident(personas.secretariat, location="Khorugh", occurred_on=date(2024, 6, 5), fatalities=7)
    incident(personas.secretariat, location="Ishkashim", occurred_on=date(2024, 6, 4),
             fatalities=0)


def _places(client: Client, query: str) -> list[str]:
    return [i["location"] for i in client.get(f"{API}/incidents?{query}").json()["items"]]


def test_it_sorts_the_incidents_by_a_column_both_ways_through_the_api(personas, three):
    client = Client()
    client.force_login(personas.analyst)

    assert _places(client, "") == ["Khorugh", "Ishkashim", "Panj"]
    assert _places(client, "sort=fatalities") == ["Ishkashim", "Panj", "Khorugh"]
    assert _places(client, "sort=-fatalities") == ["Khorugh", "Panj", "Ishkashim"]
    assert _places(client, "sort=place") == ["Ishkashim", "Khorugh", "Panj"]
    assert _places(client, "sort=date") == ["Panj", "Ishkashim", "Khorugh"]


def test_it_refuses_a_column_the_incidents_do_not_have_naming_it(personas, three):
    client = Client()
    client.force_login(personas.analyst)

    answer = client.get(f"{API}/incidents?sort=narrative")

    assert answer.status_code == 422
    assert "narrative" in str(answer.json())


def test_it_sorts_the_page_from_its_column_headers_in_russian(personas, three):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.analyst)

    page = client.get(reverse("monitoring:incident-list"), {"sort": "-fatalities"})
    html = page.content.decode()

    assert [i.location for i in page.context["page_obj"]] == ["Khorugh", "Panj", "Ishkashim"]
    assert 'aria-sort="descending"' in html
    assert "?sort=fatalities" in html  # the header turns the order round
    wrong = client.get(reverse("monitoring:incident-list"), {"sort": "narrative"})
    assert "narrative" in wrong.content.decode()
    assert [i.location for i in wrong.context["page_obj"]] == ["Khorugh", "Ishkashim", "Panj"]


def test_it_sorts_categories_by_their_russian_names_and_checks_in_the_order_of_a_report(
        personas):
    # By codes drug_trafficking («Незаконный оборот наркотиков») would come before protests
    # («Акции протеста»).
    incident(personas.secretariat, location="Khorugh", category="protests",
             sub_category="peaceful_protest", verification="confirmed")
    incident(personas.secretariat, location="Panj", verification="reported")
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.analyst)

    by_category = client.get(reverse("monitoring:incident-list"), {"sort": "category"})
    by_check = client.get(reverse("monitoring:incident-list"), {"sort": "verification"})

    assert [i.location for i in by_category.context["page_obj"]] == ["Khorugh", "Panj"]
    assert [i.location for i in by_check.context["page_obj"]] == ["Panj", "Khorugh"]
