"""Lockout after repeated failures: keyed by the name and the address it came from, with a cap on
any one address, so that someone elsewhere cannot lock an account out."""

from __future__ import annotations

import json

from django.test import Client

from concord.accounts.tests.sign_in_steps import (
    HOME_ADDRESS,
    OTHER_ADDRESS,
    audit_trail,
    post_password,
    signed_in_user_id,
)


def _fail(client: Client, username: str, times: int, *, address: str = HOME_ADDRESS) -> None:
    for _ in range(times):
        assert post_password(client, username, "a wrong guess", address=address).status_code == 400


def test_it_locks_out_after_five_failures_from_one_address(client, personas):
    _fail(client, "delegate_b", 5)

    response = post_password(client, "delegate_b")

    assert response.status_code == 400
    assert "Too many failed attempts. Try again later." in response.content.decode()
    assert signed_in_user_id(client) is None
    refusal = audit_trail("accounts.sign_in")[-1]
    assert (refusal.outcome, refusal.target_id) == ("denied", "delegate_b")
    assert json.loads(refusal.detail) == {"reason": "locked"}


def test_it_still_lets_the_fourth_failure_be_followed_by_a_sign_in(client, personas):
    _fail(client, "delegate_b", 4)

    assert post_password(client, "delegate_b").status_code == 302
    assert signed_in_user_id(client) == str(personas.delegate_b.pk)


def test_it_lets_the_same_name_sign_in_from_another_address(client, personas):
    _fail(client, "delegate_b", 5)

    response = post_password(Client(), "delegate_b", address=OTHER_ADDRESS)

    assert response.status_code == 302


def test_it_does_not_lock_other_names_at_the_same_address(client, personas):
    _fail(client, "delegate_a", 5)

    assert post_password(client, "delegate_b").status_code == 302


def test_it_forgets_the_failures_of_a_pair_after_a_successful_sign_in(client, personas):
    _fail(client, "delegate_b", 4)
    assert post_password(client, "delegate_b").status_code == 302
    fresh = Client()

    _fail(fresh, "delegate_b", 4)

    assert post_password(fresh, "delegate_b").status_code == 302


def test_it_caps_the_failures_of_one_address_across_all_names(client, personas, settings):
    settings.CONCORD_ADDRESS_THRESHOLD = 8
    for username in ("alice", "bob", "carol", "dave"):  # two each: no single name is locked
        _fail(client, username, 2)

    refused = post_password(client, "delegate_b")
    elsewhere = post_password(Client(), "delegate_b", address=OTHER_ADDRESS)

    assert refused.status_code == 400
    assert "Too many failed attempts" in refused.content.decode()
    assert elsewhere.status_code == 302
