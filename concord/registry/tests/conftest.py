from __future__ import annotations

import pytest

from concord.registry.tests.factories import Organization, organization


@pytest.fixture
def org(personas) -> Organization:  # after the personas, whose RU and TJ parties it links to
    return organization()
