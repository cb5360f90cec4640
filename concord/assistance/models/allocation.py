"""The inputs and results of a fair-share proposal: each state's declared capacity per category,
burden-sharing keys and their shares, and the proposals made from them with their rows."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.assistance.models.catalogue import Category
from concord.assistance.models.requests import AssistanceRequest, RequestLine
from concord.core.models import LabelledModel, Translated
from concord.registry.models import MemberState


class CapacityDeclaration(LabelledModel):
    """What a state says it can give in a category, for one request or in general (request
    empty). `quantity` empty with `no_capacity` set declares it can give nothing. Labelled: a
    state's capacity is its own information."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT,
                              related_name="assistance_capacities", verbose_name=_("state"))
    request = models.ForeignKey(AssistanceRequest, null=True, blank=True,
                                on_delete=models.PROTECT, related_name="capacities",
                                verbose_name=_("request"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    quantity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    no_capacity = models.BooleanField(_("no capacity"), default=False)
    note = models.TextField(_("note"), blank=True)
    declared_on = models.DateField(_("declared on"))
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("capacity declaration")
        verbose_name_plural = _("capacity declarations")
        ordering: ClassVar = ["state__name_ru", "category"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(Q(no_capacity=True) & (Q(quantity__isnull=True) | Q(quantity=0)))
                | (Q(no_capacity=False) & Q(quantity__isnull=False)),
                name="assistance_capacity_stated_once"),
            models.UniqueConstraint(fields=["state", "category", "request"],
                                    name="assistance_capacity_per_request_unique",
                                    condition=Q(request__isnull=False)),
            models.UniqueConstraint(fields=["state", "category"],
                                    name="assistance_capacity_general_unique",
                                    condition=Q(request__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.category}"

    def clean(self) -> None:
        super().clean()
        if self.no_capacity and self.quantity:
            raise ValidationError({"quantity": _("No capacity declared, yet a quantity given.")})
        if not self.no_capacity and self.quantity is None:
            raise ValidationError({"quantity": _("Give a quantity or declare no capacity.")})


class BurdenKey(models.Model):
    """A burden-sharing key, e.g. the shares in the organization's budget."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    basis_ru = models.TextField(_("basis (Russian)"), blank=True)
    basis_en = models.TextField(_("basis (English)"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("burden-sharing key")
        verbose_name_plural = _("burden-sharing keys")
        ordering: ClassVar = ["code"]

    def __str__(self) -> str:
        return self.name

    name = Translated("name")
    basis = Translated("basis")


class BurdenShare(models.Model):
    key = models.ForeignKey(BurdenKey, on_delete=models.CASCADE, related_name="shares")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    # A percentage; a key's shares add up to 100.
    share = models.DecimalField(_("share, %"), max_digits=7, decimal_places=4)

    class Meta:
        verbose_name = _("burden share")
        verbose_name_plural = _("burden shares")
        ordering: ClassVar = ["key", "-share"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["key", "state"], name="assistance_share_state_unique"),
            models.CheckConstraint(condition=Q(share__gte=0) & Q(share__lte=100),
                                   name="assistance_share_percentage"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.share}"


class AllocationProposal(LabelledModel):
    """Who might give what: a proposal states accept or amend, never imposed. Keeps its inputs,
    the key and the solver's result as they were, so the page can explain it afterwards."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SUPERSEDED = "superseded", _("Superseded")
        INFEASIBLE = "infeasible", _("No allocation possible")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("request",)
    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT,
                                related_name="allocations", verbose_name=_("request"))
    key = models.ForeignKey(BurdenKey, on_delete=models.PROTECT, related_name="allocations",
                            verbose_name=_("burden-sharing key"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PROPOSED)
    # The model solved: lines, capacities and shares as read when proposing.
    inputs = models.JSONField(_("inputs"), default=dict)
    # The solver's answer: objective, status, what remains uncovered per line, the explanation
    # per state.
    result = models.JSONField(_("result"), default=dict)
    max_deviation = models.DecimalField(_("largest deviation from the key"), max_digits=12,
                                        decimal_places=6, null=True, blank=True)
    solver_status = models.CharField(_("solver status"), max_length=60, blank=True)
    solve_seconds = models.FloatField(_("solving time, s"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("allocation proposal")
        verbose_name_plural = _("allocation proposals")
        ordering: ClassVar = ["request", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.created_at:%Y-%m-%d}"


class AllocationRow(models.Model):
    """A quantity of one line proposed to one state, and that state's answer to it."""

    class Response(models.TextChoices):
        PENDING = "pending", _("Awaiting the state")
        ACCEPTED = "accepted", _("Accepted")
        AMENDED = "amended", _("Amended")
        DECLINED = "declined", _("Declined")

    proposal = models.ForeignKey(AllocationProposal, on_delete=models.CASCADE,
                                 related_name="rows")
    line = models.ForeignKey(RequestLine, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("request line"))
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    quantity = models.PositiveIntegerField(_("proposed"))
    response = models.CharField(_("answer"), max_length=16, choices=Response.choices,
                                default=Response.PENDING)
    amended_quantity = models.PositiveIntegerField(_("amended to"), null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("allocation row")
        verbose_name_plural = _("allocation rows")
        ordering: ClassVar = ["proposal", "line__number", "state__name_ru"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["proposal", "line", "state"],
                                    name="assistance_allocation_row_unique"),
            models.CheckConstraint(
                condition=~Q(response="amended") | Q(amended_quantity__isnull=False),
                name="assistance_amended_has_quantity"),
            models.CheckConstraint(
                condition=Q(amended_quantity__isnull=True) | ~Q(amended_quantity=F("quantity"))
                | ~Q(response="amended"),
                name="assistance_amendment_changes_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.line_id} {self.state_id} {self.quantity}"
