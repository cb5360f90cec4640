"""Collective formations and what the member states contribute to them: the earmark for a
period, the transfer of authority by a council decision, and the deployment lifecycle."""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Translated
from concord.council.models import Document
from concord.registry.models import Body, MemberState

# How often a unit reports its readiness unless its formation says otherwise.
DEFAULT_READINESS_PERIOD_DAYS = 90


class FormationKind(models.TextChoices):
    RAPID_REACTION = "rapid_reaction", _("Collective rapid reaction forces")
    PEACEKEEPING = "peacekeeping", _("Collective peacekeeping forces")
    REGIONAL = "regional", _("Regional grouping of forces")
    AVIATION = "aviation", _("Collective aviation forces")
    OTHER = "other", _("Other formation")


class Formation(LabelledModel):
    """A formation of the organization's collective forces, made of national contributions."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=FormationKind.choices)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    abbreviation_ru = models.CharField(_("abbreviation (Russian)"), max_length=30, blank=True)
    abbreviation_en = models.CharField(_("abbreviation (English)"), max_length=30, blank=True)
    # The council act that set the formation up; hidden, like any document, from whoever may
    # not read it.
    governing_decision = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("governing decision"))
    established_on = models.DateField(_("established on"), null=True, blank=True)
    command_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("commanding body"))
    command_ru = models.CharField(_("command (Russian)"), max_length=300, blank=True)
    command_en = models.CharField(_("command (English)"), max_length=300, blank=True)
    headquarters_ru = models.CharField(_("headquarters (Russian)"), max_length=300, blank=True)
    headquarters_en = models.CharField(_("headquarters (English)"), max_length=300, blank=True)
    headquarters_latitude = models.FloatField(_("headquarters latitude"), null=True, blank=True)
    headquarters_longitude = models.FloatField(_("headquarters longitude"), null=True,
                                               blank=True)
    # The strength the founding acts give it, for comparison with what the states contribute.
    target_personnel = models.PositiveIntegerField(_("target personnel"), null=True, blank=True)
    readiness_period_days = models.PositiveSmallIntegerField(
        _("readiness reporting period, days"), default=DEFAULT_READINESS_PERIOD_DAYS)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # Figures made up to show the system working, not taken from a published source.
    illustrative = models.BooleanField(_("illustrative figures"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")
        ordering: ClassVar = ["order", "code"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(readiness_period_days__gt=0),
                name="forces_formation_period_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forces:formation-detail", args=[self.public_id])

    name = Translated("name")
    abbreviation = Translated("abbreviation")
    command = Translated("command")
    headquarters = Translated("headquarters")
    description = Translated("description")


class ContributionStatus(models.TextChoices):
    """The deployment lifecycle of a contribution, in the order it runs."""

    EARMARKED = "earmarked", _("Earmarked")
    ALERTED = "alerted", _("Alerted")
    ASSEMBLING = "assembling", _("Assembling")
    DEPLOYED = "deployed", _("Deployed")
    REDEPLOYING = "redeploying", _("Redeploying")
    RELEASED = "released", _("Released")


# Each status and where a contribution may go from it. A deployment may be called off before it
# happens (alerted or assembling back to earmarked); a released contribution is closed.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    ContributionStatus.EARMARKED: (ContributionStatus.ALERTED, ContributionStatus.RELEASED),
    ContributionStatus.ALERTED: (ContributionStatus.ASSEMBLING, ContributionStatus.EARMARKED,
                                 ContributionStatus.RELEASED),
    ContributionStatus.ASSEMBLING: (ContributionStatus.DEPLOYED, ContributionStatus.EARMARKED,
                                    ContributionStatus.RELEASED),
    ContributionStatus.DEPLOYED: (ContributionStatus.REDEPLOYING,),
    ContributionStatus.REDEPLOYING: (ContributionStatus.EARMARKED, ContributionStatus.RELEASED),
    ContributionStatus.RELEASED: (),
}


class Contribution(LabelledModel):
    """A state's earmark of one of its units to a formation for a period: the collective record.
    Its label says who sees the earmark; the unit's strength keeps labels of its own, so that a
    state may show the earmark and withhold the figures."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("formation", "unit")
    formation = models.ForeignKey(Formation, on_delete=models.PROTECT,
                                  related_name="contributions", verbose_name=_("formation"))
    unit = models.ForeignKey("forces.Unit", on_delete=models.PROTECT,
                             related_name="contributions", verbose_name=_("unit"))
    # The unit's state, kept on the row so that lists by state need no join.
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    period_from = models.DateField(_("earmarked from"))
    period_to = models.DateField(_("earmarked until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ContributionStatus.choices,
                              default=ContributionStatus.EARMARKED)
    status_since = models.DateField(_("status since"))
    # Who commands the unit now: the organization only while a transfer of authority by a
    # council decision is in force, the state otherwise. Kept equal to the transfers by the
    # services.
    under_organization_command = models.BooleanField(_("under the organization's command"),
                                                     default=False)
    note = models.TextField(_("note"), blank=True)
    illustrative = models.BooleanField(_("illustrative figures"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering: ClassVar = ["formation", "state", "period_from", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(period_to__isnull=True) | Q(period_to__gte=models.F("period_from")),
                name="forces_contribution_period_ordered"),
        ]
        indexes: ClassVar = [models.Index(fields=["formation", "status"])]

    def __str__(self) -> str:
        unit = self.unit
        formation = self.formation
        return f"{unit or '—'} → {formation or '—'}"

    def get_absolute_url(self) -> str:
        return reverse("forces:contribution-detail", args=[self.public_id])

    def covers(self, day: date) -> bool:
        return self.period_from <= day and (self.period_to is None or day <= self.period_to)


class DeploymentStep(models.Model):
    """One step of a contribution's lifecycle: the status it entered, when, and, once deployed,
    where and for which decision or operation. Seen by whoever sees the contribution; the
    strength at the step is a Strength record with a label of its own."""

    contribution = models.ForeignKey(Contribution, on_delete=models.PROTECT,
                                     related_name="steps", verbose_name=_("contribution"))
    status = models.CharField(_("status"), max_length=16, choices=ContributionStatus.choices)
    on = models.DateField(_("date"))
    location_ru = models.CharField(_("place (Russian)"), max_length=300, blank=True)
    location_en = models.CharField(_("place (English)"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    decision = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("decision"))
    # An operation of the organization by name; a step may name one kept elsewhere in Concord
    # by its public identifier.
    operation_ru = models.CharField(_("operation (Russian)"), max_length=300, blank=True)
    operation_en = models.CharField(_("operation (English)"), max_length=300, blank=True)
    operation_ref = models.UUIDField(_("operation reference"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("deployment step")
        verbose_name_plural = _("deployment steps")
        ordering: ClassVar = ["contribution", "on", "id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on.isoformat()}"

    location = Translated("location")
    operation = Translated("operation")


class AuthorityTransfer(models.Model):
    """Command of a contributed unit passing to the organization by a council decision, from a
    date, and back to the state when it ends. Without one in force the unit stays national."""

    contribution = models.ForeignKey(Contribution, on_delete=models.PROTECT,
                                     related_name="transfers", verbose_name=_("contribution"))
    decision = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("council decision"))
    effective_on = models.DateField(_("effective from"))
    returned_on = models.DateField(_("returned to national command on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("transfer of authority")
        verbose_name_plural = _("transfers of authority")
        ordering: ClassVar = ["contribution", "effective_on", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True)
                | Q(returned_on__gte=models.F("effective_on")),
                name="forces_transfer_period_ordered"),
        ]

    def __str__(self) -> str:
        return self.effective_on.isoformat()

    def in_force_on(self, day: date) -> bool:
        return self.effective_on <= day and (self.returned_on is None or day < self.returned_on)
