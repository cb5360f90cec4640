"""The chair on a day follows from the day each chairmanship was handed over: the 2014
chairmanship passed to Russia at the Sochi session of 23 September 2013, not on 1 January; a
term without a recorded handover begins on 1 January, as the rotation rule has it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.registry import selectors, services
from concord.registry.models import MemberState

API = "/api/v1"


@pytest.fixture
def handed_over(org):
    states = {s.iso_alpha2: s for s in MemberState.objects.all()}
    services.chairmanship_record(actor=SYSTEM, year=2013, state=states["KG"])
    services.chairmanship_record(actor=SYSTEM, year=2014, state=states["RU"],
                                 handed_over_on=date(2013, 9, 23))
    return states


@pytest.mark.parametrize("day, chair", [
    (date(2013, 1, 1), "KG"), (date(2013, 9, 22), "KG"), (date(2013, 9, 23), "RU"),
    (date(2013, 9, 24), "RU"), (date(2014, 6, 1), "RU")])
def test_it_names_the_chair_from_the_handover_day(handed_over, day, chair):
    found = selectors.chair_on(viewer=SYSTEM, day=day)

    assert found.state is not None and found.state.iso_alpha2 == chair


def test_it_lets_the_outgoing_chair_open_the_session_at_which_it_hands_over(handed_over):
    opening = selectors.chair_on(viewer=SYSTEM, day=date(2013, 9, 23), before_handover=True)

    assert opening.state is not None and opening.state.iso_alpha2 == "KG"


def test_it_starts_a_term_without_a_handover_on_the_first_of_january(handed_over):
    year_end = selectors.chair_on(viewer=SYSTEM, day=date(2014, 12, 31))
    next_year = selectors.chair_on(viewer=SYSTEM, day=date(2015, 1, 1))

    assert year_end.year == 2014
    assert (next_year.year, next_year.recorded, next_year.starts_on) == (
        2015, False, date(2015, 1, 1))
    assert next_year.state != year_end.state


def test_it_refuses_a_handover_outside_the_year_or_the_one_before(handed_over):
    with pytest.raises(ValidationError) as refused:
        services.chairmanship_record(actor=SYSTEM, year=2016, state=handed_over["TJ"],
                                     handed_over_on=date(2014, 12, 1))

    assert "handed_over_on" in refused.value.errors


def test_it_answers_the_chair_on_a_day_through_the_api(client, handed_over):
    before = client.get(f"{API}/chairmanship/on?day=2013-09-22").json()
    after = client.get(f"{API}/chairmanship/on?day=2013-09-24").json()

    assert (before["state"], before["year"]) == ("KG", 2013)
    assert (after["state"], after["year"], after["handed_over_on"]) == ("RU", 2014, "2013-09-23")


def test_it_records_the_handover_day_on_the_page(client, personas, handed_over):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:chairmanship-record"),
                           {"year": 2015, "state": "TJ", "handed_over_on": "2014-11-10"},
                           follow=True)

    assert response.status_code == 200
    entry = next(e for e in response.context["schedule"] if e.year == 2015)
    assert entry.starts_on == date(2014, 11, 10)
    assert date_format(date(2014, 11, 10), "DATE_FORMAT") in response.content.decode()


def test_it_changes_a_states_accusative_name_through_the_api(client, personas, org):
    client.force_login(personas.officer)

    response = client.patch(f"{API}/member-states/TJ",
                            data={"official_name_accusative_ru": "Республику Таджикистан"},
                            content_type="application/json")

    assert response.status_code == 200
    assert response.json()["official_name_accusative_ru"] == "Республику Таджикистан"
    assert MemberState.objects.get(iso_alpha2="TJ").official_name_accusative_ru == \
        "Республику Таджикистан"


def test_it_refuses_a_name_change_to_a_delegate(client, personas, org):
    client.force_login(personas.delegate_a)

    response = client.patch(f"{API}/member-states/TJ",
                            data={"official_name_accusative_ru": "Таджикистан"},
                            content_type="application/json")

    assert response.status_code == 403
    assert MemberState.objects.get(iso_alpha2="TJ").official_name_accusative_ru == ""


def test_it_refuses_a_schedule_before_the_organization_with_a_problem(client, org):
    response = client.get(f"{API}/chairmanship/schedule?first=0&last=0")

    assert response.status_code == 422
    assert "year" in str(response.json())
