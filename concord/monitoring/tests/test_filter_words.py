"""The period of the monitoring filters reads as Russian says a span of days: «С … По …»."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["monitoring:incident-list", "monitoring:situation"])
def test_it_labels_the_period_of_the_filters_from_and_to_in_russian(personas, name):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.analyst)

    page = client.get(reverse(name)).content.decode()

    assert '<label class="form-label small" for="f-from">С</label>' in page
    assert '<label class="form-label small" for="f-to">По</label>' in page
    assert "Начало" not in page and "Окончание" not in page
