"""The after-action review of a closed case: what went as planned and what did not, and the
lessons drawn, each carried from an observation to a lesson learned as the forces carry the
lessons of their exercises. The review is read by whoever reads the case."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import Party
from concord.crisis.models.cases import Case


class Review(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="review")
    went_as_planned = models.TextField(_("what went as planned"), blank=True)
    went_otherwise = models.TextField(_("what did not go as planned"), blank=True)
    written_at = models.DateTimeField(_("written"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return str(self.case)


class CaseLesson(models.Model):
    class Status(models.TextChoices):
        OBSERVATION = "observation", _("Observation")
        IDENTIFIED = "identified", _("Lesson identified")
        ACTION = "action", _("Remedial action")
        LEARNED = "learned", _("Lesson learned")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="lessons")
    number = models.PositiveSmallIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.OBSERVATION)
    observation = models.TextField(_("observation"))
    lesson = models.TextField(_("lesson"), blank=True)
    action = models.TextField(_("remedial action"), blank=True)
    addressee = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("addressee"))
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    learned_on = models.DateField(_("learned"), null=True, blank=True)
    # The day the addressee was told the action is overdue: told once, not every day.
    overdue_notified_on = models.DateField(null=True, blank=True)
    observed_at = models.DateTimeField(_("observed"))

    class Meta:
        ordering: ClassVar = ["case", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case", "number"], name="crisis_lesson_number"),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    def is_overdue(self, on: date) -> bool:
        """A remedial action not done by its deadline, as an instruction past its day."""
        return (self.status == self.Status.ACTION and self.due_on is not None
                and self.due_on < on)
