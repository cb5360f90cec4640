"""The incidents' filters: one parser for the pages, the exports and the API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.http import QueryDict

from concord.core.clock import today
from concord.core.errors import ValidationError
from concord.monitoring.filters import filters_from, incident_filters


def test_it_reads_every_filter_of_a_query_string():
    parsed = incident_filters(QueryDict(
        "from=2024-06-01&to=2024-06-30&category=battles,protests&country=kg&country=TJ"
        "&region=central-asia&severity=3&verification=confirmed&q=Osh"))

    assert parsed.errors == {}
    assert parsed.filters.date_from == date(2024, 6, 1)
    assert parsed.filters.countries == ("KG", "TJ")
    assert parsed.filters.categories == ("battles", "protests")
    assert parsed.filters.severity == 3 and parsed.filters.q == "Osh"


def test_it_leaves_out_only_the_filters_it_cannot_read():
    parsed = incident_filters(QueryDict("from=2024-06-30&to=2024-06-01&country=KG,ZZ"
                                        "&severity=7&category=battles"))

    assert set(parsed.errors) == {"to", "country", "severity"}
    assert "ZZ" in parsed.errors["country"][0]
    assert parsed.filters.date_from == date(2024, 6, 30) and parsed.filters.date_to is None
    assert parsed.filters.countries == ("KG",) and parsed.filters.severity is None
    assert parsed.filters.categories == ("battles",)


def test_it_counts_days_back_from_today():
    filters = filters_from({"days": "7"})

    assert filters.date_to == today()
    assert filters.date_from == today() - timedelta(days=6)


def test_it_refuses_for_the_api_naming_each_parameter():
    with pytest.raises(ValidationError) as refused:
        filters_from({"days": "many", "region": "atlantis"})

    assert set(refused.value.errors) == {"days", "region"}
