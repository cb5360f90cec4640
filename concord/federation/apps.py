from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "concord.federation"
    label = "federation"
    verbose_name = _("Federation")

    def ready(self) -> None:
        from concord.core import shell
        from concord.federation.shell import SHELL

        shell.register(self.label, SHELL)
