from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForcesConfig(AppConfig):
    name = "concord.forces"
    label = "forces"
    verbose_name = _("Forces")
