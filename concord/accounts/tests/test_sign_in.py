"""Signing in with a password: directly for OFFICIAL USE, via the second factor above it."""

from __future__ import annotations

import json

from django.urls import reverse

from concord.accounts.models import LoginFailure
from concord.accounts.tests.sign_in_steps import (
    EN,
    HOME_ADDRESS,
    audit_trail,
    post_password,
    signed_in_user_id,
)


def test_it_signs_in_an_official_use_user_with_the_password_alone(client, personas):
    response = post_password(client, "delegate_b")

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
    assert signed_in_user_id(client) == str(personas.delegate_b.pk)
    [entry] = audit_trail("accounts.sign_in")
    assert entry.outcome == "success"
    assert entry.actor_id == personas.delegate_b.pk
    assert entry.party_code == "TJ"
    assert entry.client_address == HOME_ADDRESS


def test_it_goes_on_to_a_local_next_page_after_signing_in(client, personas):
    response = client.post(reverse("accounts:login"),
                           {"username": "delegate_b", "password": "correct horse battery staple",
                            "next": "/registry/states/"})

    assert response["Location"] == "/registry/states/"


def test_it_never_sends_a_user_to_another_site_after_signing_in(client, personas):
    response = client.post(reverse("accounts:login"),
                           {"username": "delegate_b", "password": "correct horse battery staple",
                            "next": "https://evil.example/phish"})

    assert response["Location"] == reverse("portal:dashboard")


def test_it_does_not_sign_in_a_confidential_user_before_the_second_factor(client, personas):
    response = post_password(client, "delegate_a")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:enrol")
    assert signed_in_user_id(client) is None
    assert audit_trail("accounts.sign_in") == []


def test_it_sends_an_enrolled_user_to_the_code_page(client, personas, enrolled):
    enrolled(personas.analyst)

    response = post_password(client, "analyst")

    assert response["Location"] == reverse("accounts:verify")
    assert signed_in_user_id(client) is None


def test_it_refuses_a_wrong_password_and_records_the_failure(client, personas):
    response = post_password(client, "delegate_b", "not the password at all")

    assert response.status_code == 400
    assert "The user name or password is not correct." in response.content.decode()
    assert signed_in_user_id(client) is None
    assert LoginFailure.objects.filter(username="delegate_b", client_address=HOME_ADDRESS).count() == 1
    [entry] = audit_trail("accounts.sign_in")
    assert (entry.outcome, entry.target_id, entry.actor_id) == ("failure", "delegate_b", None)
    assert json.loads(entry.detail) == {"reason": "password"}


def test_it_answers_an_unknown_name_exactly_like_a_wrong_password(client, personas):
    unknown = post_password(client, "nobody-of-that-name", "whatever it is")
    wrong = post_password(client, "delegate_b", "whatever it is")

    assert unknown.status_code == wrong.status_code == 400
    assert unknown.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()


def test_it_refuses_a_deactivated_user_with_the_right_password(client, personas):
    personas.delegate_b.is_active = False
    personas.delegate_b.save(update_fields=["is_active"])

    response = post_password(client, "delegate_b")

    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_it_sends_a_signed_in_user_on_from_the_sign_in_page(client, personas):
    client.force_login(personas.delegate_b)

    response = client.get(reverse("accounts:login"), **EN)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
