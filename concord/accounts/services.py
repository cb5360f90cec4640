"""Every change to users, their second factor and their tokens; each one audited."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pyotp
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from concord.accounts.models import (
    ApiToken,
    LoginFailure,
    Role,
    TotpDevice,
    User,
    password_fingerprint,
)
from concord.core import clock
from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.busy import unless_busy
from concord.core.errors import Conflict, Forbidden, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry, Party

TOKEN_PREFIX = "cnc"  # noqa: S105  (a label on every token, not a secret)
# A token reads cnc_<prefix>_<secret>: the prefix finds its row, the secret proves it.
TOKEN_PARTS = ("label", "prefix", "secret")


@transaction.atomic
def user_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    party: Party,
    clearance: int,
    roles: list[str],
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    errors: dict[str, list[str]] = {}
    username = username.strip()
    if not username:
        errors["username"] = [_("A user name is required.")]
    elif User.objects.filter(username__iexact=username).exists():
        raise Conflict(_("A user named %(name)s already exists.") % {"name": username})
    if clearance not in Classification.values:
        errors["clearance"] = [_("Unknown clearance %(value)s.") % {"value": clearance}]
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        errors["roles"] = [_("Unknown role: %(role)s.") % {"role": ", ".join(unknown)}]
    candidate = User(username=username, email=email, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, candidate)
    except DjangoValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(_("The user cannot be created."), errors=errors)
    user = User.objects.create_user(
        username=username, password=password, email=email, first_name=first_name,
        last_name=last_name, party=party, clearance=clearance,
    )
    if roles:
        user.groups.set(Group.objects.filter(name__in=roles))
    audit_record(actor=actor, action="accounts.user.create", target=user,
                 detail={"party": party.code, "clearance": clearance, "roles": sorted(roles)})
    return user


@transaction.atomic
def user_deactivate(*, actor: Actor, user: User) -> User:
    """Ends every session and token of the user at once: both check `is_active` on each use.
    The tokens are revoked as well, so that reactivating the account brings none of them back."""
    if not user.is_active:
        return user
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, action="accounts.user.deactivate", target=user)
    token_revoke_all(actor=actor, user=user, reason="deactivation")
    return user


@transaction.atomic
def user_set_password(*, actor: Actor, user: User, password: str) -> User:
    """A new password ends the user's other sessions (their session hash no longer matches) and
    every token issued under the old one (its password fingerprint no longer matches)."""
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise ValidationError(_("The password was not changed."),
                              errors={"password": list(exc.messages)}) from exc
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action="accounts.user.set_password", target=user)
    return user


# --- Sign-in ----------------------------------------------------------------------------------

class SignInRefused(Exception):
    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.locked = locked


def _window_start() -> datetime:
    return clock.now() - timedelta(seconds=settings.CONCORD_LOCKOUT_SECONDS)


def sign_in_locked(*, username: str, client_address: str) -> bool:
    since = _window_start()
    recent = LoginFailure.objects.filter(at__gte=since)
    pair = recent.filter(username__iexact=username, client_address=client_address).count()
    if pair >= settings.CONCORD_LOCKOUT_THRESHOLD:
        return True
    return recent.filter(client_address=client_address).count() >= settings.CONCORD_ADDRESS_THRESHOLD


@transaction.atomic
def sign_in_failure_record(*, username: str, client_address: str, reason: str) -> None:
    LoginFailure.objects.create(username=username[:150], client_address=client_address, at=clock.now())
    audit_record(actor=AnonymousUser(), action="accounts.sign_in", target_type="accounts.user",
                 target_id=username[:100], outcome=AuditEntry.Outcome.FAILURE,
                 detail={"reason": reason})


def password_check(*, request: Any, username: str, password: str, client_address: str) -> User:
    """First step of signing in. Raises SignInRefused with the same words for a wrong name and a
    wrong password, so that the form reveals nothing about which accounts exist."""
    if sign_in_locked(username=username, client_address=client_address):
        audit_record(actor=AnonymousUser(), action="accounts.sign_in", target_type="accounts.user",
                     target_id=username[:100], outcome=AuditEntry.Outcome.DENIED,
                     detail={"reason": "locked"})
        raise SignInRefused(_("Too many failed attempts. Try again later."), locked=True)
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User):
        sign_in_failure_record(username=username, client_address=client_address,
                               reason="password")
        raise SignInRefused(_("The user name or password is not correct."))
    return user


@transaction.atomic
def sign_in_complete(*, user: User, client_address: str) -> None:
    LoginFailure.objects.filter(username__iexact=user.username,
                                client_address=client_address).delete()
    audit_record(actor=user, action="accounts.sign_in", target=user)


@transaction.atomic
def sign_out_record(*, user: User) -> None:
    audit_record(actor=user, action="accounts.sign_out", target=user)


# --- Second factor ----------------------------------------------------------------------------

def totp_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name="Concord")


def totp_new_secret() -> str:
    return pyotp.random_base32()


TOTP_DIGITS = 6


def _matching_step(secret: str, code: str, after: int) -> int | None:
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == TOTP_DIGITS):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(clock.now().timestamp()) // totp.interval
    for step in (now_step - 1, now_step, now_step + 1):  # one step of clock drift either way
        if step > after and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


# The two functions below are not atomic as a whole: a wrong code must leave its failure (and
# audit entry) committed, which a transaction around the refusal would roll back.

def totp_enrol(*, user: User, secret: str, code: str, client_address: str) -> TotpDevice:
    step = _matching_step(secret, code, after=0)
    if step is None:
        sign_in_failure_record(username=user.username, client_address=client_address,
                               reason="second factor enrolment")
        raise ValidationError(_("The code does not match. Check the device's clock and retry."),
                              errors={"code": [_("The code does not match.")]})
    with transaction.atomic():
        if hasattr(user, "totp_device"):
            raise Conflict(_("A second factor is already set up for this account."))
        device = TotpDevice.objects.create(user=user, secret=secret, confirmed_at=clock.now(),
                                           last_step=step)
        audit_record(actor=user, action="accounts.totp.enrol", target=user)
    return device


def totp_verify(*, user: User, code: str, client_address: str) -> None:
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().get(user=user)
        step = _matching_step(device.secret, code, after=device.last_step)
        if step is not None:
            TotpDevice.objects.filter(pk=device.pk).update(last_step=step)
            return
    sign_in_failure_record(username=user.username, client_address=client_address,
                           reason="second factor")
    raise ValidationError(_("The code is not correct."),
                          errors={"code": [_("The code is not correct.")]})


# --- API tokens -------------------------------------------------------------------------------

def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str


@transaction.atomic
def token_create(*, actor: Actor, user: User, name: str, days: int | None = None,
                 read_only: bool = False) -> IssuedToken:
    if not user.is_active:
        raise Forbidden(_("Tokens cannot be issued to a deactivated user."))
    if not name.strip():
        raise ValidationError(_("The token needs a name."), errors={"name": [_("Required.")]})
    # The stored hash, not the instance's: a token stamped with a stale one would be born dead.
    encoded = User.objects.filter(pk=user.pk).values_list("password", flat=True).get()
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    plaintext = f"{TOKEN_PREFIX}_{prefix}_{secret}"
    expires = clock.now() + timedelta(days=days) if days else None
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=prefix,
                                    digest=_digest(plaintext), expires_at=expires,
                                    read_only=read_only,
                                    password_fingerprint=password_fingerprint(encoded))
    audit_record(actor=actor, action="accounts.token.create", target=token,
                 detail={"user": user.username, "prefix": prefix, "read_only": read_only})
    return IssuedToken(token=token, plaintext=plaintext)


@transaction.atomic
def token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="accounts.token.revoke", target=token)
    return token


@transaction.atomic
def token_revoke_all(*, actor: Actor, user: User, reason: str = "") -> int:
    """Revokes every token of the user not revoked yet; returns how many. Nothing to revoke is
    no change, and leaves no entry."""
    live = ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    prefixes = sorted(live.values_list("prefix", flat=True))
    if not prefixes:
        return 0
    ApiToken.objects.filter(user=user, prefix__in=prefixes).update(revoked_at=clock.now())
    detail: dict[str, Any] = {"user": user.username, "prefixes": prefixes}
    if reason:
        detail["reason"] = reason
    audit_record(actor=actor, action="accounts.token.revoke_all", target=user, detail=detail)
    return len(prefixes)


def token_authenticate(plaintext: str) -> ApiToken | None:
    """The token that `plaintext` is, with its user, if it works now; None otherwise."""
    parts = plaintext.split("_", 2)
    if len(parts) != len(TOKEN_PARTS) or parts[0] != TOKEN_PREFIX:
        return None
    token = (ApiToken.objects.select_related("user", "user__party")
             .filter(prefix=parts[1]).first())
    if token is None or not hmac.compare_digest(token.digest, _digest(plaintext)):
        return None
    now = clock.now()
    if token.state_at(now) != ApiToken.State.ACTIVE:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        # Only a trace of use: a busy database skips it rather than keep the caller waiting.
        unless_busy(lambda: ApiToken.objects.filter(pk=token.pk).update(last_used_at=now))
    return token
