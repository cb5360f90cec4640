"""What the shell shows of each app, declared by the app itself.

Every app above core describes its part of the shell in its own `shell.py` (navigation, the
permissions it grants each role, its dashboard panels, the records whose label the label page
changes, the sentences that tell its audit actions) and registers it from its
AppConfig.ready(). The shell (base.html, the roles, the dashboard) reads only this registry, so
that core never names an app above it and a new module plugs in without editing core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString

Label = str | Promise


class Audience(StrEnum):
    """Who an entry or a panel is for, before any permission is asked."""

    EVERYONE = "everyone"
    SIGNED_IN = "signed-in"
    SIGNED_OUT = "signed-out"

    def admits(self, user: Any) -> bool:
        signed_in = bool(getattr(user, "is_authenticated", False))
        return (self is Audience.EVERYONE or (self is Audience.SIGNED_IN and signed_in)
                or (self is Audience.SIGNED_OUT and not signed_in))


class Place(StrEnum):
    """Where a navigation entry stands: in the main bar (alone or in a menu), or in the
    account corner (the signed-in user's menu, or the sign-in button for the public)."""

    BAR = "bar"
    ACCOUNT = "account"


def _page_url(url_name: str, script_prefix: str = "") -> str:
    if url_name.startswith("/"):
        return url_name
    return _reversed(url_name, script_prefix or get_script_prefix())


# The shell's pages take no arguments, so their URLs change only with the prefix the site is
# mounted under; reversing them anew on every page cost a tenth of a small page's time.
@lru_cache(maxsize=512)
def _reversed(url_name: str, script_prefix: str) -> str:
    return reverse(url_name)


@receiver(setting_changed)
def _forget_urls(*, setting: str, **kwargs: Any) -> None:
    # A test that swaps the URL configuration gets the shell's URLs from the new one.
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()


def _may_see(user: Any, audience: Audience, permission: str) -> bool:
    return audience.admits(user) and (not permission or bool(user.has_perm(permission)))


@dataclass(frozen=True)
class NavMenu:
    """A drop-down menu of the main bar. It is highlighted on every page of its URL namespace
    (`section`, the key by default) and shown only when one of its entries is."""

    key: str
    label: Label
    icon: str
    order: int
    url_name: str
    section: str = ""
    audience: Audience = Audience.EVERYONE

    @property
    def namespace(self) -> str:
        return self.section or self.key


@dataclass(frozen=True)
class NavEntry:
    """One link of the navigation. `url_name` is a view name, or a path when it starts with
    "/". The entry is the current one on every page whose view name starts with one of
    `active_on` (its own view name by default). A `post` entry is a button of a form, for
    actions that change state (signing out)."""

    key: str
    label: Label
    icon: str
    order: int
    url_name: str
    menu: str = ""
    place: Place = Place.BAR
    audience: Audience = Audience.EVERYONE
    permission: str = ""
    active_on: tuple[str, ...] = ()
    post: bool = False

    def is_active(self, view_name: str) -> bool:
        return bool(view_name) and any(view_name.startswith(prefix)
                                       for prefix in self.active_on or (self.url_name,))

    @property
    def form_id(self) -> str:
        return f"{self.key}-form"


@dataclass(frozen=True)
class RoleGrant:
    """Permissions (`app_label.codename`) that an app gives the holders of a role."""

    role: str
    permissions: tuple[str, ...]

    def __post_init__(self) -> None:
        # A role may be given as its choice member; the registry compares plain names.
        object.__setattr__(self, "role", str(self.role))


@dataclass(frozen=True)
class DashboardPanel:
    """A part of a signed-in user's dashboard: `template` rendered with what `context` returns
    for the request."""

    key: str
    order: int
    template: str
    context: Callable[[HttpRequest], Mapping[str, Any]]
    permission: str = ""
    audience: Audience = Audience.SIGNED_IN
    # A further test of the user, for a panel of one kind of party (a delegation's queue is not
    # the secretariat's, though both may hold the permission it asks).
    shown_to: Callable[[Any], bool] | None = None

    def admits(self, user: Any) -> bool:
        return _may_see(user, self.audience, self.permission) and (
            self.shown_to is None or self.shown_to(user))

    def render(self, request: HttpRequest) -> SafeString:
        return render_to_string(self.template, dict(self.context(request)), request=request)


@dataclass(frozen=True)
class Relabelled:
    """A labelled model (`app_label.model`) whose label the label page changes, for those who
    hold `permission` (the one its own edit page asks)."""

    model: str
    permission: str


@dataclass(frozen=True)
class Activity:
    """How an audit action (`council.document.sign`) reads on its actor's dashboard: `sentence`
    names its record as `%(record)s` (the record of `model`, "app_label.model", read through
    the viewer's scope and named by `name`, its text by default); `unnamed` tells it when the
    action has no record or the viewer may no longer read it."""

    action: str
    unnamed: Label
    sentence: Label = ""
    model: str = ""
    name: Callable[[Any], str] = str
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppShell:
    """Everything one app registers."""

    menus: tuple[NavMenu, ...] = ()
    entries: tuple[NavEntry, ...] = ()
    grants: tuple[RoleGrant, ...] = ()
    panels: tuple[DashboardPanel, ...] = ()
    relabelled: tuple[Relabelled, ...] = ()
    activities: tuple[Activity, ...] = ()
    home: str = ""


@dataclass
class ShellRegistry:
    apps: dict[str, AppShell] = field(default_factory=dict)

    def register(self, app_label: str, contribution: AppShell) -> None:
        """Record what `app_label` shows; registering again replaces it (ready() may run twice
        in a process that reloads its apps)."""
        others = {app: shell for app, shell in self.apps.items() if app != app_label}
        for kind, own, taken in (
                ("navigation entry", [e.key for e in contribution.entries],
                 {e.key for s in others.values() for e in s.entries}),
                ("menu", [m.key for m in contribution.menus],
                 {m.key for s in others.values() for m in s.menus}),
                ("dashboard panel", [p.key for p in contribution.panels],
                 {p.key for s in others.values() for p in s.panels}),
                ("activity", [a.action for a in contribution.activities],
                 {a.action for s in others.values() for a in s.activities})):
            clash = sorted(set(own) & taken) or sorted({k for k in own if own.count(k) > 1})
            if clash:
                raise ImproperlyConfigured(
                    f"{app_label} registers the {kind} {clash[0]!r}, which is already taken.")
        self.apps[app_label] = contribution

    def _all(self) -> list[AppShell]:
        return list(self.apps.values())

    def menus(self) -> list[NavMenu]:
        return sorted((m for s in self._all() for m in s.menus), key=lambda m: (m.order, m.key))

    def entries(self) -> list[NavEntry]:
        return sorted((e for s in self._all() for e in s.entries),
                      key=lambda e: (e.order, e.key))

    def home(self) -> str:
        names = [s.home for s in self._all() if s.home]
        return _page_url(names[0]) if names else "/"

    def role_permissions(self, role: str) -> set[str]:
        return {p for s in self._all() for g in s.grants if g.role == role
                for p in g.permissions}

    def granted_roles(self) -> set[str]:
        return {g.role for s in self._all() for g in s.grants}

    def panels_for(self, user: Any) -> list[DashboardPanel]:
        return sorted((p for s in self._all() for p in s.panels if p.admits(user)),
                      key=lambda p: (p.order, p.key))

    def panels_for_everyone(self) -> list[DashboardPanel]:
        """Every panel, whoever may see it (for the system checks)."""
        return sorted((p for s in self._all() for p in s.panels), key=lambda p: (p.order, p.key))

    def activity(self, action: str) -> Activity | None:
        """How `action` reads, or None when no app tells it (the caller falls back)."""
        for s in self._all():
            for a in s.activities:
                if a.action == action:
                    return a
        return None

    def relabel_permission(self, model: str) -> str | None:
        """The permission that changes the label of `model` from the label page, or None when
        that page does not relabel it."""
        for s in self._all():
            for r in s.relabelled:
                if r.model == model:
                    return r.permission
        return None


registry = ShellRegistry()


def register(app_label: str, contribution: AppShell) -> None:
    registry.register(app_label, contribution)


@dataclass(frozen=True)
class ShownEntry:
    """A navigation entry as one request sees it."""

    entry: NavEntry
    url: str
    active: bool
    is_menu = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.entry, name)


