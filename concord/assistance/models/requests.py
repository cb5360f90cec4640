"""A state's request for assistance: its basis, the states it is addressed to, its offer window,
its phases with their deadlines and its lines."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.assistance.models.catalogue import Category, Kind, Priority, Terms, Unit, Urgency
from concord.core.models import LabelledModel, Translated
from concord.council.models import Document, Instruction
from concord.registry.models import MemberState


class AssistanceRequest(LabelledModel):
    """Labelled as the requesting state chooses, and no wider than the decision or instruction it
    answers."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        OPEN = "open", _("Open for offers")
        CLOSED = "closed", _("Offers closed")
        FULFILLED = "fulfilled", _("Fulfilled")
        PARTLY_FULFILLED = "partly_fulfilled", _("Partly fulfilled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Where a request still expects something from the states addressed.
    LIVE: ClassVar[tuple[str, ...]] = ("submitted", "open", "closed")
    FINAL: ClassVar[tuple[str, ...]] = ("fulfilled", "partly_fulfilled", "withdrawn")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("decision", "instruction")
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    requesting_state = models.ForeignKey(MemberState, on_delete=models.PROTECT,
                                         related_name="assistance_requests",
                                         verbose_name=_("requesting state"))
    beneficiary_ru = models.CharField(_("beneficiary (Russian)"), max_length=300)
    beneficiary_en = models.CharField(_("beneficiary (English)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ru = models.TextField(_("summary (Russian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    terms = models.CharField(_("terms"), max_length=16, choices=Terms.choices,
                             default=Terms.FREE)
    urgency = models.CharField(_("urgency"), max_length=16, choices=Urgency.choices,
                               default=Urgency.ROUTINE)
    # The basis: the state's letter, and the decision and instruction the request answers.
    letter_reference = models.CharField(_("letter"), max_length=200, blank=True)
    letter_dated = models.DateField(_("letter dated"), null=True, blank=True)
    decision = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="assistance_requests", verbose_name=_("decision"))
    instruction = models.ForeignKey(Instruction, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="assistance_requests",
                                    verbose_name=_("instruction"))
    addressed_to_all = models.BooleanField(_("addressed to all member states"), default=True)
    addressed_states = models.ManyToManyField(MemberState, blank=True, related_name="+",
                                              verbose_name=_("states addressed"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    # The offer window: from adoption to the instruction's due date when made from one.
    opens_on = models.DateField(_("offers from"), null=True, blank=True)
    closes_on = models.DateField(_("offers until"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened for offers"), null=True, blank=True)
    closed_at = models.DateTimeField(_("offers closed"), null=True, blank=True)
    finished_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # When the addressed delegations were last told the window is about to close, and when the
    # request was last flagged with pledges overdue: each notice goes out once.
    reminded_on = models.DateField(null=True, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        ordering: ClassVar = ["-created_at", "-id"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(closes_on__isnull=True) | Q(opens_on__isnull=True)
                | Q(closes_on__gte=F("opens_on")),
                name="assistance_request_window_ordered"),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | ~Q(withdrawal_reason=""),
                name="assistance_request_withdrawal_has_reason"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "open", "closed", "fulfilled",
                                        "partly_fulfilled", "withdrawn"]),
                name="assistance_request_status_known"),
        ]
        indexes: ClassVar = [models.Index(fields=["status", "closes_on"],
                                             name="assistance_request_window_idx")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("assistance:request-detail", args=[self.public_id])

    title = Translated("title")
    beneficiary = Translated("beneficiary")
    summary = Translated("summary")

    def clean(self) -> None:
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The offer window closes before it opens.")})
        if self.status == self.Status.WITHDRAWN and not self.withdrawal_reason.strip():
            raise ValidationError({"withdrawal_reason": _("Say why the request is withdrawn.")})
        instruction = self.instruction if self.instruction_id else None
        if instruction is not None and self.decision_id and \
                instruction.document_id != self.decision_id:
            raise ValidationError({"instruction": _("The instruction is not of this decision.")})

    def window_open_on(self, day: date) -> bool:
        return self.status == self.Status.OPEN and (self.closes_on is None
                                                    or day <= self.closes_on)


class RequestPhase(models.Model):
    """A stage of a request with its own deadline (the 2013 aid had two)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="phases")
    number = models.PositiveSmallIntegerField(_("phase"))
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    due_on = models.DateField(_("deadline"), null=True, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering: ClassVar = ["request", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["request", "number"],
                                    name="assistance_phase_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="assistance_phase_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    title = Translated("title")


class RequestLine(models.Model):
    """What is asked for; seen by whoever may see its request."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="lines")
    phase = models.ForeignKey(RequestPhase, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="lines", verbose_name=_("phase"))
    number = models.PositiveSmallIntegerField(_("line"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description_ru = models.CharField(_("description (Russian)"), max_length=500)
    description_en = models.CharField(_("description (English)"), max_length=500, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.PIECES)
    # Quantities not found in public sources are shown as illustrative.
    illustrative = models.BooleanField(_("illustrative quantity"), default=False)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices,
                                                default=Priority.MEDIUM)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    delivery_place_ru = models.CharField(_("delivery place (Russian)"), max_length=300,
                                         blank=True)
    delivery_place_en = models.CharField(_("delivery place (English)"), max_length=300,
                                         blank=True)
    end_use_restriction_ru = models.TextField(_("end-use restriction (Russian)"), blank=True)
    end_use_restriction_en = models.TextField(_("end-use restriction (English)"), blank=True)
    retransfer_banned = models.BooleanField(_("re-transfer prohibited"), default=True)

    class Meta:
        verbose_name = _("request line")
        verbose_name_plural = _("request lines")
        ordering: ClassVar = ["request", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["request", "number"],
                                    name="assistance_line_number_unique"),
            models.CheckConstraint(condition=Q(quantity__gte=1),
                                   name="assistance_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.description}"

    description = Translated("description")
    delivery_place = Translated("delivery_place")
    end_use_restriction = Translated("end_use_restriction")

    def clean(self) -> None:
        super().clean()
        if self.quantity is not None and self.quantity < 1:
            raise ValidationError({"quantity": _("A line asks for at least one unit.")})
        phase = self.phase if self.phase_id else None
        if phase is not None and self.request_id and phase.request_id != self.request_id:
            raise ValidationError({"phase": _("The phase belongs to another request.")})
