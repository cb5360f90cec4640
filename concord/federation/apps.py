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

        # Mutual witnessing: its page and sentences, and the cosignatures `audit verify` holds
        # the chain against.
        from concord.core import checkpoint
        from concord.federation.selectors.witness import witness_check
        from concord.federation.witness_shell import SHELL as WITNESS_SHELL

        shell.register("federation.witness", WITNESS_SHELL)
        checkpoint.checkpoint_witnessed_by(witness_check)
