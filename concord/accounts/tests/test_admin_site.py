"""Django's admin is not mounted: it would sign in with the password alone and list records
without their labels' scoping. Its addresses are missing pages like any other."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from concord.accounts.tests.sign_in_steps import EN, PASSWORD

MISSING = "/no-such-page/"
CSRF_TOKEN = re.compile(r'(name="csrf(?:middleware)?-?token"[^>]*?(?:content|value)=")[^"]+')


def _page(client: Client, path: str) -> str:
    """The page as a visitor reads it: the path asked for and the per-response CSRF mask aside."""
    response = client.get(path, **EN)
    assert response.status_code == 404
    return CSRF_TOKEN.sub(r"\1…", response.content.decode().replace(path, MISSING))


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/core/auditentry/"])
def test_it_answers_the_admin_addresses_as_missing_pages(client, personas, path):
    assert _page(client, path) == _page(client, MISSING)


def test_it_answers_a_superuser_the_admin_as_a_missing_page(client, personas):
    personas.officer.is_staff = personas.officer.is_superuser = True
    personas.officer.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(personas.officer)

    assert _page(client, "/admin/") == _page(client, MISSING)


def test_it_signs_nobody_in_through_the_admin_login(client, personas):
    response = client.post("/admin/login/", {"username": "officer", "password": PASSWORD}, **EN)

    assert response.status_code in (403, 404)  # no CSRF cookie on a missing page, or missing
    assert "_auth_user_id" not in client.session
