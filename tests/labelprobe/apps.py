from __future__ import annotations

from django.apps import AppConfig


class LabelProbeConfig(AppConfig):
    name = "tests.labelprobe"
    label = "labelprobe"
