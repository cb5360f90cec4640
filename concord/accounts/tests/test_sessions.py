"""Sessions end on sign-out, on deactivation and on a password change (except the changer's)."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.accounts import services
from concord.accounts.tests.sign_in_steps import EN, PASSWORD, audit_trail, post_password

NEW_PASSWORD = "Tashkent treaty of fifteen May"


def _is_signed_in(client: Client) -> bool:
    response = client.get(reverse("accounts:profile"), **EN)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))
        return False
    assert response.status_code == 200
    return True


def test_it_ends_the_session_on_sign_out(client, personas):
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:logout"))

    assert response["Location"] == reverse("portal:home")
    assert not _is_signed_in(client)
    [entry] = audit_trail("accounts.sign_out")
    assert entry.actor_id == personas.delegate_b.pk


def test_it_does_not_sign_out_on_a_plain_link(client, personas):
    client.force_login(personas.delegate_b)

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert _is_signed_in(client)


def test_it_ends_the_sessions_of_a_deactivated_user(client, personas):
    client.force_login(personas.delegate_b)
    assert _is_signed_in(client)

    services.user_deactivate(actor=personas.officer, user=personas.delegate_b)

    assert not _is_signed_in(client)
    [entry] = audit_trail("accounts.user.deactivate")
    assert entry.actor_id == personas.officer.pk
    assert entry.target_id == str(personas.delegate_b.public_id)


def test_it_ends_other_sessions_on_a_password_change_but_keeps_the_changers(client, personas):
    elsewhere = Client()
    elsewhere.force_login(personas.delegate_b)
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"), {
        "action": "password", "current": PASSWORD, "new": NEW_PASSWORD, "repeat": NEW_PASSWORD,
    }, **EN)

    assert response.status_code == 302
    assert _is_signed_in(client)
    assert not _is_signed_in(elsewhere)
    [entry] = audit_trail("accounts.user.set_password")
    assert entry.actor_id == personas.delegate_b.pk


def test_it_signs_in_with_the_new_password_only_after_a_change(client, personas):
    services.user_set_password(actor=personas.delegate_b, user=personas.delegate_b,
                               password=NEW_PASSWORD)

    assert post_password(Client(), "delegate_b", PASSWORD).status_code == 400
    assert post_password(Client(), "delegate_b", NEW_PASSWORD).status_code == 302


def test_it_keeps_the_password_when_the_current_one_is_wrong(client, personas):
    elsewhere = Client()
    elsewhere.force_login(personas.delegate_b)
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"), {
        "action": "password", "current": "not my password", "new": NEW_PASSWORD,
        "repeat": NEW_PASSWORD,
    }, **EN)

    assert "The current password is not correct." in response.content.decode()
    assert _is_signed_in(elsewhere)
    personas.delegate_b.refresh_from_db()
    assert personas.delegate_b.check_password(PASSWORD)
    assert audit_trail("accounts.user.set_password") == []


def test_it_refuses_a_weak_new_password_and_keeps_the_old_one(client, personas):
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"), {
        "action": "password", "current": PASSWORD, "new": "12345678", "repeat": "12345678",
    }, **EN)

    assert response.context["password_form"].errors
    personas.delegate_b.refresh_from_db()
    assert personas.delegate_b.check_password(PASSWORD)


def test_a_signed_in_request_reads_its_user_and_party_together(client, personas):
    client.force_login(personas.delegate_b)
    with CaptureQueriesContext(connection) as queries:
        assert _is_signed_in(client)
    user_reads = [q["sql"] for q in queries.captured_queries
                  if 'FROM "accounts_user"' in q["sql"]]
    assert len(user_reads) == 1 and '"core_party"' in user_reads[0]
    assert not [q for q in queries.captured_queries
                if q["sql"].lstrip().startswith('SELECT "core_party"')]


def test_a_deactivated_user_is_no_longer_signed_in(client, personas):
    client.force_login(personas.delegate_b)
    type(personas.delegate_b).objects.filter(pk=personas.delegate_b.pk).update(is_active=False)

    assert not _is_signed_in(client)
