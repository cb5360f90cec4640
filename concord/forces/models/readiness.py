"""Readiness reports: per unit and dated, four axes on a four-level scale, the overall level
and its rule, notice to move, caveats, a forecast, and where the report came from."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.forces.models.units import Unit


class Level(models.IntegerChoices):
    """Higher is readier, so that the overall level is the lowest axis: a plain minimum."""

    NOT_READY = 1, _("Not ready")
    MARGINALLY = 2, _("Marginally ready")
    SUBSTANTIALLY = 3, _("Substantially ready")
    FULLY = 4, _("Fully ready")


AXES: tuple[str, ...] = ("personnel", "equipment", "training", "sustainment")


class SourceKind(models.TextChoices):
    STATE_REPORT = "state_report", _("Report by the state")
    EXERCISE_EVALUATION = "exercise_evaluation", _("Exercise evaluation")
    INSPECTION = "inspection", _("Inspection")
    OTHER = "other", _("Other source")


def lowest(levels: list[int | None]) -> int | None:
    """The overall level the rule gives: the lowest of the axes reported."""
    known = [level for level in levels if level is not None]
    return min(known) if known else None


class ReadinessReport(LabelledModel):
    """A unit's readiness on a day. Each report is kept: the latest by date is the unit's
    readiness, the earlier ones its history. An axis not given is carried over from the unit's
    previous report by the service, so that a report on training alone (an exercise evaluation)
    leaves the other axes as they stood."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("unit",)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="readiness_reports",
                             verbose_name=_("unit"))
    reported_on = models.DateField(_("reported on"))
    personnel = models.PositiveSmallIntegerField(_("personnel"), choices=Level.choices,
                                                 null=True, blank=True)
    equipment = models.PositiveSmallIntegerField(_("equipment on hand and condition"),
                                                 choices=Level.choices, null=True, blank=True)
    training = models.PositiveSmallIntegerField(_("training"), choices=Level.choices,
                                                null=True, blank=True)
    sustainment = models.PositiveSmallIntegerField(_("sustainment"), choices=Level.choices,
                                                   null=True, blank=True)
    # What the rule gives (the lowest axis) or, where the commander overrides it, the override;
    # stored so that lists sort and count by it.
    overall = models.PositiveSmallIntegerField(_("overall readiness"), choices=Level.choices)
    overridden = models.BooleanField(_("overall level overridden"), default=False)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    notice_to_move_days = models.PositiveSmallIntegerField(_("notice to move, days"), null=True,
                                                           blank=True)
    caveats = models.TextField(_("caveats"), blank=True)
    forecast_on = models.DateField(_("forecast date of the next change"), null=True, blank=True)
    forecast_level = models.PositiveSmallIntegerField(_("forecast overall level"),
                                                      choices=Level.choices, null=True,
                                                      blank=True)
    source_kind = models.CharField(_("source"), max_length=24, choices=SourceKind.choices,
                                   default=SourceKind.STATE_REPORT)
    source_text = models.CharField(_("source details"), max_length=300, blank=True)
    # The record the report comes from when Concord keeps it (an exercise's evaluation, by its
    # public identifier); a reference, not a key, so that no module depends on another's tables.
    source_ref = models.UUIDField(_("source reference"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("readiness report")
        verbose_name_plural = _("readiness reports")
        ordering: ClassVar = ["unit", "-reported_on", "-id"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(overridden=False) | ~Q(override_reason=""),
                name="forces_readiness_override_has_reason"),
            models.CheckConstraint(
                condition=Q(overall__gte=1) & Q(overall__lte=4),
                name="forces_readiness_overall_on_scale"),
        ]
        indexes: ClassVar = [models.Index(fields=["unit", "reported_on"])]

    def __str__(self) -> str:
        return f"{self.reported_on.isoformat()}: {self.get_overall_display()}"

    @property
    def rule_level(self) -> int | None:
        return lowest([getattr(self, axis) for axis in AXES])
