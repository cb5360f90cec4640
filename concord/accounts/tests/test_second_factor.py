"""The second factor: enrolment at the first sign-in, a code at every later one, never twice."""

from __future__ import annotations

import json
import re

import pyotp
from django.urls import reverse

from concord.accounts.models import LoginFailure, TotpDevice
from concord.accounts.tests.sign_in_steps import (
    EN,
    HOME_ADDRESS,
    audit_trail,
    code_at,
    post_code,
    post_password,
    signed_in_user_id,
    wrong_code,
)


def _secret_shown(page) -> str:
    match = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.content.decode())
    assert match, "the enrolment page shows the key to type into an authenticator"
    return match.group(1)


def test_it_enrols_a_confidential_user_and_signs_them_in_with_the_first_code(client, personas):
    post_password(client, "delegate_a")
    page = client.get(reverse("accounts:enrol"), **EN)
    secret = _secret_shown(page)

    response = post_code(client, "enrol", code_at(secret))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
    assert signed_in_user_id(client) == str(personas.delegate_a.pk)
    assert TotpDevice.objects.get(user=personas.delegate_a).secret == secret
    [enrolment] = audit_trail("accounts.totp.enrol")
    assert enrolment.actor_id == personas.delegate_a.pk
    [sign_in] = audit_trail("accounts.sign_in")
    assert (sign_in.outcome, sign_in.actor_id) == ("success", personas.delegate_a.pk)


def test_it_asks_for_a_code_at_the_next_sign_in_after_enrolment(client, personas):
    post_password(client, "delegate_a")
    secret = _secret_shown(client.get(reverse("accounts:enrol"), **EN))
    post_code(client, "enrol", code_at(secret))
    client.post(reverse("accounts:logout"))

    second = post_password(client, "delegate_a")
    signed_in = post_code(client, "verify", code_at(secret, 1))

    assert second["Location"] == reverse("accounts:verify")
    assert signed_in["Location"] == reverse("portal:dashboard")
    assert signed_in_user_id(client) == str(personas.delegate_a.pk)
    assert [e.outcome for e in audit_trail("accounts.sign_in")] == ["success", "success"]


def test_it_keeps_the_same_key_while_the_enrolment_page_is_reloaded(client, personas):
    post_password(client, "delegate_a")

    first = _secret_shown(client.get(reverse("accounts:enrol"), **EN))
    again = _secret_shown(client.get(reverse("accounts:enrol"), **EN))

    assert first == again


def test_it_refuses_a_wrong_enrolment_code_and_sets_nothing_up(client, personas):
    post_password(client, "delegate_a")
    secret = _secret_shown(client.get(reverse("accounts:enrol"), **EN))

    response = post_code(client, "enrol", wrong_code(secret))

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert not TotpDevice.objects.filter(user=personas.delegate_a).exists()
    assert LoginFailure.objects.filter(username="delegate_a", client_address=HOME_ADDRESS).count() == 1
    [failure] = audit_trail("accounts.sign_in")
    assert failure.outcome == "failure"


def test_it_signs_an_enrolled_user_in_with_a_fresh_code(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    post_password(client, "delegate_a")

    response = post_code(client, "verify", code_at(secret, 1))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
    assert signed_in_user_id(client) == str(personas.delegate_a.pk)


def test_it_refuses_a_replayed_code(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    post_password(client, "delegate_a")
    code = code_at(secret, 1)
    post_code(client, "verify", code)
    client.post(reverse("accounts:logout"))
    post_password(client, "delegate_a")

    replayed = post_code(client, "verify", code)

    assert replayed.status_code == 400
    assert "The code is not correct." in replayed.content.decode()
    assert signed_in_user_id(client) is None


def test_it_refuses_the_code_already_used_to_enrol(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    device = TotpDevice.objects.get(user=personas.delegate_a)
    used_to_enrol = pyotp.TOTP(secret).generate_otp(device.last_step)
    post_password(client, "delegate_a")

    response = post_code(client, "verify", used_to_enrol)

    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_it_counts_a_wrong_code_as_a_failed_sign_in(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    post_password(client, "delegate_a")

    response = post_code(client, "verify", wrong_code(secret))

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert LoginFailure.objects.filter(username="delegate_a", client_address=HOME_ADDRESS).count() == 1
    [failure] = audit_trail("accounts.sign_in")
    assert (failure.outcome, failure.target_id) == ("failure", "delegate_a")
    assert json.loads(failure.detail) == {"reason": "second factor"}


def test_it_locks_the_code_page_after_five_wrong_codes(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    post_password(client, "delegate_a")
    for _ in range(5):
        post_code(client, "verify", wrong_code(secret))

    response = post_code(client, "verify", code_at(secret, 1))

    assert response.status_code == 400
    assert "Too many failed attempts" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_it_does_not_ask_for_a_code_before_the_password(client, personas, enrolled):
    enrolled(personas.delegate_a)

    assert client.get(reverse("accounts:verify"), **EN)["Location"] == reverse("accounts:login")
    assert client.get(reverse("accounts:enrol"), **EN)["Location"] == reverse("accounts:login")


def test_it_does_not_offer_enrolment_again_to_an_enrolled_user(client, personas, enrolled):
    enrolled(personas.delegate_a)
    post_password(client, "delegate_a")

    response = client.get(reverse("accounts:enrol"), **EN)

    assert response["Location"] == reverse("accounts:login")
    assert TotpDevice.objects.filter(user=personas.delegate_a).count() == 1


def test_it_keeps_the_page_asked_for_through_the_second_factor(client, personas, enrolled):
    secret = enrolled(personas.delegate_a)
    wanted = "/registry/states/?status=active&q=ru"
    code_page = client.post(reverse("accounts:login"), {
        "username": "delegate_a", "password": "correct horse battery staple", "next": wanted,
    })["Location"]
    form = client.get(code_page, **EN)

    response = client.post(code_page, {"code": code_at(secret, 1),
                                       "next": form.context["next"]}, **EN)

    assert response["Location"] == wanted
