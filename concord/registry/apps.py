from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "concord.registry"
    label = "registry"
    verbose_name = _("Registry")

    def ready(self) -> None:
        from concord.core import shell
        from concord.registry.shell import SHELL

        shell.register(self.label, SHELL)
