"""The shell's registry: what an app registers is shown to whom it is meant for, in its order,
and a mistake in a registration stops start-up naming it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import resolve

from concord.core import shell
from concord.core.checks import shell_entries_lead_to_pages


def _request(path: str, user):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path)
    return request


def _press_like_module() -> shell.ShellRegistry:
    """A registry as a new module would fill it: a menu for everyone with one entry for the
    signed-in holders of a permission, one public entry, and a panel for that permission."""
    registry = shell.ShellRegistry()
    registry.register("press", shell.AppShell(
        menus=(shell.NavMenu(key="press", label="Press", icon="newspaper", order=50,
                             url_name="registry:body-list", section="registry"),),
        entries=(
            shell.NavEntry(key="press-desk", menu="press", label="Desk", icon="pen", order=20,
                           url_name="registry:official-list",
                           permission="registry.change_official",
                           audience=shell.Audience.SIGNED_IN),
            shell.NavEntry(key="press-news", menu="press", label="News", icon="rss", order=10,
                           url_name="registry:body-list", active_on=("registry:body-",)),
            shell.NavEntry(key="press-feed", label="Feed", icon="rss", order=5,
                           url_name="/feed.atom"),
        ),
        grants=(shell.RoleGrant(role="press_officer", permissions=("registry.add_body",)),),
        panels=(shell.DashboardPanel(key="press-queue", order=5, template="x.html",
                                     context=lambda request: {}, permission="registry.change_official"),),
    ))
    return registry


def test_it_shows_the_public_only_what_is_for_everyone(personas):
    navigation = shell.navigation_for(_request("/registry/bodies/", AnonymousUser()),
                                      _press_like_module())

    assert [(item.key, item.url) for item in navigation.bar] == [
        ("press-feed", "/feed.atom"), ("press", "/registry/bodies/")]
    assert [(e.key, e.active) for e in navigation.bar[1].entries] == [("press-news", True)]
    assert navigation.bar[1].active


def test_it_shows_an_entry_to_those_who_hold_its_permission(personas):
    registry = _press_like_module()
    for user, desk in ((personas.officer, True), (personas.analyst, False)):
        menu = shell.navigation_for(_request("/council/sessions/", user), registry).bar[1]
        assert ("press-desk" in [e.key for e in menu.entries]) is desk
        assert not menu.active
        assert [p.key for p in registry.panels_for(user)] == (["press-queue"] if desk else [])


def test_it_hides_a_menu_none_of_whose_entries_the_user_may_see(personas):
    registry = shell.ShellRegistry()
    registry.register("press", shell.AppShell(
        menus=(shell.NavMenu(key="press", label="Press", icon="newspaper", order=50,
                             url_name="registry:body-list"),),
        entries=(shell.NavEntry(key="press-desk", menu="press", label="Desk", icon="pen",
                                order=20, url_name="registry:official-list",
                                audience=shell.Audience.SIGNED_IN),)))

    assert shell.navigation_for(_request("/registry/states/", AnonymousUser()), registry).bar == []


def test_it_collects_a_roles_permissions_from_every_app():
    registry = _press_like_module()
    registry.register("wire", shell.AppShell(grants=(shell.RoleGrant(
        role="press_officer", permissions=("registry.change_body",)),)))

    assert registry.role_permissions("press_officer") == {"registry.add_body",
                                                          "registry.change_body"}
    assert registry.role_permissions("delegate") == set()


def test_it_refuses_a_key_another_app_registered_naming_both():
    registry = _press_like_module()
    with pytest.raises(ImproperlyConfigured, match="wire registers the navigation entry "
                                                   "'press-news', which is already taken"):
        registry.register("wire", shell.AppShell(entries=(shell.NavEntry(
            key="press-news", label="News", icon="rss", order=1, url_name="/news/"),)))


def test_it_shows_a_panel_only_to_the_kind_of_user_it_is_for(personas):
    registry = shell.ShellRegistry()
    registry.register("press", shell.AppShell(panels=(shell.DashboardPanel(
        key="press-states", order=5, template="x.html", context=lambda request: {},
        shown_to=lambda user: user.party.kind == "state"),)))

    assert [p.key for p in registry.panels_for(personas.delegate_a)] == ["press-states"]
    assert registry.panels_for(personas.officer) == []


def test_it_refuses_a_second_app_telling_the_same_audit_action():
    registry = _press_like_module()
    registry.register("press", shell.AppShell(activities=(shell.Activity(
        "press.news.publish", "You published news."),)))

    with pytest.raises(ImproperlyConfigured, match=r"wire registers the activity "
                                                   r"'press\.news\.publish', which is already"):
        registry.register("wire", shell.AppShell(activities=(shell.Activity(
            "press.news.publish", "You published a wire."),)))
    told = registry.activity("press.news.publish")
    assert told is not None and told.unnamed == "You published news."
    assert registry.activity("press.news.withdraw") is None


def test_it_names_an_entry_that_leads_nowhere(personas):
    registry = shell.ShellRegistry()
    registry.register("press", shell.AppShell(entries=(shell.NavEntry(
        key="press-news", label="News", icon="rss", order=1, url_name="press:news"),)))

    with pytest.raises(ImproperlyConfigured, match="'press-news' leads to 'press:news'"):
        shell.navigation_for(_request("/registry/states/", AnonymousUser()), registry)


def test_it_passes_the_checks_with_every_app_registered():
    assert shell_entries_lead_to_pages() == []
    assert {"core", "accounts", "registry", "council", "monitoring", "portal"} <= set(
        shell.registry.apps)


def test_it_names_in_the_checks_an_entry_that_leads_nowhere(monkeypatch):
    registry = shell.ShellRegistry()
    registry.register("press", shell.AppShell(entries=(
        shell.NavEntry(key="press-news", label="News", icon="rss", order=1,
                       url_name="press:news", menu="press"),)))
    monkeypatch.setattr(shell, "registry", registry)

    assert [(e.id, e.msg) for e in shell_entries_lead_to_pages()] == [
        ("concord.E010", "The navigation item 'press-news' leads to 'press:news', which names "
                         "no page."),
        ("concord.E011", "The navigation entry 'press-news' names the unknown menu 'press'."),
    ]
