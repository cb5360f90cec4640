from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "concord.council"
    label = "council"
    verbose_name = _("Council")

    def ready(self) -> None:
        from concord.core import shell
        from concord.council.shell import SHELL

        shell.register(self.label, SHELL)
