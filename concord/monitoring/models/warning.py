"""Early warning: indicators watching the incidents, and the alerts they raise."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from concord.core.models import LabelledModel, Translated
from concord.monitoring.taxonomy import Category


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("Number of incidents in the window")
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
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name = Translated("name")
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
        ordering: ClassVar = ["name_ru"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(red__gte=F("orange")),
                                   name="monitoring_indicator_red_above_orange"),
            models.CheckConstraint(condition=Q(window_days__gte=1, window_days__lte=366),
                                   name="monitoring_indicator_window"),
        ]

    def __str__(self) -> str:
        return self.name

    def threshold_text(self, level: str) -> str:
        """What breaching the orange or red threshold means, with its figures, in words."""
        limit = self.red if level == AlertLevel.RED else self.orange
        window = ngettext("in %(days)d day", "in %(days)d days",
                          self.window_days) % {"days": self.window_days}
        if self.kind == IndicatorKind.RISE:
            rise = _("a rise of more than %(limit)s%%") % {"limit": f"{limit:g}"}
            return f"{rise} {window}"
        # A count above 12.5 is a count above 12: the next whole number meets the threshold.
        count = int(limit)
        above = ngettext("more than %(count)d incident", "more than %(count)d incidents",
                         count) % {"count": count}
        return f"{above} {window}"

    @property
    def orange_text(self) -> str:
        return self.threshold_text(AlertLevel.ORANGE)

    @property
    def red_text(self) -> str:
        return self.threshold_text(AlertLevel.RED)


class AlertState(models.TextChoices):
    """Where an alert stands for the analysts: raised and not yet seen, acknowledged by one of
    them, or ended (its indicator fell back to green)."""

    NEW = "new", _("New")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ENDED = "ended", _("Ended")


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
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("acknowledged by"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="assigned_alerts",
                                 verbose_name=_("assigned to"))

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering: ClassVar = ["-raised_at"]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.level}"

    @property
    def state(self) -> str:
        if self.ended_at is not None:
            return AlertState.ENDED
        return AlertState.ACKNOWLEDGED if self.acknowledged_at is not None else AlertState.NEW

    def get_state_display(self) -> str:
        return str(AlertState(self.state).label)

    def get_absolute_url(self) -> str:
        return reverse("monitoring:alert-detail", args=[self.public_id])
