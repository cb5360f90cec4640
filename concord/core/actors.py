"""Who acts and who reads: the types every service and selector signature speaks in.

An *actor* is whoever a service works for: a user (signed in or not, so that a signed-out caller
is refused by the permission check rather than mistaken for anyone) or `SYSTEM`, the system
itself acting on the operator's word (the set-up, the demo loader, scheduled work, the operator's
CLI). The system is always named: a service given no actor at all refuses to run, because a
forgotten argument must never read as "skip every check". Work a person started and the worker
finishes (an import) keeps that person as its actor.

A *viewer* is whoever a selector reads for: a user, or a `Reader` the policy made for a system
read (`concord.core.policy.system_viewer`, which states and audits its reason). `SYSTEM` is not
a viewer of labelled records: what the system reads beyond a user's eyes goes through the policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias, TypeGuard, TypeVar

from django.utils.translation import gettext_lazy as _

from concord.core.labels import Viewer as Reader

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


class SystemActor:
    """The one system actor. It holds no party, no clearance and no permission of its own: the
    checks that a system may pass are passed because it is the system, and its audit entries
    carry no user, as every system entry always has."""

    is_authenticated: Final = False
    is_active: Final = True
    username: Final = "system"

    _made = False

    def __new__(cls) -> SystemActor:
        if cls._made:
            raise TypeError("There is one system actor: use concord.core.actors.SYSTEM.")
        cls._made = True
        return super().__new__(cls)

    def __repr__(self) -> str:
        return "SYSTEM"

    def __reduce__(self) -> str:
        # Copied or pickled (a task's arguments), it stays the one object `is SYSTEM` tests.
        return "SYSTEM"


SYSTEM: Final = SystemActor()

# Written as strings: the auth models may not be imported before the app registry is ready, and
# these names are only ever read by the type checker.
User: TypeAlias = "AbstractBaseUser | AnonymousUser"
Actor: TypeAlias = "AbstractBaseUser | AnonymousUser | SystemActor"
Viewer: TypeAlias = "AbstractBaseUser | AnonymousUser | Reader"


class MissingActor(TypeError):
    """A service or an audit entry was given no actor: the caller must name a user or SYSTEM."""


def is_system(actor: object) -> TypeGuard[SystemActor]:
    return actor is SYSTEM


A = TypeVar("A")


def acting(actor: A | None) -> A | SystemActor:
    """`actor`, refused when it is missing (None): the system is `SYSTEM`, never the absence of
    an actor."""
    if actor is not None:
        return actor
    raise MissingActor("No actor given: pass the user, or SYSTEM for the system itself.")


def user_id(who: Actor | Viewer) -> int | None:
    """The key of the signed-in user behind `who`, what a record's "recorded by" column holds:
    None for the system, a system reader and a signed-out user."""
    if isinstance(who, SystemActor | Reader) or not who.is_authenticated:
        return None
    return int(who.pk)


def person(actor: Actor) -> AbstractBaseUser:
    """The signed-in user behind `actor`, for work that only a person does (the two-person rule
    of a lower label needs two people to tell apart); the system and a signed-out user are
    refused."""
    # Auth's models load only once the apps are ready, and errors imports this module.
    from django.contrib.auth.models import AnonymousUser  # noqa: PLC0415

    from concord.core.errors import Forbidden  # noqa: PLC0415

    if isinstance(actor, SystemActor | AnonymousUser) or not actor.is_authenticated:
        raise Forbidden(str(_("Only a signed-in person may do this.")))
    return actor
