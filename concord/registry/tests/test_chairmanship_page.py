"""The chairmanship page: this year's chair and the schedule around it."""

from __future__ import annotations

from django.urls import reverse

from concord.core import clock


def test_it_shows_this_years_chair_and_two_decades_around_it(client, org):
    response = client.get(reverse("registry:chairmanship"))

    year = clock.current_year()
    assert response.status_code == 200
    assert response.context["current"].year == year
    years = [entry.year for entry in response.context["schedule"]]
    assert years == list(range(year + 8, year - 13, -1))
    assert response.context["current"].state is not None
    assert response.context["current"].state.name in response.content.decode()


def test_it_shows_the_schedule_in_a_fixed_number_of_queries(client, org, personas,
                                                            django_assert_max_num_queries):
    client.force_login(personas.officer)

    with django_assert_max_num_queries(8):
        client.get(reverse("registry:chairmanship"))
