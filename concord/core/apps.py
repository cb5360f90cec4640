from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "concord.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.apps import apps

        from concord.core import checks, release, sqlite  # noqa: F401  (register on import)
        from concord.core.models import scope_relations

        release.connect()
        scope_relations(list(apps.get_models()))
