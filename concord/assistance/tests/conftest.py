from __future__ import annotations

import pytest
from django.utils import translation

from concord.registry.tests.factories import Organization, organization


@pytest.fixture
def org(personas) -> Organization:
    """The small CSTO of the registry's factories, its states tied to the personas' parties."""
    return organization()


@pytest.fixture(autouse=True)
def _english():
    """The services speak the active language; these tests read their English wording."""
    with translation.override("en"):
        yield
