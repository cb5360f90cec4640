"""What the exchange keeps: the copies received from other nodes, the bundles seen, what was
sent to whom (to know what to withdraw) and the node requests already answered."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.federation.models.nodes import Node


class DistributionStatus(models.TextChoices):
    ACTUAL = "Actual", _("Actual")
    EXERCISE = "Exercise", _("Exercise")
    TEST = "Test", _("Test")


class ReceivedCopy(LabelledModel):
    """A signed, read-only copy of a record another node owns, under the label the bundle gave
    it, mapped to this node's policy. Only a newer bundle from its origin replaces it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    origin = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="copies",
                               verbose_name=_("origin node"))
    record_type = models.CharField(_("record type"), max_length=64)
    record_id = models.UUIDField(_("record at the origin"))
    title = models.CharField(_("title"), max_length=500)
    # The record as its origin signed it: canonical JSON, kept byte for byte.
    record = models.TextField(_("record"))
    digest = models.CharField(_("digest"), max_length=71)
    key_id = models.CharField(_("key id"), max_length=8)
    signature = models.CharField(_("signature"), max_length=100)
    position_seq = models.BigIntegerField(_("origin chain position"))
    position_hash = models.CharField(_("origin chain entry"), max_length=64)
    distribution_id = models.UUIDField(_("bundle"))
    # An exercise copy never mixes with real ones: every real list and count filters it out.
    is_exercise = models.BooleanField(_("exercise"), default=False)
    received_at = models.DateTimeField(_("received"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("received copy")
        verbose_name_plural = _("received copies")
        ordering: ClassVar = ["-received_at", "-pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["origin", "record_type", "record_id", "is_exercise"],
                                    name="federation_one_copy_per_record"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("federation:copy-detail", args=[self.public_id])


class Distribution(models.Model):
    """A bundle this node accepted (in whole or in part): its id may never be filed twice."""

    distribution_id = models.UUIDField(_("distribution id"), unique=True)
    sender = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="distributions",
                               verbose_name=_("sender"))
    status = models.CharField(_("status"), max_length=16, choices=DistributionStatus.choices)
    sent_at = models.DateTimeField(_("sent"))
    received_at = models.DateTimeField(_("received"))
    accepted = models.PositiveIntegerField(_("accepted"), default=0)
    refused = models.PositiveIntegerField(_("refused"), default=0)
    # The records filed, as canonical JSON of [record type, record id] pairs: the audit entry of
    # the acceptance keeps only their count and the SHA-256 of this text, which proves it.
    records = models.TextField(_("records filed"), default="[]")

    class Meta:
        verbose_name = _("received bundle")
        verbose_name_plural = _("received bundles")
        ordering: ClassVar = ["-received_at"]

    def __str__(self) -> str:
        return str(self.distribution_id)


class SentCopy(models.Model):
    """A record this node put in a bundle for a peer: when it stops being released to that
    peer, the next bundle carries its withdrawal."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="sent",
                             verbose_name=_("node"))
    record_type = models.CharField(_("record type"), max_length=64)
    record_id = models.UUIDField(_("record"))
    position_seq = models.BigIntegerField(_("chain position"))
    withdrawn = models.BooleanField(_("withdrawn"), default=False)

    class Meta:
        verbose_name = _("sent copy")
        verbose_name_plural = _("sent copies")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["node", "record_type", "record_id"],
                                    name="federation_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.node.name} {self.record_type} {self.record_id}"


class NodeRequest(models.Model):
    """The signature of a node request already answered: the same request again is a replay."""

    signature = models.CharField(max_length=100, unique=True)
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.node.name} {self.at.isoformat()}"
