"""API tokens: shown once, kept only as a digest, refused with a problem document when bad."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from concord.accounts import services
from concord.accounts.models import ApiToken, User
from concord.accounts.tests.sign_in_steps import EN, PASSWORD, audit_trail, post_password
from concord.core import clock
from concord.core.actors import SYSTEM, MissingActor
from concord.core.errors import Forbidden
from concord.core.models import AuditEntry
from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import incident

API = "/api/v1/member-states"


def _bearer(client: Client, token: str):
    return client.get(API, HTTP_AUTHORIZATION=f"Bearer {token}")


def _assert_unauthorized(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["type"] == "urn:concord:problem:unauthorized"
    assert body["status"] == 401
    assert body["instance"] == API


def test_it_keeps_only_a_digest_of_the_token(personas):
    issued = services.token_create(actor=personas.delegate_b, user=personas.delegate_b,
                                   name="reporting script", days=30)
    # cnc_<prefix>_<secret>: the secret may itself hold "_", so split from the left.
    secret_part = issued.plaintext.split("_", 2)[2]

    row = ApiToken.objects.get()
    stored = [str(getattr(row, f.attname)) for f in ApiToken._meta.concrete_fields]
    assert not any(secret_part in value for value in stored)
    assert row.digest == hashlib.sha256(issued.plaintext.encode()).hexdigest()
    audit_text = " ".join(AuditEntry.objects.values_list("detail", flat=True))
    assert secret_part not in audit_text


def test_it_accepts_a_bearer_token_on_the_api(client, personas):
    issued = services.token_create(actor=personas.delegate_b, user=personas.delegate_b,
                                   name="reporting script", days=30)

    response = _bearer(client, issued.plaintext)

    assert response.status_code == 200
    assert response.json()["count"] == 0
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_it_refuses_a_token_nobody_issued(client, personas):
    _assert_unauthorized(_bearer(client, "cnc_0badc0de_notatokenatall"))


def test_it_refuses_a_known_prefix_with_a_wrong_secret(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    forged = issued.plaintext.rsplit("_", 1)[0] + "_" + "A" * 43

    _assert_unauthorized(_bearer(client, forged))


def test_it_refuses_other_authorization_schemes(client, personas):
    response = client.get(API, HTTP_AUTHORIZATION="Basic ZGVsZWdhdGVfYjpwYXNzd29yZA==")

    _assert_unauthorized(response)


def test_it_refuses_a_revoked_token(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")

    services.token_revoke(actor=personas.delegate_b, token=issued.token)

    _assert_unauthorized(_bearer(client, issued.plaintext))
    [entry] = audit_trail("accounts.token.revoke")
    assert entry.actor_id == personas.delegate_b.pk


def test_it_refuses_an_expired_token(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script", days=1)
    ApiToken.objects.filter(pk=issued.token.pk).update(
        expires_at=clock.now() - timedelta(minutes=1))

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_refuses_the_token_of_a_deactivated_user(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    assert _bearer(client, issued.plaintext).status_code == 200

    services.user_deactivate(actor=personas.officer, user=personas.delegate_b)

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_issues_no_token_to_a_deactivated_user(personas):
    services.user_deactivate(actor=SYSTEM, user=personas.delegate_b)

    with pytest.raises(Forbidden):
        services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    assert not ApiToken.objects.exists()


def test_it_audits_each_issued_token_without_its_secret(personas):
    issued = services.token_create(actor=personas.delegate_b, user=personas.delegate_b,
                                   name="script")

    [entry] = audit_trail("accounts.token.create")
    assert entry.actor_id == personas.delegate_b.pk
    assert issued.token.prefix in entry.detail


def test_it_shows_a_token_issued_on_the_profile_page_once(client, personas):
    client.force_login(personas.delegate_b)

    page = client.post(reverse("accounts:profile"), {"action": "token", "name": "my script",
                                                     "days": "30"}, **EN)
    match = re.search(r'id="issued-token">([^<]+)<', page.content.decode())
    assert match, "the new token is shown on the page"
    token = match.group(1)

    assert _bearer(Client(), token).status_code == 200
    assert token not in client.get(reverse("accounts:profile"), **EN).content.decode()
    assert ApiToken.objects.get().user == personas.delegate_b


def test_it_revokes_a_token_from_the_profile_page(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"),
                           {"action": "revoke", "token": str(issued.token.public_id)}, **EN)

    assert response.status_code == 302
    _assert_unauthorized(_bearer(Client(), issued.plaintext))


def test_it_does_not_revoke_another_users_token_from_the_profile_page(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_a, name="script")
    client.force_login(personas.delegate_b)

    client.post(reverse("accounts:profile"),
                {"action": "revoke", "token": str(issued.token.public_id)}, **EN)

    assert _bearer(Client(), issued.plaintext).status_code == 200
    assert audit_trail("accounts.token.revoke") == []


def test_it_ignores_a_malformed_token_id_on_the_profile_page(client, personas):
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"),
                           {"action": "revoke", "token": "not-a-uuid"}, **EN)

    assert response.status_code == 302
    assert audit_trail("accounts.token.revoke") == []


# --- A token ends with its owner's password and account -----------------------------------

def test_it_refuses_a_token_after_its_owner_changes_the_password_on_the_profile_page(
        client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    client.force_login(personas.delegate_b)

    page = client.post(reverse("accounts:profile"), {
        "action": "password", "current": PASSWORD, "new": "a brand new passphrase 2026",
        "repeat": "a brand new passphrase 2026"}, follow=True, **EN)

    assert "your API tokens no longer work" in page.content.decode()
    _assert_unauthorized(_bearer(Client(), issued.plaintext))


def test_it_refuses_a_token_after_a_password_set_outside_the_services(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    user = User.objects.get(pk=personas.delegate_b.pk)

    user.set_password("a brand new passphrase 2026")
    user.save()

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_refuses_a_token_after_the_password_service_changes_it(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")

    services.user_set_password(actor=personas.officer, user=personas.delegate_b,
                               password="a brand new passphrase 2026")

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_accepts_a_token_issued_after_the_password_change(client, personas):
    services.user_set_password(actor=SYSTEM, user=personas.delegate_b,
                               password="a brand new passphrase 2026")

    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")

    assert _bearer(client, issued.plaintext).status_code == 200


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher",
                                     "django.contrib.auth.hashers.MD5PasswordHasher"])
def test_it_keeps_a_token_working_when_sign_in_upgrades_the_password_hash(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    assert personas.delegate_b.password.startswith("md5$")

    post_password(Client(), "delegate_b")

    personas.delegate_b.refresh_from_db()
    assert personas.delegate_b.password.startswith("pbkdf2_sha256$")
    assert _bearer(client, issued.plaintext).status_code == 200


def test_it_refuses_the_token_of_a_user_deactivated_outside_the_services(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    user = User.objects.get(pk=personas.delegate_b.pk)

    user.is_active = False
    user.save()

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_brings_no_token_back_when_a_deactivated_user_is_reactivated(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    services.user_deactivate(actor=personas.officer, user=personas.delegate_b)

    User.objects.filter(pk=personas.delegate_b.pk).update(is_active=True)

    _assert_unauthorized(_bearer(client, issued.plaintext))
    [entry] = audit_trail("accounts.token.revoke_all")
    assert entry.actor_id == personas.officer.pk
    assert '"reason":"deactivation"' in entry.detail


# --- Read-only tokens ---------------------------------------------------------------------

NEW_INCIDENT = {"date": "2024-07-01", "country": "KG", "admin1": "Osh",
                "sub_category": "drug_seizure", "release_to_all_members": True}


def test_it_lets_a_read_only_token_read(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.analyst, name="dashboard",
                                   read_only=True)

    response = _bearer(client, issued.plaintext)

    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_it_refuses_a_post_with_a_read_only_token(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.analyst, name="dashboard",
                                   read_only=True)

    response = client.post("/api/v1/incidents", NEW_INCIDENT, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["type"], body["status"], body["instance"]) == (
        "urn:concord:problem:forbidden", 403, "/api/v1/incidents")
    # The API speaks the working language unless the caller asks for another.
    assert "только для чтения" in body["detail"]
    assert not Incident.objects.visible_to(personas.analyst).exists()


def test_it_records_a_read_write_tokens_post(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.analyst, name="importer")

    response = client.post("/api/v1/incidents", NEW_INCIDENT, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")

    assert response.status_code == 201


def test_it_refuses_a_patch_with_a_read_only_token(client, personas):
    record = incident(personas.secretariat)
    issued = services.token_create(actor=SYSTEM, user=personas.analyst, name="dashboard",
                                   read_only=True)

    response = client.patch(f"/api/v1/incidents/{record.public_id}", {"fatalities": 2},
                            content_type="application/json",
                            HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")

    assert response.status_code == 403
    assert response.json()["type"] == "urn:concord:problem:forbidden"
    record.refresh_from_db()
    assert record.fatalities == 0


def test_it_audits_a_read_only_tokens_write_as_a_refusal(client, personas):
    issued = services.token_create(actor=SYSTEM, user=personas.analyst, name="dashboard",
                                   read_only=True)

    client.post("/api/v1/incidents", NEW_INCIDENT, content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}", REMOTE_ADDR="192.0.2.44")

    [entry] = AuditEntry.objects.filter(outcome=AuditEntry.Outcome.DENIED)
    assert (entry.actor_id, entry.action, entry.target_id, entry.client_address) == (
        personas.analyst.pk, "api:incidents.post", "/api/v1/incidents", "192.0.2.44")
    assert "read-only" in entry.detail


# --- The profile page's token list ----------------------------------------------------------

def test_it_issues_a_read_only_token_on_the_profile_page(client, personas):
    client.force_login(personas.delegate_b)

    client.post(reverse("accounts:profile"), {"action": "token", "name": "dashboard",
                                              "days": "30", "read_only": "on"}, **EN)

    assert ApiToken.objects.get().read_only
    assert "read only" in client.get(reverse("accounts:profile"), **EN).content.decode()


def test_it_shows_on_the_profile_page_that_a_password_change_ended_a_token(client, personas):
    services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    services.user_set_password(actor=SYSTEM, user=personas.delegate_b,
                               password="a brand new passphrase 2026")
    client.force_login(personas.delegate_b)

    page = client.get(reverse("accounts:profile"), **EN).content.decode()

    assert "ended by a password change" in page


def test_it_revokes_every_token_from_the_profile_page(client, personas):
    first = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    second = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="dashboard",
                                   read_only=True)
    client.force_login(personas.delegate_b)

    page = client.post(reverse("accounts:profile"), {"action": "revoke-all"}, follow=True, **EN)

    assert "2 tokens were revoked and no longer work." in page.content.decode()
    _assert_unauthorized(_bearer(Client(), first.plaintext))
    _assert_unauthorized(_bearer(Client(), second.plaintext))
    [entry] = audit_trail("accounts.token.revoke_all")
    assert entry.actor_id == personas.delegate_b.pk
    assert first.token.prefix in entry.detail and second.token.prefix in entry.detail


def test_it_leaves_other_users_tokens_when_revoking_all_from_the_profile_page(client, personas):
    theirs = services.token_create(actor=SYSTEM, user=personas.delegate_a, name="script")
    client.force_login(personas.delegate_b)

    page = client.post(reverse("accounts:profile"), {"action": "revoke-all"}, follow=True, **EN)

    assert "You have no token to revoke." in page.content.decode()
    assert _bearer(Client(), theirs.plaintext).status_code == 200
    assert audit_trail("accounts.token.revoke_all") == []


def test_it_refuses_revoke_all_without_the_csrf_token(personas):
    issued = services.token_create(actor=SYSTEM, user=personas.delegate_b, name="script")
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"), {"action": "revoke-all"}, **EN)

    assert response.status_code == 403
    assert _bearer(Client(), issued.plaintext).status_code == 200


def test_it_issues_no_token_when_no_one_is_named_as_issuing_it(personas):
    with pytest.raises(MissingActor):
        services.token_create(actor=None, user=personas.delegate_b,  # type: ignore[arg-type]
                              name="script")

    assert not ApiToken.objects.filter(user=personas.delegate_b).exists()
    assert not AuditEntry.objects.filter(action="accounts.token.create").exists()
