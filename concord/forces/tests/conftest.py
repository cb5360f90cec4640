from __future__ import annotations

import pytest
from django.utils import translation

from concord.registry.tests.factories import Organization, organization


@pytest.fixture
def org(personas) -> Organization:
    """Six states, Armenia's participation suspended (2024), the CSC and the secretariat."""
    return organization()


@pytest.fixture(autouse=True)
def _keys_in_a_temporary_var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language; these tests read their English wording."""
    with translation.override("en"):
        yield
