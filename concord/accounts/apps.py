from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "concord.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from concord.accounts.roles import roles_sync
        from concord.accounts.shell import SHELL
        from concord.core import shell

        shell.register(self.label, SHELL)

        post_migrate.connect(roles_sync, sender=self, dispatch_uid="concord-roles-sync")
