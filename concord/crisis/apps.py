from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "concord.crisis"
    label = "crisis"
    verbose_name = _("Crisis response")

    def ready(self) -> None:
        from concord.core import shell
        from concord.core.audit import audit_listen
        from concord.crisis.services.log import log_from_audit
        from concord.crisis.shell import SHELL

        shell.register(self.label, SHELL)
        audit_listen(log_from_audit)
