"""The federation walked in Russian: the Tajik node has sent the secretariat's node a signed copy
of an incident; the officer finds it among the received copies, opens it and reads its label and
proof, then reads the registry of nodes and their keys. Tajikistan's delegate reads the copy too;
a copy withdrawn by its origin is gone for both."""

from __future__ import annotations

import re
from typing import Any

import pytest

from concord.core.actors import SYSTEM
from concord.demo.organization import load
from concord.federation.services.exchange import bundle_import
from concord.federation.tests import factories as f
from tests.browsing import PASSWORD, english_on_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Изъятие героина в Пяндже"
# What the data itself holds: node names (this one is "concord"), record field names, key ids
# and digests.
DATA_WORDS = frozenset({"tj", "concord", "location", "country", "TJ", "sha256", "monitoring.incident"})


def _clean(page: Any) -> None:
    assert english_on_page(page, DATA_WORDS) == []
    assert page.concord_errors == []


def _received() -> tuple[f.Peer, Any, str]:
    load(password=PASSWORD)
    here = f.this_node("SEC")
    tajik = f.peer("tj", "TJ")
    # Released to every member state and to the secretariat, whose node this is.
    content = f.record_object(tajik, title=TITLE, record={"location": "Пяндж", "country": "TJ"},
                              releasable_to=("SEC",))
    bundle_import(actor=SYSTEM, bundle=f.bundle(tajik, here, [content]))
    drill = f.record_object(tajik, title="Учебное изъятие", releasable_to=("SEC",))
    bundle_import(actor=SYSTEM, bundle=f.bundle(tajik, here, [drill], status="Exercise"))
    return tajik, here, str(content["recordID"])


def test_it_shows_the_officer_a_received_copy_and_the_nodes(live_server, browser_page):
    _received()
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)
    page.goto(f"{live_server.url}/dashboard/")
    page.locator("#main-navigation .dropdown-toggle", has_text="Реестр").click()
    page.get_by_role("link", name="Полученные копии").click()
    page.wait_for_url(re.compile(r".*/federation/$"))
    assert page.get_by_role("link", name=TITLE).is_visible()
    assert page.get_by_text("Учебное изъятие").count() == 0
    _clean(page)

    page.get_by_label("Статус").select_option("1")
    page.get_by_role("button", name="Применить").click()
    page.wait_for_url(re.compile(r".*exercise=1.*"))
    assert page.get_by_text("никогда не входят в реальные данные").is_visible()
    assert page.get_by_role("link", name="Учебное изъятие").is_visible()
    _clean(page)

    page.goto(f"{live_server.url}/federation/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r".*/federation/copies/[0-9a-f-]{36}/$"))
    assert page.get_by_role("heading", name="Гриф и подтверждение").is_visible()
    assert page.get_by_text("Пяндж", exact=True).is_visible()
    assert page.get_by_text("ДСП").is_visible()
    _clean(page)

    page.locator("#main-navigation .dropdown-toggle", has_text="Реестр").click()
    page.get_by_role("link", name="Узлы федерации").click()
    page.wait_for_url(re.compile(r".*/federation/nodes/$"))
    row = page.locator("tr").filter(has_text="Таджикистан")
    assert row.get_by_text("Действует").is_visible()
    assert page.get_by_text("этот узел").is_visible()
    _clean(page)


def test_it_shows_the_tajik_delegate_the_copy_until_it_is_withdrawn(live_server, browser_page):
    tajik, here, record_id = _received()
    page = browser_page
    sign_in(page, live_server, "delegate.tj")
    page.goto(f"{live_server.url}/federation/")
    assert page.get_by_role("link", name=TITLE).is_visible()
    _clean(page)

    withdrawal = f.withdrawal_object(tajik, record_id=record_id, seq=11)
    bundle_import(actor=SYSTEM, bundle=f.bundle(tajik, here, [withdrawal]))
    page.reload()
    assert page.get_by_role("link", name=TITLE).count() == 0
    assert page.get_by_text("Подходящих копий нет.").is_visible()
    _clean(page)
