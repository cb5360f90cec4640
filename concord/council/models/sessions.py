"""Sessions of the bodies, who takes part in them and their agendas."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Translated
from concord.registry.models import Body, MemberState, Official, Position


class Session(LabelledModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular")
        EXTRAORDINARY = "extraordinary", _("Extraordinary")
        INFORMAL = "informal", _("Informal")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONVENED = "convened", _("Convened")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="sessions",
                             verbose_name=_("body"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    place_ru = models.CharField(_("place (Russian)"), max_length=200)
    place_en = models.CharField(_("place (English)"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    # "The second half of 2014": the dates bound a period that the session is to fall in.
    dates_tentative = models.BooleanField(_("dates are only a period"), default=False)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Moscow")
    chair = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="chaired_sessions", verbose_name=_("chair state"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PLANNED)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("previous session"))
    # What the press reported, kept beside what Concord holds (the seed: "8 documents were signed").
    reported_signed_count = models.PositiveSmallIntegerField(
        _("documents signed, as reported"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering: ClassVar = ["-starts_on", "body__order"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")),
                                   name="council_session_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:session-detail", args=[self.public_id])

    title = Translated("title")

    place = Translated("place")

    @property
    def takes_formal_decisions(self) -> bool:
        return self.kind != Session.Kind.INFORMAL


class Participant(models.Model):
    """Who took part: a state's delegation and the office its head holds, or an official of the
    organization (the Secretary General, the Chief of the Joint Staff)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("state"))
    position = models.ForeignKey(Position, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("office"))
    official = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("official"))
    is_head_of_delegation = models.BooleanField(_("head of delegation"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering: ClassVar = ["session", "order", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(state__isnull=False) | Q(official__isnull=False),
                                   name="council_participant_is_someone"),
        ]

    def __str__(self) -> str:
        return str(self.official or self.state)


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children", verbose_name=_("under item"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    rapporteur = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("rapporteur"))
    rapporteur_position = models.ForeignKey(Position, null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+",
                                            verbose_name=_("rapporteur's office"))
    documents = models.ManyToManyField("council.Document", blank=True, related_name="agenda_items",
                                       verbose_name=_("documents considered"))
    outcome_ru = models.TextField(_("outcome (Russian)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)
    # The item every session gets by itself: the report on the previous session's decisions.
    is_implementation_report = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering: ClassVar = ["session", "order", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=~Q(parent=F("pk")),
                                   name="council_item_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.title

    title = Translated("title")

    outcome = Translated("outcome")
