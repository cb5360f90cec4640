"""The public press site in a real browser, in Russian, checked by axe-core: a visitor opens the
home page, the news, an item on a joint operation with its figures from the data, searches for
it with two words, reads it in English, and finds the spokesman. No page has a serious or
critical accessibility violation (WCAG 2.1 A and AA rules)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from concord.demo.steps import load_all
from tests.browsing import PASSWORD, english_on_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe-core is pinned in package.json; CONCORD_AXE_JS names another copy of axe.min.js.
AXE = Path(os.environ.get("CONCORD_AXE_JS", "")
           or Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js")
GRAVE = ("serious", "critical")
# What the data themselves are called on these pages: feed and file formats, the map's source.
DATA_WORDS = frozenset({"Atom", "RSS", "iCalendar", "ninjs", "UTC", "Natural", "Earth"})


def _axe(page: Any) -> list[str]:
    """The serious and critical violations on the page, each with the elements it was found on."""
    # Evaluated by the browser's own debugging channel, which the page's CSP does not govern.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [f"{v['id']} ({v['impact']}): {json.dumps(v['nodes'], ensure_ascii=False)}"
            for v in result if v["impact"] in GRAVE]


def _checked(page: Any, name: str, *, russian: bool = True) -> None:
    screenshot(page, f"press-{name}")
    assert _axe(page) == [], name
    if russian:
        found = english_on_page(page, DATA_WORDS)
        assert found == [], found
    assert page.concord_errors == []


def test_a_visitor_reads_the_public_press_site_with_no_grave_axe_violation(live_server,
                                                                            browser_page):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install).")
    load_all(password=PASSWORD)
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.get_by_role("link", name="Итоги антинаркотической операции «Канал»").count()
    _checked(page, "home")

    page.goto(live_server.url + "/press/")
    assert page.locator("h1").first.inner_text().strip() != ""
    _checked(page, "news")

    page.get_by_role("link", name="Итоги антинаркотической операции «Канал»").first.click()
    page.wait_for_load_state()
    text = page.locator("article").inner_text()
    assert "задержали 640 человек" in text
    assert "{{" not in text
    assert "Совместные операции: «Канал»" in page.locator("body").inner_text()
    _checked(page, "item-ru")

    page.get_by_role("link", name="Read in English").click()
    page.wait_for_load_state()
    assert "detained 640 persons" in page.locator("article").inner_text()
    _checked(page, "item-en", russian=False)

    page.goto(live_server.url + "/press/search/")
    page.get_by_role("searchbox").first.fill("задержали возбудили")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_load_state()
    results = page.locator("main").inner_text()
    assert "Итоги антинаркотической операции «Канал»" in results
    assert "Сессия Совета коллективной безопасности ОДКБ" not in results
    _checked(page, "search")

    page.goto(live_server.url + "/press/spokesman/")
    assert page.locator("a[href^='mailto:']").count() >= 1
    _checked(page, "spokesman")
