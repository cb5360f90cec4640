from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "concord.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.apps import apps

        # These modules register themselves (checks, converters, signal handlers) on import.
        from concord.core import audit_guard, checks, converters, guards, release, shell, sqlite  # noqa: F401
        from concord.core.models import scope_relations

        guards.register(audit_guard.GUARD)

        release.connect()
        converters.register()
        # The API is the project's, one for every app, so its entry is the kernel's.
        shell.register(self.label, shell.AppShell(entries=(shell.NavEntry(
            key="api", label=_("API"), icon="braces", order=900, url_name="api:openapi-view"),)))
        scope_relations(list(apps.get_models()))
