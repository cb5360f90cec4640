"""A crisis case: one emergency the organization responds to, from the first warning or appeal
through the Council's decision to the withdrawal, and the records it draws together."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Party


class Case(LabelledModel):
    class Type(models.TextChoices):
        AGGRESSION = "aggression", _("Armed aggression or threat (Article 4)")
        TERRORISM = "terrorism", _("Terrorism")
        UNREST = "unrest", _("Mass unrest")
        NATURAL = "natural", _("Natural emergency")
        MAN_MADE = "man_made", _("Man-made emergency")

    class Severity(models.TextChoices):
        # The severities of EDXL and CAP, so that what leaves the case needs no mapping.
        MINOR = "minor", _("Minor")
        MODERATE = "moderate", _("Moderate")
        SEVERE = "severe", _("Severe")
        EXTREME = "extreme", _("Extreme")

    class Phase(models.TextChoices):
        MONITORING = "monitoring", _("Monitoring")
        CONSULTATION = "consultation", _("Consultation")
        DECISION = "decision", _("Decision")
        RESPONSE = "response", _("Response")
        STABILISATION = "stabilisation", _("Stabilisation")
        WITHDRAWAL = "withdrawal", _("Withdrawal")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        ALERT = "alert", _("An alert")
        CLUSTER = "cluster", _("An incident cluster")
        REQUEST = "request", _("A request for assistance")
        HAND = "hand", _("By hand")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    type = models.CharField(_("type"), max_length=16, choices=Type.choices)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices,
                             default=Phase.MONITORING)
    opened_from = models.CharField(_("opened from"), max_length=16, choices=Source.choices,
                                   default=Source.HAND)
    affected_states = models.ManyToManyField(Party, related_name="+",
                                             verbose_name=_("affected states"))
    legal_basis = models.TextField(_("legal basis"), blank=True)
    # The area: a GeoJSON geometry when one was drawn, otherwise a point and a radius.
    area = models.JSONField(_("area (GeoJSON)"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    radius_km = models.FloatField(_("radius (km)"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("opened by"))

    class Meta:
        verbose_name = _("crisis case")
        verbose_name_plural = _("crisis cases")
        ordering: ClassVar = ["-opened_at"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="crisis_case_latitude"),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="crisis_case_longitude"),
            models.CheckConstraint(condition=Q(radius_km__isnull=True) | Q(radius_km__gt=0),
                                   name="crisis_case_radius"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("crisis:case-detail", args=[self.public_id])

    @property
    def is_open(self) -> bool:
        return self.phase != self.Phase.CLOSED


class PhaseChange(models.Model):
    """One step of a case from a phase to the next: who moved it, when and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(_("from"), max_length=16, choices=Case.Phase.choices)
    to_phase = models.CharField(_("to"), max_length=16, choices=Case.Phase.choices)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering: ClassVar = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_phase} → {self.to_phase}"


class CaseLink(models.Model):
    """A record of another app that belongs to the case, named as the audit chain names its
    targets (`monitoring.alert` and its public id), so that every audited change of it is
    written to the case's log."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64)
    linked_at = models.DateTimeField()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case", "target_type", "target_id"],
                                    name="crisis_caselink_once"),
        ]
        indexes: ClassVar = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.target_type} {self.target_id}"


class ClockFact(models.Model):
    """A moment the response is measured by, the same for every case so that cases compare."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request received")
        DECISION = "decision", _("Decision taken")
        FIRST_DEPLOYMENT = "first_deployment", _("First deployment")
        OBJECTIVES = "objectives", _("Objectives met")
        WITHDRAWN = "withdrawn", _("Withdrawal complete")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(_("fact"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("at"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case", "kind"], name="crisis_clockfact_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.at.isoformat()}"
