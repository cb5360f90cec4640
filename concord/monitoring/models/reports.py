"""Situation reports: what an analyst read of a period and region, labelled no lower than it."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.core.policy import Audience, stored_audience


class SituationReport(LabelledModel):
    """The periodic report on the situation in the area of responsibility: generated from the
    incidents and alerts of a period and region, then edited by the analyst. Its label is never
    below the highest label of what it aggregates (`label_floor`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    region = models.CharField(_("region"), max_length=32, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    assessment = models.TextField(_("assessment"), blank=True)
    conclusions = models.TextField(_("conclusions and proposals"), blank=True)
    # What the generator found, kept as it was so that the text edited around it stays true.
    content = models.JSONField(default=dict)
    label_floor = models.PositiveSmallIntegerField(default=0)
    floor_released_to_all = models.BooleanField(default=True)
    # The parties (Party.release_bit) able to read every labelled record the report aggregates:
    # the report may be released by name to these and no others.
    floor_release_mask = models.BigIntegerField(default=0)
    generated_at = models.DateTimeField(_("generated"), auto_now_add=True)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("situation report")
        verbose_name_plural = _("situation reports")
        ordering: ClassVar = ["-period_end", "-generated_at"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="monitoring_report_period"),
            models.CheckConstraint(condition=Q(classification__gte=F("label_floor")),
                                   name="monitoring_report_no_write_down"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:report-detail", args=[self.public_id])

    def floor_audience(self) -> Audience:
        return stored_audience(self.label_floor, self.floor_release_mask)
