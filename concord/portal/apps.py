from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The front pages: the public overview and a user's dashboard. It sits above every domain
    app and only calls their selectors."""

    name = "concord.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from concord.core import shell
        from concord.portal.shell import SHELL

        shell.register(self.label, SHELL)
