"""The states' positions on a draft, the outcome of the consensus rule, and the silence procedure."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import Translated
from concord.council.models.documents import Document
from concord.council.models.sessions import Session
from concord.registry.models import Body, MemberState


class StatePosition(models.Model):
    """A member state's position on a draft before one body."""

    class Stance(models.TextChoices):
        CONCURS = "concurs", _("Concurs")
        OBJECTS = "objects", _("Objects")
        ABSTAINS = "abstains", _("Abstains")
        NOT_PARTICIPATING = "not_participating", _("Declares non-participation")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="positions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    stance = models.CharField(pgettext_lazy("a state's stance on a draft", "position"),
                              max_length=20, choices=Stance.choices)
    reason = models.TextField(_("reason or reservation"), blank=True)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("state position")
        verbose_name_plural = _("state positions")
        ordering: ClassVar = ["document", "body", "state__name_ru"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "body", "state"],
                                    name="council_one_position_per_state"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.stance}"


class Procedure(models.TextChoices):
    SESSION = "session", _("At a session")
    SILENCE = "silence", _("Silence procedure")


class ConsensusOutcome(models.Model):
    """What the consensus rule found for a draft before one body, and why: one row per decision
    taken, so that a draft's path through several bodies is recorded on the document."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="outcomes")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("body"))
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    procedure = models.CharField(_("procedure"), max_length=16, choices=Procedure.choices)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    ground_ru = models.TextField(_("ground (Russian)"))
    ground_en = models.TextField(_("ground (English)"))
    not_bound = models.JSONField(_("states not bound"), default=list)
    decided_on = models.DateField(_("decided on"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("consensus outcome")
        verbose_name_plural = _("consensus outcomes")
        ordering: ClassVar = ["document", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.body}: {self.outcome}"

    ground = Translated("ground")


class SilenceProcedure(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("a silence procedure", "Running")
        ADOPTED = "adopted", _("Adopted at the deadline")
        BROKEN = "broken", _("Silence broken")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="silences")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.RUNNING)
    broken_by = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("broken by"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("silence procedure")
        verbose_name_plural = _("silence procedures")
        ordering: ClassVar = ["-started_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document"], condition=Q(status="running"),
                                    name="council_one_running_silence"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} until {self.deadline:%Y-%m-%d %H:%M}"
