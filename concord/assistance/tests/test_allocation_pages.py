"""The fair-share proposal page and its API: asking for a proposal, reading it explained, and a
delegation's answer."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from concord.assistance.models import AllocationRow
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories_alloc import border_request, budget_key, capacity

pytestmark = pytest.mark.django_db
org = fixtures_alloc.org
english = fixtures_alloc.english
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def request_with_capacities(org):
    request = border_request(org)
    capacity(org, "RU", "small_arms", 80)
    capacity(org, "KZ", "small_arms", 30)
    capacity(org, "BY", "optics", 40)
    budget_key()
    return request


def test_it_proposes_from_the_page_and_explains_each_state(request_with_capacities, personas):
    request = request_with_capacities
    page = reverse("assistance:request-allocation", args=[request.public_id])
    client = _client(personas.officer)
    assert b"No proposal has been made" in client.get(page).content

    answer = client.post(reverse("assistance:request-allocation-propose",
                                 args=[request.public_id]), {"key": "budget"}, follow=True)

    text = answer.content.decode()
    assert "A proposal was made with the key" in text
    assert "Who is asked for what" in text
    assert "It gives all it declared in: Small arms and light weapons." in text
    assert "No state declared a capacity in Radar." in text
    assert "Line 3: 4 of 4 uncovered." in text


def test_it_lets_a_delegate_amend_its_part_on_the_page(request_with_capacities, personas):
    request = request_with_capacities
    _client(personas.officer).post(reverse("assistance:request-allocation-propose",
                                           args=[request.public_id]), {"key": "budget"})
    row = AllocationRow.objects.get(state__iso_alpha2="RU")
    client = _client(personas.delegate_a)
    page = client.get(reverse("assistance:request-allocation", args=[request.public_id]))
    assert "Your state's answer" in page.content.decode()

    client.post(reverse("assistance:request-allocation-answer", args=[request.public_id]),
                {"row": row.pk, "response": "amended", "amended_quantity": row.quantity - 5})

    row.refresh_from_db()
    assert row.response == "amended" and row.amended_quantity == row.quantity - 5


def test_it_refuses_a_proposal_to_a_delegate(request_with_capacities, personas):
    request = request_with_capacities

    answer = _client(personas.delegate_a).post(
        reverse("assistance:request-allocation-propose", args=[request.public_id]),
        {"key": "budget"})

    assert answer.status_code == 403


def test_it_proposes_and_reads_back_through_the_api(request_with_capacities, personas):
    request = request_with_capacities
    url = f"/api/v1/assistance/requests/{request.public_id}/allocation"
    client = _client(personas.officer)
    assert client.get(url).status_code == 404

    made = client.post(url, {"key": "budget"}, content_type="application/json")

    assert made.status_code == 201
    latest = client.get(url).json()
    assert latest["id"] == made.json()["id"]
    assert latest["covered_items"] == 140 and latest["requested_items"] == 144
    quantities = {(row["line"], row["state"]): row["quantity"] for row in latest["rows"]}
    assert quantities[(2, "BY")] == 40
    assert "It gives all it declared in: Optics and surveillance." in latest["explanations"]["BY"]


def test_it_names_an_unknown_key_in_the_api(request_with_capacities, personas):
    url = f"/api/v1/assistance/requests/{request_with_capacities.public_id}/allocation"

    answer = _client(personas.officer).post(url, {"key": "nonesuch"},
                                            content_type="application/json")

    assert answer.status_code == 422
    assert "body.key" in str(answer.json())
