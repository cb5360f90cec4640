"""The analyst's round trip, walked in Russian: the incident list downloaded in each of its
formats, the file imported again through the import page, and nothing added."""

from __future__ import annotations

from datetime import timedelta

import pytest

from concord.core.actors import SYSTEM
from concord.core.clock import today
from concord.core.models import Party
from concord.demo.organization import load
from concord.monitoring import services
from concord.monitoring.models import Incident
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The export buttons of the incident list, as the page names them.
EXPORTS = {"acled": "CSV (ACLED)", "csv": "CSV (Concord)", "xlsx": "XLSX",
           "geojson": "GeoJSON"}

# Names the data holds, not the page: the downloaded file's.
DATA_WORDS = frozenset({"incidents", "geojson"})


def test_it_lets_the_analyst_import_the_incident_list_it_exported_and_adds_nothing(
        live_server, browser_page, tmp_path):
    load(password=PASSWORD)
    services.incident_generate(actor=SYSTEM, count=40, seed=7, start=today() - timedelta(days=60),
                               end=today(), originator=Party.objects.get(code="SEC"))
    page = browser_page
    sign_in(page, live_server, "analyst", enrol=True)
    before = Incident.objects.unscoped(reason="test").count()

    for fmt, button in EXPORTS.items():
        page.goto(f"{live_server.url}/monitoring/incidents/")
        assert page.locator("html").get_attribute("lang") == "ru"
        with page.expect_download() as download:
            page.get_by_role("link", name=button, exact=True).click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)

        page.goto(f"{live_server.url}/monitoring/imports/new/")
        page.set_input_files("input[name=file]", str(path))
        page.get_by_role("button", name="Импорт").click()
        page.wait_for_url(f"{live_server.url}/monitoring/imports/*/")
        status = page.locator("#import-status")
        status.get_by_text("добавлено инцидентов: 0").wait_for()

        readable = status.inner_text()
        assert "добавлено инцидентов: 0," in readable, (fmt, readable)
        assert "уже имелось:" in readable
        assert page.locator("#import-status table").count() == 0, (fmt, readable)
        assert english_on_page(page, DATA_WORDS) == [], fmt
        screenshot(page, f"roundtrip-{fmt}")

    assert Incident.objects.unscoped(reason="test").count() == before
    assert page.concord_errors == []
