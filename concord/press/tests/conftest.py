from __future__ import annotations

import pytest
from django.utils import translation

from concord.accounts.models import Role
from concord.core.labels import Classification
from concord.registry.tests.factories import Organization, organization
from conftest import make_user


@pytest.fixture
def org(personas) -> Organization:
    return organization()


@pytest.fixture
def press(personas):
    """The secretariat's press officer."""
    return make_user("press", personas.secretariat, Classification.OFFICIAL_USE,
                     Role.PRESS_OFFICER)


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language; these tests read their English wording. Pages
    choose their own language per request."""
    with translation.override("en"):
        yield
