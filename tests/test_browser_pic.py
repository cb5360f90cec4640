"""The situation picture narrowed as an analyst narrows it, in a real browser: the count the
picture shows for confirmed incidents is the number of incidents the list then shows."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from concord.core.clock import today
from concord.core.models import Party
from concord.demo.organization import load
from concord.monitoring.tests.factories import incident
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_picture_of_confirmed_incidents_counts_what_the_list_shows(live_server,
                                                                        browser_page):
    load(password=PASSWORD)
    secretariat = Party.objects.get(code="SEC")
    for number, verification in enumerate(("confirmed", "confirmed", "reported")):
        incident(secretariat, occurred_on=today() - timedelta(days=number + 1),
                 external_id=f"panj-{number}", verification=verification)
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    page.goto(f"{live_server.url}/monitoring/")
    page.select_option("#f-verification", label="Подтверждено")
    page.click("form.monitoring-filters button[type=submit]")
    page.wait_for_url(re.compile(r"verification=confirmed"))
    line = page.get_by_text(re.compile(r"^Инцидентов с .* по .*: \d+\.$")).inner_text()
    shown = int(re.search(r"(\d+)\.$", line).group(1))
    # The map's data is credited to its makers by name.
    assert english_on_page(page, allowed=frozenset({"Natural", "Earth"})) == []

    page.get_by_role("link", name="Инциденты").first.click()
    page.wait_for_url(re.compile(r"/monitoring/incidents/\?.*verification=confirmed"))
    listed = page.locator("table tbody tr").count()

    assert shown >= 2
    assert shown == listed
    assert english_on_page(page) == []
    assert page.concord_errors == []
