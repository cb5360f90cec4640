"""A state's answer to a request: its pledge, labelled by the state's own releasability, the
pledge lines answering the request's lines as they move from promise to acceptance, and every
revision of each, kept."""

from __future__ import annotations

import re
import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.assistance.models.requests import AssistanceRequest, RequestLine
from concord.core.models import LabelledModel
from concord.registry.models import MemberState

_CURRENCY = re.compile(r"[A-Z]{3}")


class Pledge(LabelledModel):
    """One state's pledge to one request. Its label is its releasability: a state may release
    it to the requester and the secretariat only, withholding it from the others."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("request",)
    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT,
                                related_name="pledges", verbose_name=_("request"))
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT,
                              related_name="assistance_pledges", verbose_name=_("pledging state"))
    note = models.TextField(_("note"), blank=True)
    # The day the state made its pledge (a pledge recorded later keeps its own day).
    pledged_on = models.DateField(_("pledged on"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering: ClassVar = ["request", "state__name_ru", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["request", "state"],
                                    name="assistance_one_pledge_per_state"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.request_id}"

    def get_absolute_url(self) -> str:
        return reverse("assistance:pledge-detail", args=[self.public_id])


class PledgeLine(models.Model):
    """A pledge's answer to one request line. The figures are where the line stands now, each
    stage at most the one before it; its revisions keep how it got there."""

    class Stage(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        COMMITTED = "committed", _("Committed")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        ACCEPTED = "accepted", _("Accepted")
        CANCELLED = "cancelled", _("Cancelled")

    class Condition(models.TextChoices):
        NEW = "new", _("New")
        SURPLUS = "surplus", _("Surplus")

    class Licence(models.TextChoices):
        NOT_REQUIRED = "not_required", _("Not required")
        PENDING = "pending", _("Applied for")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    class Response(models.TextChoices):
        PENDING = "pending", _("Awaiting the requester")
        ACCEPTED = "accepted", _("Accepted by the requester")
        DECLINED = "declined", _("Declined by the requester")
        PROVISIONAL = "provisional", _("Provisionally accepted")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(RequestLine, on_delete=models.PROTECT, related_name="pledge_lines",
                             verbose_name=_("request line"))
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices,
                             default=Stage.PLEDGED)
    quantity = models.PositiveIntegerField(_("pledged"))
    committed = models.PositiveIntegerField(_("committed"), default=0)
    shipped = models.PositiveIntegerField(_("shipped"), default=0)
    delivered = models.PositiveIntegerField(_("delivered"), default=0)
    accepted = models.PositiveIntegerField(_("accepted"), default=0)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True,
                                blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    condition = models.CharField(_("condition"), max_length=8, choices=Condition.choices,
                                 default=Condition.NEW)
    caveats = models.TextField(_("caveats"), blank=True)
    # When the provider promises delivery; past it with less delivered, the line is overdue.
    due_on = models.DateField(_("delivery promised by"), null=True, blank=True)
    agreement_reference = models.CharField(_("agreement"), max_length=200, blank=True)
    agreement_signed_on = models.DateField(_("agreement signed"), null=True, blank=True)
    export_licence = models.CharField(_("export licence"), max_length=16,
                                      choices=Licence.choices, default=Licence.NOT_REQUIRED)
    response = models.CharField(_("requester's answer"), max_length=16,
                                choices=Response.choices, default=Response.PENDING)
    response_note = models.TextField(_("requester's note"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pledge line")
        verbose_name_plural = _("pledge lines")
        ordering: ClassVar = ["pledge", "line__number", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(quantity__gte=1),
                                   name="assistance_pledge_quantity_positive"),
            models.CheckConstraint(condition=Q(committed__lte=F("quantity")),
                                   name="assistance_committed_within_pledged"),
            models.CheckConstraint(condition=Q(shipped__lte=F("committed")),
                                   name="assistance_shipped_within_committed"),
            models.CheckConstraint(condition=Q(delivered__lte=F("shipped")),
                                   name="assistance_delivered_within_shipped"),
            models.CheckConstraint(condition=Q(accepted__lte=F("delivered")),
                                   name="assistance_accepted_within_delivered"),
            models.CheckConstraint(condition=~Q(stage="cancelled") | ~Q(cancellation_reason=""),
                                   name="assistance_cancellation_has_reason"),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gte=0),
                                   name="assistance_pledge_value_not_negative"),
            models.CheckConstraint(condition=Q(value__isnull=True) | ~Q(currency=""),
                                   name="assistance_pledge_value_has_currency"),
        ]
        indexes: ClassVar = [models.Index(fields=["line", "stage"],
                                             name="assistance_pledge_stage_idx")]

    def __str__(self) -> str:
        return f"{self.pledge_id}/{self.line_id}: {self.quantity}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        stages = [("committed", self.committed, self.quantity),
                  ("shipped", self.shipped, self.committed),
                  ("delivered", self.delivered, self.shipped),
                  ("accepted", self.accepted, self.delivered)]
        for field, amount, ceiling in stages:
            if amount is not None and ceiling is not None and amount > ceiling:
                errors[field] = str(_("More than the stage before it (%(amount)d > %(ceiling)d).")
                                    % {"amount": amount, "ceiling": ceiling})
        if self.quantity is not None and self.quantity < 1:
            errors["quantity"] = str(_("A pledge line gives at least one unit."))
        if self.stage == self.Stage.CANCELLED and not self.cancellation_reason.strip():
            errors["cancellation_reason"] = str(_("Say why the pledge line is cancelled."))
        if self.value is not None and not self.currency:
            errors["currency"] = str(_("A value needs its currency."))
        if self.currency and not _CURRENCY.fullmatch(self.currency):
            errors["currency"] = str(_("A currency is three capital letters (ISO 4217)."))
        if self.pledge_id and self.line_id and \
                self.pledge.request_id != self.line.request_id:
            errors["line"] = str(_("The line belongs to another request."))
        if errors:
            raise ValidationError(errors)


REVISION_ACTIONS = {
    "pledge": pgettext_lazy("pledge revision", "pledged"),
    "revise": pgettext_lazy("pledge revision", "revised"),
    "commit": pgettext_lazy("pledge revision", "committed"),
    "ship": pgettext_lazy("pledge revision", "shipped"),
    "deliver": pgettext_lazy("pledge revision", "delivered"),
    "accept": pgettext_lazy("pledge revision", "accepted"),
    "cancel": pgettext_lazy("pledge revision", "cancelled"),
    "respond": pgettext_lazy("pledge revision", "answered"),
}


class PledgeRevision(models.Model):
    """A pledge line as it stood after each change: nothing promised is ever overwritten."""

    pledge_line = models.ForeignKey(PledgeLine, on_delete=models.CASCADE,
                                    related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    action = models.CharField(_("change"), max_length=32)
    stage = models.CharField(_("stage"), max_length=16, choices=PledgeLine.Stage.choices)
    quantity = models.PositiveIntegerField(_("pledged"))
    committed = models.PositiveIntegerField(_("committed"))
    shipped = models.PositiveIntegerField(_("shipped"))
    delivered = models.PositiveIntegerField(_("delivered"))
    accepted = models.PositiveIntegerField(_("accepted"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True,
                                blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    due_on = models.DateField(_("delivery promised by"), null=True, blank=True)
    agreement_reference = models.CharField(_("agreement"), max_length=200, blank=True)
    export_licence = models.CharField(_("export licence"), max_length=16,
                                      choices=PledgeLine.Licence.choices)
    response = models.CharField(_("requester's answer"), max_length=16,
                                choices=PledgeLine.Response.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("pledge revision")
        verbose_name_plural = _("pledge revisions")
        ordering: ClassVar = ["pledge_line", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["pledge_line", "number"],
                                    name="assistance_revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.pledge_line_id} r{self.number}"

    @property
    def action_display(self) -> str:
        """The change in the reader's language; the stored action stays a stable code."""
        return str(REVISION_ACTIONS.get(self.action, self.action))
