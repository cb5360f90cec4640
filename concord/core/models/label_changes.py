"""Label changes waiting for a second user's approval."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.labels import Classification
from concord.core.models.parties import Party


class LabelChange(models.Model):
    """A lower or wider label asked for a record: it waits for a second user of the record's
    originating party to approve it. Raising or narrowing a label needs no approval."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    target_model = models.CharField(_("record type"), max_length=100)
    target_pk = models.BigIntegerField(_("record"))
    originator = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("originator"))
    classification_before = models.PositiveSmallIntegerField(choices=Classification.choices)
    classification = models.PositiveSmallIntegerField(_("new classification"),
                                                      choices=Classification.choices)
    release_to_all_before = models.BooleanField()
    release_to_all_members = models.BooleanField(_("released to all member states"))
    releasable_before = models.JSONField(default=list)
    releasable_to = models.JSONField(_("released to"), default=list)
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PENDING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("label change")
        verbose_name_plural = _("label changes")
        ordering: ClassVar = ["-requested_at"]
        default_permissions = ()
        permissions: ClassVar = [("approve_labelchange", _("Can approve a lower label"))]

    def __str__(self) -> str:
        return f"{self.target_model} #{self.target_pk}: {self.status}"
