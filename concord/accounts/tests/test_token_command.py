"""`concord token`: issue, list and revoke API tokens from the command line."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from concord.accounts.models import ApiToken
from concord.accounts.tests.sign_in_steps import audit_trail


def _run(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue()


def test_it_prints_a_token_that_works_on_the_api(personas):
    token = _run("create", "delegate_b", "--name", "nightly export").strip()

    response = Client().get("/api/v1/member-states", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    [entry] = audit_trail("accounts.token.create")
    assert entry.actor_id is None  # the operator at the console
    assert entry.client_address == "local"
    assert ApiToken.objects.get().name == "nightly export"


def test_it_lists_a_users_tokens_with_their_state(personas):
    _run("create", "delegate_b", "--name", "nightly export")
    prefix = ApiToken.objects.get().prefix

    listing = _run("list", "delegate_b")

    assert prefix in listing
    assert "active" in listing
    assert "nightly export" in listing


def test_it_revokes_a_token_by_its_prefix(personas):
    token = _run("create", "delegate_b").strip()
    prefix = ApiToken.objects.get().prefix

    assert f"Revoked {prefix}" in _run("revoke", prefix)

    response = Client().get("/api/v1/member-states", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert "revoked" in _run("list", "delegate_b")


def test_it_names_an_unknown_user(personas):
    with pytest.raises(CommandError, match="No user 'nobody'"):
        _run("create", "nobody")
    assert not ApiToken.objects.exists()


def test_it_refuses_a_negative_validity(personas):
    with pytest.raises(CommandError, match="--days"):
        _run("create", "delegate_b", "--days", "-1")
    assert not ApiToken.objects.exists()


def test_it_prints_a_read_only_token_that_reads_but_cannot_write(personas):
    token = _run("create", "analyst", "--read-only").strip()
    bearer = f"Bearer {token}"

    read = Client().get("/api/v1/member-states", HTTP_AUTHORIZATION=bearer)
    write = Client().post("/api/v1/incidents", {"date": "2024-07-01", "country": "KG"},
                          content_type="application/json", HTTP_AUTHORIZATION=bearer)

    assert (read.status_code, write.status_code) == (200, 403)
    assert "read-only" in _run("list", "analyst")


def test_it_lists_a_token_ended_by_a_password_change(personas):
    _run("create", "delegate_b")
    personas.delegate_b.set_password("a brand new passphrase 2026")
    personas.delegate_b.save()

    assert "password-changed" in _run("list", "delegate_b")
