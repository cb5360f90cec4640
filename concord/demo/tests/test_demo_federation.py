"""The demo's federation as its pages show it: the member states' nodes and their keys, the
copies the Tajik node sent (real and exercise apart, one withdrawn), and its witnessed
checkpoint, each reader seeing only what was released to their state."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from concord.accounts.models import User
from concord.core.models import AuditEntry
from concord.demo.federation import load_federation
from concord.demo.steps import load_all
from concord.federation.models import Distribution, NodeKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_all(password="demo-password-0123456789")


def _page(client, username: str, url: str) -> str:
    client.force_login(User.objects.get(username=username))
    answer = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 200
    return str(answer.content.decode())


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_shows_the_nodes_the_copies_and_the_witnessed_checkpoint_in_russian(client, demo):
    with translation.override("ru"):
        nodes = _text(_page(client, "officer", "/federation/nodes/"))
        copies = _text(_page(client, "officer", "/federation/"))
        exercise = _text(_page(client, "officer", "/federation/?exercise=1"))
        witnesses = _text(_page(client, "officer", "/federation/witnesses/"))

    assert "Узлы федерации" in nodes
    for name in ("concord-ru", "concord-kz", "concord-tj", "concord-am", "concord-by",
                 "concord-kg"):
        assert name in nodes
    assert "Выведен" in nodes and "Отозван" in nodes
    assert "Носитель ключа утрачен" in nodes
    assert "Полученные копии" in copies
    assert "Военно-техническая помощь Пограничным войскам" in copies
    assert "Коллективные силы оперативного реагирования" in copies
    assert "Миротворческий батальон Республики Таджикистан" not in copies
    assert "Миротворческий батальон Республики Таджикистан" in exercise
    assert "concord-tj (Таджикистан)" in witnesses


def test_it_files_the_tajik_bundles_through_the_import_and_one_withdrawal(demo):
    accepted = AuditEntry.objects.filter(action="federation.bundle.accept").count()
    assert accepted == Distribution.objects.count() == 3
    assert AuditEntry.objects.filter(action="federation.copy.withdraw").count() == 1
    assert AuditEntry.objects.filter(action="federation.witness.cosign").count() == 1
    statuses = set(NodeKey.objects.filter(node__name="concord-kz")
                   .values_list("status", flat=True))
    assert statuses == {NodeKey.Status.ACTIVE, NodeKey.Status.RETIRED}
    assert not NodeKey.objects.filter(node__name="concord-kg",
                                      status=NodeKey.Status.ACTIVE).exists()
    assert load_federation() == {"federation nodes": 0, "received copies": 0,
                                 "withdrawn copies": 0, "witnessed checkpoints": 0}


def test_a_delegate_of_another_state_does_not_see_a_copy_released_to_the_secretariat_only(
        client, demo):
    seen_by = {user: _text(_page(client, user, "/federation/"))
               for user in ("officer", "delegate.am", "delegate.tj")}

    assert "Нелегал" in seen_by["officer"]
    assert "Нелегал" in seen_by["delegate.tj"]
    assert "Нелегал" not in seen_by["delegate.am"]
    assert "Канал" not in seen_by["delegate.am"]
    assert "Военно-техническая помощь Пограничным войскам" in seen_by["delegate.am"]
