from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Services and entries speak the active language; these tests read their English wording.
    The pages' Russian is walked in tests/test_browser_crisis.py."""
    with translation.override("en"):
        yield
