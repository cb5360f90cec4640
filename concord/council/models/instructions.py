"""Instructions of decisions, the addressees' progress reports, and the reports on implementation
made to the next session."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Party, Translated
from concord.council.models.documents import Document
from concord.council.models.sessions import Session
from concord.registry.models import Body, MemberState


class Instruction(LabelledModel):
    """What a decision tells someone to do. Labelled at least as high as its decision."""

    class Addressee(models.TextChoices):
        BODY = "body", _("A body")
        SECRETARIAT = "secretariat", _("The Secretariat")
        STATE = "state", _("A member state")
        ALL_STATES = "all_states", _("All member states")

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        OVERDUE = "overdue", _("Overdue")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN: ClassVar[tuple[str, ...]] = ("assigned", "in_progress", "overdue")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("document",)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="instructions",
                                 verbose_name=_("decision"))
    number = models.PositiveSmallIntegerField(_("number"))
    text_ru = models.TextField(_("text (Russian)"))
    text_en = models.TextField(_("text (English)"))
    addressee_kind = models.CharField(_("addressee"), max_length=16, choices=Addressee.choices)
    addressee_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("body addressed"))
    addressee_state = models.ForeignKey(MemberState, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("state addressed"))
    deadline_on = models.DateField(_("fixed deadline"), null=True, blank=True)
    deadline_months = models.PositiveSmallIntegerField(_("within months of adoption"), null=True,
                                                       blank=True)
    deadline_days = models.PositiveSmallIntegerField(_("within days of adoption"), null=True,
                                                     blank=True)
    # Resolved from the relative deadline once the decision is adopted.
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ASSIGNED)
    overdue_notified_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering: ClassVar = ["document", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "number"],
                                    name="council_instruction_number_unique"),
            models.CheckConstraint(
                condition=Q(deadline_on__isnull=True)
                | (Q(deadline_months__isnull=True) & Q(deadline_days__isnull=True)),
                name="council_instruction_one_kind_of_deadline"),
        ]

    def __str__(self) -> str:
        # Read for a viewer who may not read its decision, the instruction has no decision.
        document = self.document
        return f"{document.symbol}/{self.number}" if document else f"№ {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("council:instruction-detail", args=[self.public_id])

    text = Translated("text")

    @property
    def is_open(self) -> bool:
        return self.status in Instruction.OPEN

    def status_on(self, day: date) -> str:
        """The status as it stands on `day`: an open instruction past its due day is overdue
        then, whether or not the nightly check has flagged it yet."""
        if self.is_open and self.due_on is not None and self.due_on < day:
            return Instruction.Status.OVERDUE
        return self.status


class ProgressReport(models.Model):
    """An addressee's report on an instruction; seen by whoever may see the instruction."""

    instruction = models.ForeignKey(Instruction, on_delete=models.PROTECT, related_name="reports")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("report"))
    status_after = models.CharField(_("status after the report"), max_length=16,
                                    choices=Instruction.Status.choices)
    reported_at = models.DateTimeField(auto_now_add=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering: ClassVar = ["instruction", "reported_at", "id"]

    def __str__(self) -> str:
        return f"{self.party}: {self.status_after}"


class ImplementationReport(LabelledModel):
    """The Secretary General's report to a session on the previous session's decisions:
    generated from their instructions, then edited. Labelled at least as high as them all."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Its title names the session it covers: no one who may not read that session reads it.
    label_source_fields = ("covers",)
    session = models.ForeignKey(Session, on_delete=models.PROTECT,
                                related_name="implementation_reports")
    covers = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("decisions of"))
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    introduction_ru = models.TextField(_("introduction (Russian)"), blank=True)
    introduction_en = models.TextField(_("introduction (English)"), blank=True)
    generated_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        ordering: ClassVar = ["-generated_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:report-detail", args=[self.public_id])

    title = Translated("title")

    introduction = Translated("introduction")


class ImplementationEntry(models.Model):
    report = models.ForeignKey(ImplementationReport, on_delete=models.CASCADE,
                               related_name="entries")
    instruction = models.ForeignKey(Instruction, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(_("status"), max_length=16, choices=Instruction.Status.choices)
    text_ru = models.TextField(_("assessment (Russian)"), blank=True)
    text_en = models.TextField(_("assessment (English)"), blank=True)

    class Meta:
        verbose_name = _("report entry")
        verbose_name_plural = _("report entries")
        ordering: ClassVar = ["report", "order"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.instruction_id}"

    text = Translated("text")
