"""The case's log, as an emergency operations centre keeps it (an ICS-214 activity log): each
entry says who, in which position, for which party, when, what, and links the record touched.
An entry carries its own label, so that the log is read at every label."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.crisis.models.cases import Case


class Stream(models.TextChoices):
    MONITORING = "monitoring", _("Monitoring")
    COUNCIL = "council", _("Council")
    ASSISTANCE = "assistance", _("Assistance")
    FORCES = "forces", _("Forces")
    PRESS = "press", _("Press")
    CRISIS = "crisis", _("Crisis centre")


class LogEntry(LabelledModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(_("time"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    party_code = models.CharField(_("party"), max_length=16, blank=True)
    stream = models.CharField(_("stream"), max_length=16, choices=Stream.choices)
    action = models.CharField(_("action"), max_length=100)
    text = models.TextField(_("what"))
    link_type = models.CharField(max_length=100, blank=True)
    link_id = models.CharField(max_length=64, blank=True)
    significant = models.BooleanField(_("significant"), default=False)
    published = models.BooleanField(_("published"), default=False)
    # The audit entry this one was written with: the log rests on the chain.
    audit_seq = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        ordering: ClassVar = ["at", "pk"]
        indexes: ClassVar = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return self.what

    @property
    def what(self) -> str:
        from concord.crisis.wording import what  # noqa: PLC0415  (the wording imports no model)

        return what(action=self.action, text=self.text, stream_label=self.get_stream_display())
