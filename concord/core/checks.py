"""System checks that keep the security model's invariants true as apps are added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.core import checks
from django.db import DEFAULT_DB_ALIAS, DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from concord.core import shell
from concord.core.guards import guards_inspect
from concord.core.models import LabelledModel, LabelledQuerySet
from concord.core.shell import NavEntry, NavMenu


@checks.register(checks.Tags.security)
def labelled_models_use_scoped_manager(**kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model in apps.get_models():
        if not issubclass(model, LabelledModel):
            continue
        manager = model._default_manager
        if not isinstance(manager.get_queryset(), LabelledQuerySet):
            errors.append(
                checks.Error(
                    f"{model._meta.label}'s default manager does not refuse unscoped queries.",
                    hint="Keep LabelledModel's `objects` manager as the first manager.",
                    obj=model,
                    id="concord.E001",
                )
            )
    return errors


@checks.register(checks.Tags.security, checks.Tags.database, "guards")
def database_guards_present(
    databases: Sequence[str] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Every registered database guard is in place: run by `concord serve` at start-up and by
    `concord check`, which pass no database, so the default one is looked at then."""
    messages: list[checks.CheckMessage] = []
    for alias in databases or [DEFAULT_DB_ALIAS]:
        try:
            states = guards_inspect(using=alias)
        except DatabaseError as error:
            messages.append(checks.Warning(
                f"The database guards of database {alias!r} could not be read: {error}",
                hint="Check the database settings, then `concord guards check`.",
                id="concord.W001",
            ))
            continue
        for state in states:
            for problem in state.problems:
                guard = problem.guard
                repair = "recreates it, audited"
                if guard.after_repair is not None:
                    repair += ", and puts right what was written while it was missing"
                messages.append(checks.Error(
                    f"Database guard {guard.name} ({guard.purpose}): {problem}.",
                    hint=f"Run `concord guards repair`: it {repair}.",
                    obj=alias,
                    id="concord.E002" if problem.missing else "concord.E003",
                ))
    return messages


@checks.register(checks.Tags.urls)
def shell_entries_lead_to_pages(**kwargs: Any) -> list[checks.CheckMessage]:
    """Every navigation entry and menu an app registers names a page that exists, so that a
    typo in an app's shell.py stops `check` rather than the first page that draws the menu."""
    errors: list[checks.CheckMessage] = []
    # Read from the module when the check runs: a test puts another registry in its place.
    registry = shell.registry
    menus = {menu.key for menu in registry.menus()}
    items: list[NavMenu | NavEntry] = [*registry.menus(), *registry.entries()]
    for item in items:
        if item.url_name.startswith("/"):
            continue
        try:
            reverse(item.url_name)
        except NoReverseMatch:
            errors.append(checks.Error(
                f"The navigation item {item.key!r} leads to {item.url_name!r}, which names no "
                "page.", hint="Name a page without arguments, or a path.", id="concord.E010"))
    errors.extend(
        checks.Error(f"The navigation entry {entry.key!r} names the unknown menu {entry.menu!r}.",
                     id="concord.E011")
        for entry in registry.entries() if entry.menu and entry.menu not in menus)
    for panel in registry.panels_for_everyone():
        try:
            get_template(panel.template)
        except TemplateDoesNotExist:
            errors.append(checks.Error(
                f"The dashboard panel {panel.key!r} renders {panel.template!r}, which does not "
                "exist.", id="concord.E012"))
    return errors
