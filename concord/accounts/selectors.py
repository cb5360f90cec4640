"""Every read of users and their API tokens. The system (`SYSTEM`: the operator's CLI, the set-up,
the second step of signing in) reads any account; a person reads the accounts of their own party
and only their own tokens."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.accounts.models import ApiToken, User
from concord.core.actors import SystemActor, Viewer, acting, is_system
from concord.core.errors import NotFound


def user_list(*, viewer: Viewer | SystemActor, active_only: bool = True) -> QuerySet[User]:
    viewer = acting(viewer)
    users = User.objects.select_related("party")
    if active_only:
        users = users.filter(is_active=True)
    if not is_system(viewer):
        party_id = getattr(viewer, "party_id", None)
        if party_id is None:
            return users.none()
        users = users.filter(party_id=party_id)
    return users.order_by("username")


def user_get(*, viewer: Viewer | SystemActor, username: str = "", pk: int | None = None,
             active_only: bool = True) -> User:
    """One account by its user name (as typed: case does not matter) or its key."""
    users = user_list(viewer=viewer, active_only=active_only)
    found = (users.filter(pk=pk) if pk is not None
             else users.filter(username__iexact=username)).first()
    if found is None:
        raise NotFound(_("No user %(username)s.") % {"username": username or pk})
    return found


def user_exists(*, username: str) -> bool:
    """Whether the user name is taken, by an active account or not (names are never reused)."""
    return User.objects.filter(username__iexact=username).exists()


def token_list(*, viewer: User) -> QuerySet[ApiToken]:
    return viewer.api_tokens.order_by("-created_at")


def token_get(*, viewer: User, public_id: uuid.UUID) -> ApiToken:
    token = token_list(viewer=viewer).filter(public_id=public_id).first()
    if token is None:
        raise NotFound(_("No such token."))
    return token


def token_has_live(*, viewer: User) -> bool:
    return token_list(viewer=viewer).filter(revoked_at__isnull=True).exists()


def token_get_by_prefix(*, prefix: str) -> ApiToken:
    """The operator's way to a token: by the prefix its owner sees in their list."""
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None:
        raise NotFound(_("No token with prefix %(prefix)s.") % {"prefix": prefix})
    return token
