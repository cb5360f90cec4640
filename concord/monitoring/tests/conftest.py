from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _var_dir(tmp_path, monkeypatch):
    # Uploaded files and progress markers go to a directory of the test's own.
    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language; these tests read their English wording. Pages
    choose their own language per request."""
    with translation.override("en"):
        yield
