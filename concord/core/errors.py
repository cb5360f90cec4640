"""Domain errors. Services raise these; the API and the pages map them in one place each."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.utils.translation import gettext_lazy as _

from concord.core.actors import Actor, acting, is_system

P = ParamSpec("P")
R = TypeVar("R")


class DomainError(Exception):
    status = 400
    title = _("Request cannot be processed")

    def __init__(self, detail: str = "", *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(detail or str(self.title))
        self.detail = detail or str(self.title)
        self.errors = errors or {}


class NotFound(DomainError):
    status = 404
    title = _("Not found")


class Forbidden(DomainError):
    status = 403
    title = _("Forbidden")


class Conflict(DomainError):
    status = 409
    title = _("Conflict")


class InvalidState(DomainError):
    status = 409
    title = _("Invalid state")


class TooManyRequests(DomainError):
    """An address refused too often by an endpoint that answers anyone; `retry_after` seconds."""

    status = 429
    title = _("Too many requests")

    def __init__(self, detail: str = "", *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class ValidationError(DomainError):
    """Bad input, with messages per field (`errors`), so that every interface can say where."""

    status = 422
    title = _("Invalid input")


def referenced(field: str, read: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """The record that a request's body or query names in `field` (given with its location, as
    `body.session` or `query.body`), read by the selector `read`. A path names the resource the
    request is about, and a missing one answers 404; a field naming a record that does not exist
    is a bad value of that field, refused with the field named. A record the caller may not see
    reads as missing, so it is refused in the same words."""
    try:
        return read(*args, **kwargs)
    except NotFound as missing:
        raise ValidationError(missing.detail, errors={field: [missing.detail]}) from None


class UnscopedQuery(RuntimeError):
    """A labelled model was queried without saying whose eyes the result is for."""


def require_permission(actor: Actor, permission: str) -> None:
    """Services call this first. `SYSTEM` (the set-up, the demo loader, scheduled work, the
    operator's CLI) passes; a signed-out user is AnonymousUser and is refused; no actor at all
    (None) is a mistake in the caller and raises `MissingActor`."""
    actor = acting(actor)
    if is_system(actor):
        return
    has_perm = getattr(actor, "has_perm", None)
    if has_perm is None or not getattr(actor, "is_active", False) or not has_perm(permission):
        raise Forbidden(str(_("You are not allowed to do this.")))
