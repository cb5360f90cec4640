from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "concord.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from concord.core import checks, release, sqlite  # noqa: F401  (register on import)

        release.connect()
