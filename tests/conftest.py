"""What the API runs over the WSGI application share."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def connection_kept() -> Iterator[None]:
    # Called as a WSGI application, Django would close the test's connection at the end of each
    # request, and with it the test's transaction; its own test client keeps it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def browser_page():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium at /usr/bin/chromium (see .ci/run).")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # live server happen in its own thread, so Django's guard is relaxed for this test only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Imported once chromium is known to be there: without it the test is skipped.
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        # A Russian-speaking user: Russian is the organization's working language.
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="ru-RU")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.concord_errors = errors  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            browser.close()
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
