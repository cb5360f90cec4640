"""The case's work: its duty team on shifts, its tasks, and the facilities under protection."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import Party
from concord.crisis.models.cases import Case


class DutyPosition(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="duty_team")
    position = models.CharField(_("position"), max_length=200)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("person"))
    shift_start = models.DateTimeField(_("shift from"))
    shift_end = models.DateTimeField(_("shift to"), null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["shift_start", "position"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(shift_end__isnull=True) | Q(shift_end__gt=F("shift_start")),
                name="crisis_dutyposition_shift"),
        ]

    def __str__(self) -> str:
        return self.position


class Task(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("owner"))
    contingent = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("contingent"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.OPEN)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["status", "deadline", "pk"]

    def __str__(self) -> str:
        return self.title


class Facility(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        GUARDED = "guarded", _("Under protection")
        HANDED_BACK = "handed_back", _("Handed back")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="facilities")
    name = models.CharField(_("facility"), max_length=300)
    contingent = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("contingent"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ASSIGNED)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["name"]
        verbose_name_plural = _("facilities")

    def __str__(self) -> str:
        return self.name
