"""The secretariat's view of mutual witnessing, walked in Russian in a real browser: from the
account menu to the page that lists the Tajik node's witnessed checkpoint and the evidence of
the other history it showed for the same size."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from playwright.sync_api import expect

from concord.core import clock
from concord.core.errors import Conflict
from concord.core.models import Party
from concord.demo.organization import load
from concord.federation import witness_note
from concord.federation.models import Node, NodeKey
from concord.federation.services.witness import witness_cosign
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _note(key: Ed25519PrivateKey, size: int, history: str) -> str:
    head = hashlib.sha256(history.encode()).hexdigest()
    note = witness_note.checkpoint_note(node="tj", size=size, root_hex=head)
    return witness_note.sign(note, key=key).text()


@pytest.fixture
def forked_peer():
    """The Tajik node, whose checkpoint of 2048 entries this node cosigned, and which then
    offered another head for the same 2048 entries."""
    load(password=PASSWORD)
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(witness_note.raw_public_key(key)).decode("ascii")
    node = Node.objects.create(name="tj", party=Party.objects.get(code="TJ"),
                               endpoint="https://tj.example")
    NodeKey.objects.create(node=node, public_key=public, key_id=NodeKey.id_of(public),
                           valid_from=clock.now())
    witness_cosign(text=_note(key, 2048, "the history witnessed"))
    with pytest.raises(Conflict):
        witness_cosign(text=_note(key, 2048, "another history"))


def test_the_officer_finds_the_fork_a_peer_node_showed(forked_peer, browser_page, live_server):
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)

    page.locator(".user-name").click()
    page.locator(".user-menu").get_by_role("link",
                                           name="Засвидетельствованные контрольные точки").click()

    expect(page.locator("main h1, main h2").first).to_contain_text(
        "Засвидетельствованные контрольные точки")
    forks = page.locator("#fork-evidence tbody tr")
    expect(forks).to_have_count(1)
    expect(forks.first).to_contain_text("Развилка")
    expect(forks.first).to_contain_text("tj (Таджикистан)")
    peers = page.locator("#peer-checkpoints tbody tr")
    expect(peers).to_have_count(1)
    expect(peers.first).to_contain_text("2048")
    expect(page.locator("#own-cosignatures")).to_contain_text(
        "Ни один свидетель ещё не заверил контрольную точку этого узла.")
    assert english_on_page(page) == []

    forks.first.get_by_text("Показать обе заметки").click()
    expect(forks.first.locator("pre")).to_have_count(2)
    expect(forks.first.locator("pre").first).to_contain_text("tj/concord-audit\n2048\n")
    screenshot(page, "witness-fork-evidence")
    assert page.concord_errors == []
