"""Agreements: each state's signature, ratification and deposit, and the entry into force that
the required number of deposited instruments brings."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from concord.core.errors import InvalidState, ValidationError
from concord.core.labels import Classification
from concord.council import selectors, services
from concord.council.models import Document
from concord.council.tests.factories import draft


@pytest.fixture
def agreement(org, personas):
    return draft(org, personas.officer, doc_type=Document.Type.AGREEMENT,
                 classification=Classification.PUBLIC, ratifications_required=3,
                 entry_into_force_delay_days=30, title_en="Agreement on the forces")


def _deposit(org, personas, agreement, code, day):
    services.treaty_action_record(actor=personas.officer, document=agreement,
                                  state=org.states[code], signed_on=date(2013, 9, 23),
                                  ratified_on=day, deposited_on=day)


def test_it_enters_into_force_after_the_required_deposits_and_the_delay(org, personas, agreement):
    _deposit(org, personas, agreement, "RU", date(2014, 3, 1))
    _deposit(org, personas, agreement, "BY", date(2014, 5, 1))
    assert selectors.treaty_status(document=agreement).in_force_on is None

    _deposit(org, personas, agreement, "KZ", date(2014, 4, 1))

    status = selectors.treaty_status(document=agreement)
    assert status.deposits == 3
    assert status.in_force_on == date(2014, 5, 31)  # the third deposit (1 May) + 30 days


def test_it_refuses_a_deposit_before_ratification(org, personas, agreement):
    with pytest.raises(ValidationError) as error:
        services.treaty_action_record(actor=personas.officer, document=agreement,
                                      state=org.states["KG"], deposited_on=date(2014, 1, 1))

    assert "deposited_on" in error.value.errors


def test_it_keeps_treaty_status_to_agreements(org, personas):
    decision = draft(org, personas.officer)

    with pytest.raises(InvalidState):
        services.treaty_action_record(actor=personas.officer, document=decision,
                                      state=org.states["KG"], signed_on=date(2013, 9, 23))


def test_it_shows_the_status_table_on_the_agreement_page(org, personas, agreement):
    services.treaty_action_record(actor=personas.officer, document=agreement,
                                  state=org.states["KG"], signed_on=date(2013, 9, 23),
                                  reservations="With a declaration on article 4.")

    page = Client(HTTP_ACCEPT_LANGUAGE="en").get(agreement.get_absolute_url()).content.decode()

    assert "With a declaration on article 4." in page
    assert "0 of 3" in page


def test_it_publishes_the_status_table_in_the_api(org, personas, agreement):
    _deposit(org, personas, agreement, "RU", date(2014, 3, 1))

    body = Client().get(f"/api/v1/documents/{agreement.public_id}/treaty-status").json()

    assert body["deposits"] == 1
    assert body["in_force_on"] is None
    assert body["states"] == [{"state": "RU", "signed_on": "2013-09-23",
                               "ratified_on": "2014-03-01", "deposited_on": "2014-03-01",
                               "reservations": ""}]
