"""Public figures: summed only over the results the states released for publication, PUBLIC by
construction, readable by anyone."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from concord.core.errors import ValidationError
from concord.core.labels import Classification
from concord.forces.services import operations as services
from concord.forces.tests.operations_factories import report, two_states, world

pytestmark = pytest.mark.django_db


def test_it_publishes_only_what_the_states_released(personas):
    w = world(personas)
    two_states(personas, w)
    report(w.stage_2013, personas.state_a, "seizure", "30", "kg", substance="opium",
           classification=Classification.PUBLIC)
    publication = services.publication_generate(actor=personas.officer, operation=w.operation)
    assert publication.classification == Classification.PUBLIC
    # Russia's 400 kg of heroin and Tajikistan's 250 kg were not released: no heroin at all.
    assert publication.figures == [{"measure": "seizure", "substance": "opium", "case_type": "",
                                    "quantity": "40.000", "kg_equivalent": "40.000"}]
    assert publication.states == 2


def test_it_publishes_a_year_of_the_operation(personas):
    w = world(personas)
    two_states(personas, w)
    report(w.stage_2013, personas.state_a, "seizure", "30", "kg", substance="opium",
           classification=Classification.PUBLIC)
    publication = services.publication_generate(actor=personas.officer, operation=w.operation,
                                                year=2013)
    assert [f["quantity"] for f in publication.figures] == ["30.000"]


def test_it_refuses_figures_of_an_operation_that_is_not_public(personas):
    w = world(personas, classification=Classification.OFFICIAL_USE)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.publication_generate(actor=personas.officer, operation=w.operation)
    assert "not public" in refused.value.errors["operation"][0]


def test_it_shows_the_public_figures_to_a_visitor_who_is_not_signed_in(personas):
    w = world(personas)
    two_states(personas, w)
    publication = services.publication_generate(actor=personas.officer, operation=w.operation)
    page = Client().get(f"/forces/operations/published/{publication.public_id}/",
                        HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Опий" in text and "Героин" not in text


def test_it_lets_the_officer_generate_figures_from_the_operation_page(personas):
    w = world(personas)
    two_states(personas, w)
    client = Client()
    client.force_login(personas.officer)
    response = client.post(f"/forces/operations/{w.operation.public_id}/publish/",
                           {"year": "2014"}, follow=True)
    assert response.status_code == 200
    assert "2014" in response.content.decode()
    client.force_login(personas.delegate_b)
    refused = client.post(f"/forces/operations/{w.operation.public_id}/publish/", {"year": ""})
    assert refused.status_code == 403
