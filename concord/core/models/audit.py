"""The hash-chained audit log and its head."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.labels import Classification


class AuditEntry(models.Model):
    """One link of the append-only, hash-chained audit log. The database refuses UPDATE and
    DELETE on this table (see the migration that installs the triggers)."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("success")
        DENIED = "denied", _("denied")
        FAILURE = "failure", _("failure")

    seq = models.BigIntegerField(_("sequence"), primary_key=True)
    at = models.DateTimeField(_("time (UTC)"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", db_constraint=False, verbose_name=_("actor"),
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    party_code = models.CharField(_("party"), max_length=16, blank=True)
    action = models.CharField(_("action"), max_length=100)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target"), max_length=100, blank=True)
    classification = models.PositiveSmallIntegerField(
        _("classification"), choices=Classification.choices, default=Classification.PUBLIC
    )
    label_originator = models.CharField(_("label originator"), max_length=16, blank=True)
    label_releasable = models.CharField(_("label releasable to"), max_length=400, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    client_address = models.CharField(_("client address"), max_length=64, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # HMAC of `hash` under the chain key, a file outside the database (concord.core.audit).
    mac = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering: ClassVar = ["-seq"]
        indexes: ClassVar = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["actor", "at"]),
        ]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.outcome}"


class AuditHead(models.Model):
    """The last link of the chain, moved in the same transaction as each append, so that a
    truncated tail is detectable; its row lock also serializes appenders."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)
    # HMAC of (seq, hash) under the chain key: a head moved back over a truncated tail is told.
    mac = models.CharField(max_length=64, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"audit head at #{self.seq}"
