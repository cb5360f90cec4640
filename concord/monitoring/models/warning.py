"""Early warning: indicators watching the incidents, and the alerts they raise."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.monitoring.taxonomy import Category


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("More than N incidents in the window")
    RISE = "rise", _("A rise over the 90-day baseline, in per cent")


class AlertLevel(models.TextChoices):
    GREEN = "green", _("Green")
    ORANGE = "orange", _("Orange")
    RED = "red", _("Red")


class Indicator(LabelledModel):
    """What an analyst watches: incidents of a category in a region over a window, against two
    thresholds. Its label is the audience of its alerts: it counts only incidents that every
    reader of the indicator may read."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices,
                                blank=True)
    region = models.CharField(_("region"), max_length=32, blank=True)
    window_days = models.PositiveSmallIntegerField(_("window (days)"), default=7)
    kind = models.CharField(_("threshold"), max_length=8, choices=IndicatorKind.choices,
                            default=IndicatorKind.COUNT)
    orange = models.FloatField(_("orange above"))
    red = models.FloatField(_("red above"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(red__gte=F("orange")),
                                   name="monitoring_indicator_red_above_orange"),
            models.CheckConstraint(condition=Q(window_days__gte=1, window_days__lte=366),
                                   name="monitoring_indicator_window"),
        ]

    def __str__(self) -> str:
        return self.name


class Alert(LabelledModel):
    """A breach of an indicator's threshold, open until the indicator falls back to green. It
    carries the indicator's label."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("indicator",)
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="alerts")
    level = models.CharField(_("level"), max_length=8, choices=AlertLevel.choices)
    value = models.FloatField(_("observed"))
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    window_start = models.DateField(_("window from"))
    window_end = models.DateField(_("window to"))
    raised_at = models.DateTimeField(_("raised"))
    updated_at = models.DateTimeField(_("updated"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering: ClassVar = ["-raised_at"]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.level}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:alert-detail", args=[self.public_id])
