"""API tokens: shown once, kept only as a digest, refused with a problem document when bad."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from concord.accounts import services
from concord.accounts.models import ApiToken
from concord.accounts.tests.sign_in_steps import EN, audit_trail
from concord.core.errors import Forbidden
from concord.core.models import AuditEntry

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
    secret_part = issued.plaintext.rsplit("_", 1)[-1]

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
    issued = services.token_create(actor=None, user=personas.delegate_b, name="script")
    forged = issued.plaintext.rsplit("_", 1)[0] + "_" + "A" * 43

    _assert_unauthorized(_bearer(client, forged))


def test_it_refuses_other_authorization_schemes(client, personas):
    response = client.get(API, HTTP_AUTHORIZATION="Basic ZGVsZWdhdGVfYjpwYXNzd29yZA==")

    _assert_unauthorized(response)


def test_it_refuses_a_revoked_token(client, personas):
    issued = services.token_create(actor=None, user=personas.delegate_b, name="script")

    services.token_revoke(actor=personas.delegate_b, token=issued.token)

    _assert_unauthorized(_bearer(client, issued.plaintext))
    [entry] = audit_trail("accounts.token.revoke")
    assert entry.actor_id == personas.delegate_b.pk


def test_it_refuses_an_expired_token(client, personas):
    issued = services.token_create(actor=None, user=personas.delegate_b, name="script", days=1)
    ApiToken.objects.filter(pk=issued.token.pk).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1))

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_refuses_the_token_of_a_deactivated_user(client, personas):
    issued = services.token_create(actor=None, user=personas.delegate_b, name="script")
    assert _bearer(client, issued.plaintext).status_code == 200

    services.user_deactivate(actor=personas.officer, user=personas.delegate_b)

    _assert_unauthorized(_bearer(client, issued.plaintext))


def test_it_issues_no_token_to_a_deactivated_user(personas):
    services.user_deactivate(actor=None, user=personas.delegate_b)

    with pytest.raises(Forbidden):
        services.token_create(actor=None, user=personas.delegate_b, name="script")
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
    issued = services.token_create(actor=None, user=personas.delegate_b, name="script")
    client.force_login(personas.delegate_b)

    response = client.post(reverse("accounts:profile"),
                           {"action": "revoke", "token": str(issued.token.public_id)}, **EN)

    assert response.status_code == 302
    _assert_unauthorized(_bearer(Client(), issued.plaintext))


def test_it_does_not_revoke_another_users_token_from_the_profile_page(client, personas):
    issued = services.token_create(actor=None, user=personas.delegate_a, name="script")
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
