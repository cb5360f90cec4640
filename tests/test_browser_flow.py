"""An officer takes a draft decision through the council in Russian: the states' positions on
the board, the consensus rule previewed before it is applied, the adoption, and a signature
with a key the installation holds."""

from __future__ import annotations

import re

import pytest

from concord.accounts.models import User
from concord.council import services
from concord.council.models import Session, Signature
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import MemberState
from tests.browsing import PASSWORD, PHONE, english_on_page, screenshot, sideways_scroll, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOSCOW = "Regular session of the CSTO Collective Security Council (2014)"
# AKN (Akoma Ntoso) names a format; the page around it must not be in English.
ALLOWED = frozenset({"AKN"})
DESKTOP = {"width": 1366, "height": 900}


def _fits_a_phone(page) -> int:
    page.set_viewport_size(PHONE)
    overflow = sideways_scroll(page)
    page.set_viewport_size(DESKTOP)
    return overflow


@pytest.fixture
def draft_at_moscow(settings, tmp_path):
    """The demo organization and council, and a draft decision on the Moscow session's agenda.
    The demo signers' private keys are kept in a temporary var directory."""
    settings.VAR_DIR = tmp_path
    load(password=PASSWORD)
    load_council()
    officer = User.objects.get(username="officer")
    moscow = Session.objects.unscoped(reason="test").get(title_en=MOSCOW)
    return services.document_register(
        actor=officer, body=moscow.body, doc_type="decision", session=moscow,
        title_ru="О совместных учениях", title_en="On joint exercises",
        texts={"ru": "Провести совместные учения.", "en": "Hold joint exercises."})


def _record(page, code: str, stance: str) -> str:
    page.select_option(f"#position-{code}-stance", stance)
    with page.expect_response(lambda response: response.url.endswith("/positions/")):
        page.click(f"#position-{code}-submit")
    # htmx swaps the board once the answer has settled.
    page.wait_for_function(
        "code => document.querySelector(`#position-${code}-stance`)?.closest('tr')"
        "?.querySelector('.position-recorded') !== null", arg=code)
    return page.locator("#position-board .alert-success").inner_text().strip()


def _answered(page) -> str:
    return page.locator("#position-board .position-count").inner_text().strip()


def _states_answered(answered: int, total: int) -> str:
    verb = "представило" if answered % 10 == 1 and answered % 100 != 11 else "представили"
    return f"{answered} из {total} участвующих государств {verb} позицию"


def _open_the_draft_from_its_session(page, live_server, document, total: int) -> None:
    page.goto(f"{live_server.url}{document.session.get_absolute_url()}")
    page.click(f"a[href='{document.get_absolute_url()}']")
    page.wait_for_url(f"{live_server.url}{document.get_absolute_url()}")
    assert page.locator("h1").first.inner_text().strip() == "О совместных учениях"
    assert _answered(page) == _states_answered(0, total)
    stances = page.locator("#position-board select[name=stance]")
    assert stances.count() == total
    # No position is chosen for a delegation: each select waits on its empty choice.
    assert [stances.nth(i).input_value() for i in range(total)] == [""] * total
    assert set(page.locator("#position-board button[type=submit]").all_inner_texts()) == {
        "Записать"}
    assert english_on_page(page, allowed=ALLOWED) == []


def _record_two_positions(page, total: int) -> None:
    assert _record(page, "RU", "concurs") == "Записано для государства Россия: Согласие."
    assert page.evaluate("document.activeElement.id") == "position-RU-submit"
    assert _answered(page) == _states_answered(1, total)
    russia = page.locator("#position-board tr", has_text="Россия")
    assert re.search(r"Согласие · Ирина Соколова, \d+ \w+ \d{4}", russia.inner_text())
    assert _record(page, "TJ", "concurs") == "Записано для государства Таджикистан: Согласие."
    assert english_on_page(page, allowed=ALLOWED) == []


def _preview_names_the_missing(page, total: int, missing: list[str]) -> None:
    page.click("text=Применить правило консенсуса")
    page.wait_for_url(re.compile(r".*/decide/$"))
    preview = page.locator("main").inner_text()
    assert _states_answered(2, total) in preview
    assert ("Правило пока не позволяет сделать вывод: не представили позицию — "
            + ", ".join(missing)) in preview
    assert page.locator("text=Записать принятие").count() == 0
    assert english_on_page(page, allowed=ALLOWED) == []
    assert _fits_a_phone(page) == 0
    screenshot(page, "flow-preview-missing")


def _adopt_once_all_answered(page, live_server, document, codes: list[str], total: int) -> None:
    page.click("text=Вернуться к позициям")
    for code in codes:
        _record(page, code, "concurs")
    assert _answered(page) == _states_answered(total, total)
    page.click("text=Применить правило консенсуса")
    page.wait_for_url(re.compile(r".*/decide/$"))
    assert "Принят консенсусом" in page.locator(".alert-success").inner_text()
    assert english_on_page(page, allowed=ALLOWED) == []
    page.click("button:has-text('Записать принятие')")
    page.wait_for_url(f"{live_server.url}{document.get_absolute_url()}")
    assert "Принят консенсусом" in page.locator(".alert").first.inner_text()
    assert "Принят" in page.locator("dl").first.inner_text()
    assert english_on_page(page, allowed=ALLOWED) == []


def _sign_with_the_held_key(page, live_server, document) -> None:
    page.click("text=Внести подпись")
    page.wait_for_url(re.compile(r".*/signatures/new/$"))
    assert "openssl pkeyutl -sign -rawin" in page.locator("pre").inner_text()
    signer = page.locator("#id_key option", has_text="Владимир Путин")
    assert "ключ хранится в системе" in signer.inner_text()
    page.select_option("#id_key", signer.get_attribute("value"))
    assert english_on_page(page, allowed=ALLOWED) == []
    assert _fits_a_phone(page) == 0
    page.click("button:has-text('Подписать')")
    page.wait_for_url(f"{live_server.url}{document.get_absolute_url()}")
    assert page.locator(".alert").first.inner_text().strip().startswith("Владимир Путин подписал")
    assert "действительна" in page.locator("tr", has_text="Владимир Путин").inner_text()
    assert english_on_page(page, allowed=ALLOWED) == []
    screenshot(page, "flow-signed")


def test_it_takes_a_draft_from_the_board_to_adoption_and_a_held_key_signature(
        live_server, browser_page, draft_at_moscow):
    document = draft_at_moscow
    participants = list(MemberState.objects.filter(status="active").order_by("name_ru"))
    others = [s for s in participants if s.iso_alpha2 not in ("RU", "TJ")]
    total = len(participants)
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    # The officer opens the session and, from it, the draft on its agenda; nothing is chosen.
    _open_the_draft_from_its_session(page, live_server, document, total)
    # Two delegations declare their positions; the board confirms each and keeps the focus.
    _record_two_positions(page, total)
    # The rule is previewed: it cannot conclude while the others have not answered.
    _preview_names_the_missing(page, total, [s.name_ru for s in others])
    assert not document.outcomes.exists()
    # Once every participating state has answered, the rule adopts the draft.
    _adopt_once_all_answered(page, live_server, document, [s.iso_alpha2 for s in others], total)
    # The officer signs for Russia with the key the installation holds.
    _sign_with_the_held_key(page, live_server, document)

    assert Signature.objects.filter(document=document).count() == 1
    assert page.concord_errors == []
