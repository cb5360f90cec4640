"""How a signed-in request finds its user."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

# What the session records as the backend that signed the user in.
PATH = "concord.accounts.backends.AccountBackend"


class AccountBackend(ModelBackend):
    """Django's own check of the password and the permissions; the user of each signed-in
    request is read with its party, which the label rule asks for on every request (one query
    fewer a request)."""

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("party").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
