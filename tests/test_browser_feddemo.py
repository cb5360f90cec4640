"""The demo's federation in a real browser, in Russian: the secretariat's officer finds the copies
the Tajik node sent in the registry's menu, opens one, looks at the exercise copies apart, the
nodes with their keys, and the Tajik checkpoint this node witnessed."""

from __future__ import annotations

import pytest

from concord.demo.steps import load_all
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The nodes' names are the data the pages are about, not English words.
NODE_NAMES = frozenset({"concord", "concord-ru", "concord-kz", "concord-tj", "concord-am",
                        "concord-by", "concord-kg"})
REQUEST = "Военно-техническая помощь Пограничным войскам ГКНБ Республики Таджикистан"


def _registry_menu(page):
    return page.locator("#main-navigation .dropdown-toggle").filter(has_text="Реестр")


def _clean(page) -> None:
    assert english_on_page(page, NODE_NAMES) == []
    assert page.concord_errors == []


def test_it_shows_the_officer_what_the_tajik_node_sent_and_the_nodes_keys(live_server,
                                                                         browser_page):
    load_all(password=PASSWORD)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    _registry_menu(page).click()
    page.get_by_role("link", name="Полученные копии").click()
    page.wait_for_url(f"{live_server.url}/federation/")
    table = page.locator("#copy-table")
    assert table.get_by_role("link", name=REQUEST).is_visible()
    assert "Миротворческий батальон" not in table.inner_text()
    screenshot(page, "feddemo-copies")
    _clean(page)

    table.get_by_role("link", name=REQUEST).click()
    page.wait_for_url(f"{live_server.url}/federation/copies/**")
    assert "concord-tj" in page.locator("main").inner_text()
    _clean(page)

    page.goto(f"{live_server.url}/federation/")
    page.get_by_label("Статус").select_option("1")
    page.get_by_role("button", name="Применить").click()
    page.wait_for_url("**exercise=1**")
    assert "Миротворческий батальон Республики Таджикистан" in table.inner_text()
    _clean(page)

    _registry_menu(page).click()
    page.get_by_role("link", name="Узлы федерации").click()
    page.wait_for_url(f"{live_server.url}/federation/nodes/")
    nodes = page.locator("main").inner_text()
    assert all(name in nodes for name in NODE_NAMES)
    assert "Выведен" in nodes and "Отозван" in nodes
    screenshot(page, "feddemo-nodes")
    _clean(page)

    page.goto(f"{live_server.url}/federation/witnesses/")
    assert "concord-tj (Таджикистан)" in page.locator("main").inner_text()
    _clean(page)
