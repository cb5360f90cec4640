"""The query-string parsers every list shares: several values and the sort column."""

from __future__ import annotations

from django.http import QueryDict

from concord.core.filters import ordering, several

CHOICES = ["drugs", "migration", "cyber"]


def test_it_reads_repeated_and_comma_separated_values_once_each():
    errors: dict[str, list[str]] = {}
    params = QueryDict("category=drugs&category=cyber,drugs")
    assert several(params, "category", CHOICES, errors) == ("drugs", "cyber")
    assert errors == {}


def test_it_names_each_unknown_value_and_keeps_filtering_by_the_others():
    errors: dict[str, list[str]] = {}
    params = QueryDict("category=drugs&category=piracy")
    assert several(params, "category", CHOICES, errors) == ("drugs",)
    assert "piracy" in errors["category"][0]


def test_it_takes_a_plain_mapping_as_the_api_gives_it():
    errors: dict[str, list[str]] = {}
    assert several({"category": ["migration"]}, "category", CHOICES, errors) == ("migration",)
    assert several({}, "category", CHOICES, errors) == ()


def test_it_reads_the_sort_column_and_its_direction():
    errors: dict[str, list[str]] = {}
    assert ordering(QueryDict("sort=-date"), ["date", "title"], errors) == ("date", True)
    assert ordering(QueryDict("sort=title"), ["date", "title"], errors) == ("title", False)
    assert ordering(QueryDict(""), ["date", "title"], errors) is None
    assert errors == {}


def test_it_names_a_sort_column_the_list_does_not_have():
    errors: dict[str, list[str]] = {}
    assert ordering(QueryDict("sort=password"), ["date", "title"], errors) is None
    assert "password" in errors["sort"][0]
