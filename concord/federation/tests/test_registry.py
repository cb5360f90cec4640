"""Registering peer nodes and keeping their keys, from the command line and on the page."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.core.models import AuditEntry
from concord.federation.models import NodeKey
from concord.federation.tests import factories as f

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("federation", *args, stdout=out)
    return out.getvalue()


def test_it_registers_a_peer_and_lists_it_with_its_key(personas):
    key = f.raw_b64(Ed25519PrivateKey.generate())
    _run("node", "show-self", "--party", "SEC")
    _run("node", "add", "tj", "--party", "TJ", "--key", key, "--endpoint", "https://tj.example")
    listed = _run("node", "list")
    assert f"tj\tTJ\thttps://tj.example\t{NodeKey.id_of(key)} active" in listed
    assert "(this node)\tSEC" in listed
    assert AuditEntry.objects.filter(action="federation.node.register").count() == 2


def test_it_names_the_field_of_a_key_that_is_not_ed25519(personas):
    with pytest.raises(CommandError, match="key: "):
        _run("node", "add", "tj", "--party", "TJ", "--key", "bm90IGEga2V5")
    with pytest.raises(CommandError, match="party: "):
        _run("node", "add", "tj", "--party", "XX", "--key",
             f.raw_b64(Ed25519PrivateKey.generate()))


def test_it_retires_the_old_key_on_rotation_and_revokes_with_a_reason(personas):
    peer = f.peer("tj", "TJ")
    new = f.raw_b64(Ed25519PrivateKey.generate())
    _run("node", "rotate", "tj", "--key", new)
    assert sorted(peer.node.keys.values_list("status", flat=True)) == ["active", "retired"]
    with pytest.raises(CommandError, match="reason: "):
        _run("node", "revoke", "tj", "--reason", " ")
    _run("node", "revoke", "tj", "--reason", "Ключ утерян")
    active = peer.node.keys.get(public_key=new)
    assert active.status == "revoked" and active.reason == "Ключ утерян"


def test_it_shows_the_nodes_to_the_secretariat_only(client, personas):
    f.peer("tj", "TJ")
    client.force_login(personas.officer)
    page = client.get("/federation/nodes/")
    assert page.status_code == 200 and "tj" in page.content.decode()
    client.force_login(personas.delegate_b)
    assert client.get("/federation/nodes/").status_code == 403
