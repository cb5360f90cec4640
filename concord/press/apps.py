from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "concord.press"
    label = "press"
    verbose_name = _("Press")

    def ready(self) -> None:
        from concord.core import shell
        from concord.press.shell import SHELL

        shell.register(self.label, SHELL)
