from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForcesConfig(AppConfig):
    name = "concord.forces"
    label = "forces"
    verbose_name = _("Forces")

    def ready(self) -> None:
        # Formations, units, contributions and readiness.
        from concord.core import shell
        from concord.forces.shell import SHELL

        shell.register(self.label, SHELL)
