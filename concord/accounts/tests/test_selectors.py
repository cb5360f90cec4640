"""Reads of accounts: a person sees the accounts of their own party and only their own tokens;
the system (the operator's CLI) sees every account."""

from __future__ import annotations

import uuid

import pytest
from django.utils import translation

from concord.accounts import selectors
from concord.accounts.services import token_create
from concord.core.actors import SYSTEM
from concord.core.errors import NotFound


def test_it_lists_to_a_delegate_only_the_accounts_of_their_party(personas):
    personas.delegate_b.is_active = False
    personas.delegate_b.save(update_fields=["is_active"])

    assert [u.username for u in selectors.user_list(viewer=personas.officer)] == [
        "analyst", "officer"]
    assert [u.username for u in selectors.user_list(viewer=personas.delegate_a)] == [
        "delegate_a"]
    assert [u.username for u in selectors.user_list(viewer=SYSTEM)] == [
        "analyst", "delegate_a", "officer"]
    assert list(selectors.user_list(viewer=personas.anonymous)) == []


def test_it_finds_an_account_by_its_name_in_any_case_and_refuses_one_of_another_party(personas):
    assert selectors.user_get(viewer=SYSTEM, username="Delegate_A") == personas.delegate_a
    with translation.override("en"), pytest.raises(NotFound, match=r"No user delegate_a\."):
        selectors.user_get(viewer=personas.delegate_b, username="delegate_a")


def test_it_leaves_out_a_deactivated_account_unless_asked(personas):
    personas.analyst.is_active = False
    personas.analyst.save(update_fields=["is_active"])

    with pytest.raises(NotFound):
        selectors.user_get(viewer=SYSTEM, pk=personas.analyst.pk)
    assert selectors.user_get(viewer=SYSTEM, username="analyst", active_only=False).is_active is False
    assert selectors.user_exists(username="ANALYST")


def test_it_gives_a_user_only_their_own_tokens(personas):
    own = token_create(actor=personas.officer, user=personas.officer, name="laptop",
                       days=30, read_only=False).token
    other = token_create(actor=personas.analyst, user=personas.analyst, name="desk", days=30,
                         read_only=True).token

    assert list(selectors.token_list(viewer=personas.officer)) == [own]
    assert selectors.token_get(viewer=personas.officer, public_id=own.public_id) == own
    with pytest.raises(NotFound):
        selectors.token_get(viewer=personas.officer, public_id=other.public_id)
    with pytest.raises(NotFound):
        selectors.token_get(viewer=personas.officer, public_id=uuid.uuid4())
    assert selectors.token_has_live(viewer=personas.officer)
    assert selectors.token_get_by_prefix(prefix=other.prefix) == other
