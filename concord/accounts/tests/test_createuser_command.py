"""`concord createuser`: a user of a party, with a clearance and roles, or a clear refusal."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from concord.accounts.models import User
from concord.accounts.tests.sign_in_steps import audit_trail, post_password
from concord.core.labels import Classification

STRONG = "Dushanbe rapid reaction 2024"


def _create(*args: str) -> str:
    out = StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def test_it_creates_a_user_who_can_sign_in(personas, monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", STRONG)

    output = _create("delegate.kg", "--party", "tj", "--clearance", "official-use",
                     "--role", "delegate", "--first-name", "Aibek")

    assert "Created delegate.kg (TJ" in output
    user = User.objects.get(username="delegate.kg")
    assert (user.party, user.clearance, user.first_name) == (
        personas.state_b, Classification.OFFICIAL_USE, "Aibek")
    assert user.role_names == ["delegate"]
    assert post_password(Client(), "delegate.kg", STRONG).status_code == 302
    [entry] = audit_trail("accounts.user.create")
    assert entry.actor_id is None
    assert entry.target_id == str(user.public_id)


def test_it_refuses_an_unknown_party_and_creates_nothing(personas, monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", STRONG)
    users_before = User.objects.count()

    with pytest.raises(CommandError) as refused:
        _create("delegate.xx", "--party", "XX", "--clearance", "official-use")

    assert "--party 'XX': no such party" in str(refused.value)
    assert "RU" in str(refused.value)  # it lists the parties that do exist
    assert User.objects.count() == users_before
    assert audit_trail("accounts.user.create") == []


def test_it_refuses_a_weak_password_and_creates_nothing(personas, monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", "12345")
    users_before = User.objects.count()

    with pytest.raises(CommandError) as refused:
        _create("delegate.kg", "--party", "TJ", "--clearance", "official-use")

    assert "password:" in str(refused.value)
    assert "too short" in str(refused.value)
    assert User.objects.count() == users_before
    assert audit_trail("accounts.user.create") == []


def test_it_refuses_a_name_already_taken(personas, monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", STRONG)

    with pytest.raises(CommandError, match="already exists"):
        _create("Delegate_B", "--party", "TJ", "--clearance", "official-use")

    assert User.objects.filter(username__iexact="delegate_b").count() == 1


def test_it_refuses_an_unknown_clearance(personas, monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", STRONG)

    with pytest.raises(CommandError, match="--clearance"):
        _create("delegate.kg", "--party", "TJ", "--clearance", "top-secret")

    assert not User.objects.filter(username="delegate.kg").exists()
