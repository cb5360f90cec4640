from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "concord.assistance"
    label = "assistance"
    verbose_name = _("Assistance")

    def ready(self) -> None:
        from concord.assistance.shell import SHELL
        from concord.core import shell

        shell.register(self.label, SHELL)