@dataclass(frozen=True)
class ShownMenu:
    menu: NavMenu
    url: str
    active: bool
    entries: list[ShownEntry]
    is_menu = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.menu, name)


@dataclass(frozen=True)
class Navigation:
    """The navigation of one page: the bar (entries and menus in order) and the account corner,
    each entry kept only when the user may see it."""

    home: str
    bar: list[ShownEntry | ShownMenu]
    account: list[ShownEntry]


def navigation_for(request: HttpRequest, shell: ShellRegistry | None = None) -> Navigation:
    shell = shell or registry
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    namespace = match.namespace if match else ""

    prefix = get_script_prefix()

    def shown(entries: Iterable[NavEntry]) -> list[ShownEntry]:
        return [ShownEntry(entry=e, url=_url(e, prefix), active=e.is_active(view_name))
                for e in entries if _may_see(user, e.audience, e.permission)]

    entries = shell.entries()
    menus = {m.key: m for m in shell.menus()}
    unknown = sorted({e.menu for e in entries if e.menu and e.menu not in menus})
    if unknown:
        raise ImproperlyConfigured(f"A navigation entry names the unknown menu {unknown[0]!r}.")
    placed: list[tuple[int, str, ShownEntry | ShownMenu]] = [
        (e.entry.order, e.entry.key, e)
        for e in shown(e for e in entries if e.place is Place.BAR and not e.menu)]
    for menu in menus.values():
        inside = shown(e for e in entries if e.menu == menu.key)
        if inside and menu.audience.admits(user):
            placed.append((menu.order, menu.key, ShownMenu(
                menu=menu, url=_page_url(menu.url_name, prefix), active=namespace == menu.namespace,
                entries=inside)))
    return Navigation(home=shell.home(), bar=[item for _, _, item in sorted(
                          placed, key=lambda p: (p[0], p[1]))],
                      account=shown(e for e in entries if e.place is Place.ACCOUNT))


def _url(entry: NavEntry, script_prefix: str) -> str:
    try:
        return _page_url(entry.url_name, script_prefix)
    except NoReverseMatch as missing:
        raise ImproperlyConfigured(
            f"The navigation entry {entry.key!r} leads to {entry.url_name!r}, which names no "
            "page.") from missing
