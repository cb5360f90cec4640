from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import datetime
from functools import cached_property
from typing import ClassVar

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core import clock
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.policy import second_factor_required


class Role(models.TextChoices):
    """Roles are Django groups of these names; their permissions are set by `roles.sync`."""

    SECRETARIAT_OFFICER = "secretariat_officer", _("Secretariat officer")
    SECRETARY_GENERAL = "secretary_general", _("Secretary General")
    DELEGATE = "delegate", _("Delegate of a member state")
    JOINT_STAFF_OFFICER = "joint_staff_officer", _("Joint Staff officer")
    CRISIS_ANALYST = "crisis_analyst", _("Crisis centre analyst")
    PRESS_OFFICER = "press_officer", _("Press officer")


class User(AbstractUser):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="users",
        verbose_name=_("party"),
    )
    clearance = models.PositiveSmallIntegerField(
        _("clearance"), choices=Classification.choices, default=Classification.OFFICIAL_USE
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @cached_property
    def party_kind(self) -> str | None:
        return self.party.kind if self.party_id and self.party else None

    @property
    def needs_second_factor(self) -> bool:
        return second_factor_required(self.clearance) or hasattr(self, "totp_device")

    @cached_property
    def role_names(self) -> list[str]:
        return sorted(self.groups.values_list("name", flat=True))

    @property
    def roles(self) -> list[Role]:
        """The user's roles in their declared order; each reads as `role.label` in the page's
        language, where the group name is only a code."""
        held = set(self.role_names)
        return [role for role in Role if role.value in held]

    def has_role(self, role: Role) -> bool:
        return role.value in self.role_names

    def check_password(self, raw_password: str) -> bool:
        def rehash(raw: str) -> None:
            # A hasher upgrade at sign-in rewrites the hash, not the password: the tokens
            # issued under the old hash move to the new one instead of ending with it.
            before = password_fingerprint(self.password)
            self.set_password(raw)
            self._password = None  # not a password change, as Django's own setter says
            self.save(update_fields=["password"])
            self.api_tokens.filter(password_fingerprint=before).update(
                password_fingerprint=password_fingerprint(self.password))

        return check_password(raw_password, self.password, rehash)


def password_fingerprint(encoded: str) -> str:
    """What a token keeps of its owner's password hash at issue: any new password (through a
    service, `set_password`, `changepassword` or a raw UPDATE) gives a new salted hash, so the
    token stops matching. Unkeyed on purpose: it reveals nothing the hash beside it does not,
    and rotating the secret key must not end every token."""
    return hashlib.sha256(b"concord.accounts.api-token:" + encoded.encode("utf-8")).hexdigest()


class TotpDevice(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last accepted 30-second step: a code is accepted once, never replayed.
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("second factor")
        default_permissions = ()

    def __str__(self) -> str:
        return f"TOTP for {self.user}"


class ApiToken(models.Model):
    """A bearer token. Only a SHA-256 digest is kept: the token itself is shown once. It works
    while it is neither revoked nor expired, its owner is active and their password is the one
    it was issued under; a read-only token works for safe methods only."""

    class State(models.TextChoices):
        ACTIVE = "active", _("active")
        REVOKED = "revoked", _("revoked")
        EXPIRED = "expired", _("expired")
        PASSWORD_CHANGED = "password-changed", _("ended by a password change")
        DEACTIVATED = "deactivated", _("ended by deactivation")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    read_only = models.BooleanField(_("read only"), default=False)
    password_fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def state_at(self, now: datetime) -> ApiToken.State:
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at is not None and self.expires_at <= now:
            return self.State.EXPIRED
        if not self.user.is_active:
            return self.State.DEACTIVATED
        if not hmac.compare_digest(self.password_fingerprint,
                                   password_fingerprint(self.user.password)):
            return self.State.PASSWORD_CHANGED
        return self.State.ACTIVE

    @property
    def state(self) -> ApiToken.State:
        return self.state_at(clock.now())


class LoginFailure(models.Model):
    """A failed sign-in, keyed by the name tried and the address it came from, so that failures
    from one place never lock the same account out for someone elsewhere."""

    username = models.CharField(max_length=150)
    client_address = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()
        indexes: ClassVar = [models.Index(fields=["username", "client_address", "at"]),
                             models.Index(fields=["client_address", "at"])]

    def __str__(self) -> str:
        return f"{self.username} from {self.client_address} at {self.at:%Y-%m-%d %H:%M}"
