"""The situation picture follows its filters: the map opens on the countries filtered on, and the
weekly chart shows the largest categories and the others together."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

from django.urls import reverse

from concord.core.clock import today
from concord.monitoring.taxonomy import SUB_CATEGORIES
from concord.monitoring.tests.factories import incident


def _focus(page: str) -> str:
    found = re.search(r'data-focus="([^"]*)"', page)
    assert found is not None
    return found.group(1)


def _timeline(page: str) -> list[dict[str, Any]]:
    found = re.search(r'<script id="situation-timeline" type="application/json">(.*?)</script>',
                      page, re.S)
    assert found is not None
    return list(json.loads(found.group(1))["series"])


def test_the_map_opens_on_the_country_or_the_region_filtered_on(client, personas):
    client.force_login(personas.analyst)
    url = reverse("monitoring:situation")

    everywhere = client.get(url).content.decode()
    tajikistan = client.get(url, {"country": "TJ"}).content.decode()
    two = client.get(url, {"country": ["TJ", "KG"]}).content.decode()
    border = client.get(url, {"region": "tajik-afghan-border"}).content.decode()

    assert _focus(everywhere) == ""
    assert _focus(tajikistan) == "762"
    assert _focus(two) == "417,762"
    assert _focus(border) == "004,762"  # Afghanistan's and Tajikistan's provinces on it


def test_the_chart_shows_five_categories_and_the_others_together(client, personas):
    categories: dict[str, str] = {}
    for kind in SUB_CATEGORIES:
        categories.setdefault(kind.category, kind.code)
    day = today() - timedelta(days=3)
    for rank, (category, code) in enumerate(categories.items()):
        for n in range(len(categories) - rank):
            incident(personas.secretariat, occurred_on=day, category=category,
                     sub_category=code, external_id=f"{category}-{n}")
    client.force_login(personas.analyst)

    series = _timeline(client.get(reverse("monitoring:situation")).content.decode())

    assert len(categories) > 6
    assert [s["category"] for s in series[:5]] == list(categories)[:5]
    other = series[5]
    assert other["category"] == "" and other["label"] == \
        f"Прочие категории ({len(categories) - 5})"
    remaining = sum(len(categories) - rank for rank in range(5, len(categories)))
    assert sum(other["counts"]) == remaining
    assert len(series) == 6
