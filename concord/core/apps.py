from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "concord.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.apps import apps

        # checks and sqlite register themselves on import.
        from concord.core import audit_guard, checks, guards, release, sqlite  # noqa: F401
        from concord.core.models import scope_relations

        guards.register(audit_guard.GUARD)

        release.connect()
        scope_relations(list(apps.get_models()))
