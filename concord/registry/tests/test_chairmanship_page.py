"""The chairmanship page: this year's chair and the schedule around it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.registry import services
from concord.registry.models import MemberState


def test_it_shows_this_years_chair_and_the_years_around_it_back_to_the_first_recorded(client,
                                                                                      org):
    response = client.get(reverse("registry:chairmanship"))

    year = clock.current_year()
    assert response.status_code == 200
    assert response.context["current"].year == year
    years = [entry.year for entry in response.context["schedule"]]
    # The organization's first recorded term is 2013's, more than twelve years back.
    assert years == list(range(year + 8, min(year - 13, 2012), -1))
    assert response.context["current"].state is not None
    assert response.context["current"].state.name in response.content.decode()


def test_it_shows_the_schedule_in_a_fixed_number_of_queries(client, org, personas,
                                                            django_assert_max_num_queries):
    client.force_login(personas.officer)

    with django_assert_max_num_queries(9):
        client.get(reverse("registry:chairmanship"))


@pytest.fixture
def recorded_long_ago(org):
    states = {s.iso_alpha2: s for s in MemberState.objects.all()}
    services.chairmanship_record(actor=SYSTEM, year=2013, state=states["KG"])
    services.chairmanship_record(actor=SYSTEM, year=2014, state=states["RU"],
                                 handed_over_on=date(2013, 9, 23))
    return states


def test_it_lists_every_recorded_term_however_old(client, recorded_long_ago):
    response = client.get(reverse("registry:chairmanship"))

    schedule = response.context["schedule"]
    kyrgyz = [entry for entry in schedule if entry.year == 2013]
    assert kyrgyz and kyrgyz[0].recorded and kyrgyz[0].state.iso_alpha2 == "KG"
    assert schedule[0].year == clock.current_year() + 8
    assert schedule[-1].year == 2013
    assert "<td>2013</td>" in response.content.decode()


@pytest.mark.parametrize("day, chair", [("2013-09-22", "KG"), ("2013-09-24", "RU")])
def test_it_answers_who_chairs_on_a_day(client, recorded_long_ago, day, chair):
    response = client.get(reverse("registry:chairmanship"), {"day": day})

    assert response.status_code == 200
    found = response.context["on_day"]
    assert found.state.iso_alpha2 == chair
    assert found.state.name in response.content.decode().split("data-chair-on-day")[1]


def test_it_names_a_bad_date_in_its_message(client, recorded_long_ago):
    response = client.get(reverse("registry:chairmanship"), {"day": "2013-02-30"})

    assert response.status_code == 400
    assert "on_day" not in response.context
    assert "2013-02-30" in response.context["day_form"].errors["day"][0]
    assert "2013-02-30" in response.content.decode().split('role="alert"')[1]
