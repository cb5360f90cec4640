from __future__ import annotations

from collections.abc import Callable

import pyotp
import pytest

from concord.accounts import services
from concord.accounts.models import TotpDevice, User
from concord.accounts.tests.sign_in_steps import code_at


@pytest.fixture
def enrolled(db: None) -> Callable[[User], str]:
    """Give a user a confirmed second factor, as the enrolment page would; returns its secret."""

    def enrol(user: User) -> str:
        secret = pyotp.random_base32()
        device: TotpDevice = services.totp_enrol(user=user, secret=secret, code=code_at(secret),
                                                 client_address="local")
        user.refresh_from_db()
        assert device.user_id == user.pk
        return secret

    return enrol
