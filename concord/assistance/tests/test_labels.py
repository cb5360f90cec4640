"""A pledge withheld from the other states: the requester and the secretariat count it and read
it; another state finds it in no list, count, figure, export or API answer, and its page is
missing to it."""

from __future__ import annotations

from typing import Any

import pytest

from concord.assistance.selectors import figures
from concord.assistance.selectors import requests as selectors
from concord.assistance.tests.factories import delegate, opened, pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def withheld(org, personas):
    record = opened(org, personas)
    belarus = delegate(org, "BY")
    hidden = pledge(record, belarus, {2: 25}, release_to_all_members=False)
    shown = pledge(record, personas.delegate_a, {2: 10})
    return record, hidden, shown


def _pledged(viewer, record, number):
    lines = figures.line_figures(viewer=viewer, request=record)
    return next(f for f in lines if f.line.number == number)


def test_it_counts_a_withheld_pledge_for_the_requester_and_says_it_is_withheld(withheld,
                                                                               personas):
    record, _hidden, _shown = withheld

    line = _pledged(personas.delegate_b, record, 2)

    assert (line.pledged, line.withheld) == (35, 25)
    assert _pledged(personas.officer, record, 2).pledged == 35


def test_it_leaves_a_withheld_pledge_out_of_another_states_figures(withheld, personas):
    record, _hidden, _shown = withheld

    line = _pledged(personas.delegate_a, record, 2)

    assert (line.pledged, line.withheld) == (10, 0)
    listed: Any = figures.with_line_counts(
        viewer=personas.delegate_a,
        requests=[selectors.request_list(viewer=personas.delegate_a).get(pk=record.pk)])[0]
    assert (listed.lines_pledged, listed.lines_partly_pledged) == (0, 1)
    assert [p.state.iso_alpha2 for p in selectors.pledge_list(viewer=personas.delegate_a,
                                                              request=record)] == ["RU"]


def test_it_answers_404_to_another_state_opening_a_withheld_pledge(withheld, personas, client):
    _record, hidden, _shown = withheld
    client.force_login(personas.delegate_a)

    page = client.get(hidden.get_absolute_url())
    api = client.get(f"/api/v1/assistance/requests/{hidden.request.public_id}/pledges")

    assert page.status_code == 404
    assert [p["state"] for p in api.json()] == ["RU"]


def test_it_keeps_a_withheld_pledge_out_of_another_states_export_and_page(withheld, personas,
                                                                          client):
    record, _hidden, _shown = withheld
    client.force_login(personas.delegate_a)

    export = client.get("/assistance/?format=csv").content.decode()
    page = client.get(record.get_absolute_url()).content.decode()
    detail = client.get(f"/api/v1/assistance/requests/{record.public_id}").json()

    row = next(r for r in export.splitlines() if record.reference in r)
    assert "Belarus" not in row and "Беларусь" not in row
    assert "Belarus" not in page and "Беларусь" not in page
    assert detail["lines"][1]["pledged"] == 10 and detail["totals"]["lines_withheld"] == 0


def test_it_shows_the_requester_the_withheld_pledge_on_the_request_page(withheld, personas,
                                                                        client):
    record, _hidden, _shown = withheld
    client.force_login(personas.delegate_b)

    page = client.get(record.get_absolute_url()).content.decode()

    assert "Беларусь" in page
    assert "часть видимого вам скрыта от других государств-членов" in page
