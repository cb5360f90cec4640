"""A delegate of Tajikistan, in Russian, finds the draft that awaits the state's position on the
dashboard, states it on the board (the only row the delegation may answer for), and sees it
recorded under their name."""

from __future__ import annotations

import pytest

from concord.accounts.models import User
from concord.council import services
from concord.council.models import Session, StatePosition
from concord.demo.council import load_council
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOSCOW = "Regular session of the CSTO Collective Security Council (2014)"


@pytest.fixture
def draft(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    load_council()
    moscow = Session.objects.unscoped(reason="test").get(title_en=MOSCOW)
    return services.document_register(
        actor=User.objects.get(username="officer"), body=moscow.body, doc_type="decision",
        session=moscow, title_ru="О пограничном сотрудничестве",
        title_en="On border cooperation",
        texts={"ru": "Усилить охрану границы.", "en": "Strengthen the border guard."})


def test_it_lets_a_delegate_state_the_position_of_their_state(live_server, browser_page, draft):
    page = browser_page
    sign_in(page, live_server, "delegate.tj")

    queue = page.locator(".work-queue")
    assert "Проекты, ожидающие позиции вашего государства" in queue.inner_text()
    queue.get_by_role("link", name=draft.symbol).click()
    page.wait_for_selector("#position-board")

    # The delegation answers for its own state only.
    assert page.locator("#position-TJ-stance").count() == 1
    assert page.locator("#position-RU-stance").count() == 0
    assert page.locator("#position-TJ-stance").input_value() == ""
    page.select_option("#position-TJ-stance", "objects")
    page.fill("#position-TJ-reason", "Требуется согласование с пограничной службой.")
    with page.expect_response(lambda response: response.url.endswith("/positions/")):
        page.click("#position-TJ-submit")
    page.wait_for_selector("#position-board .alert-success")

    confirmation = page.locator("#position-board .alert-success").inner_text()
    assert "Таджикистан" in confirmation
    assert "Возражение" in confirmation
    row = page.locator("#position-TJ-stance").locator("xpath=ancestor::tr")
    assert row.locator(".position-recorded").count() == 1
    position = StatePosition.objects.get(document=draft, state__iso_alpha2="TJ")
    assert position.stance == StatePosition.Stance.OBJECTS
    assert position.reason == "Требуется согласование с пограничной службой."
    screenshot(page, "delegate-position")
    names = {word for user in User.objects.all() for word in user.get_full_name().split()}
    assert english_on_page(page, frozenset(names) | {"AKN"}) == []
    assert page.concord_errors == []
