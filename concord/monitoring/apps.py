from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "concord.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from concord.core import guards, shell
        from concord.monitoring import tally, text_index
        from concord.monitoring.shell import SHELL

        guards.register(tally.GUARD)
        guards.register(text_index.GUARD)
        shell.register(self.label, SHELL)
