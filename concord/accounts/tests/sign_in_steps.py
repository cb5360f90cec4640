"""The steps a person takes to sign in, and the one-time codes their authenticator would show."""

from __future__ import annotations

from typing import Any

import pyotp
from django.test import Client
from django.urls import reverse

from concord.core import clock
from concord.core.models import AuditEntry

PASSWORD = "correct horse battery staple"  # the personas' password (see conftest.make_user)
HOME_ADDRESS = "192.0.2.10"
OTHER_ADDRESS = "198.51.100.20"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def post_password(client: Client, username: str, password: str = PASSWORD, *,
                  address: str = HOME_ADDRESS, **extra: Any) -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": password},
                       REMOTE_ADDR=address, **EN, **extra)


def post_code(client: Client, step: str, code: str, *, address: str = HOME_ADDRESS) -> Any:
    return client.post(reverse(f"accounts:{step}"), {"code": code}, REMOTE_ADDR=address, **EN)


def code_at(secret: str, steps_ahead: int = 0) -> str:
    """The code an authenticator shows now (or that many 30-second steps from now)."""
    return str(pyotp.TOTP(secret).at(clock.now(), counter_offset=steps_ahead))


def wrong_code(secret: str) -> str:
    """A six-digit code that matches none of the steps the server accepts around now."""
    accepted = {code_at(secret, offset) for offset in (-2, -1, 0, 1, 2)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in accepted)


def signed_in_user_id(client: Client) -> str | None:
    value = client.session.get("_auth_user_id")
    return str(value) if value is not None else None


def audit_trail(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("seq"))
