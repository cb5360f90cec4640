"""Mutual witnessing of audit checkpoints.

As a witness, a node keeps the latest checkpoint each peer showed it (`PeerCheckpoint`) and cosigns
a newer one only when it follows from that; a note that contradicts it is kept with the one it
contradicts (`ForkEvidence`). As an origin, a node keeps the cosignatures its peers gave to its
own checkpoints (`Cosignature`), which `concord audit verify` holds the chain against.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.federation.models.nodes import Node, NodeKey


class PeerCheckpoint(models.Model):
    node = models.OneToOneField(Node, on_delete=models.PROTECT, related_name="witnessed",
                                verbose_name=_("peer node"))
    size = models.PositiveBigIntegerField(_("entries"))
    # The chain's head hash, hexadecimal as the origin's chain stores it.
    root_hash = models.CharField(_("head hash"), max_length=64)
    # The note as the origin signed it, and as this node cosigned it.
    note = models.TextField(_("checkpoint note"))
    cosigned_note = models.TextField(_("cosigned note"))
    cosigned_at = models.DateTimeField(_("cosigned"))

    class Meta:
        verbose_name = _("witnessed checkpoint")
        verbose_name_plural = _("witnessed checkpoints")
        ordering: ClassVar = ["node__name"]

    def __str__(self) -> str:
        return f"{self.node.name} {self.size}"


class ForkEvidence(models.Model):
    class Kind(models.TextChoices):
        # Two different heads for the same number of entries.
        FORK = "fork", _("Fork")
        # Fewer entries than a checkpoint already witnessed.
        ROLLBACK = "rollback", _("Rollback")

    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="fork_evidence",
                             verbose_name=_("peer node"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    seen_size = models.PositiveBigIntegerField(_("entries witnessed"))
    seen_note = models.TextField(_("note witnessed"))
    offered_size = models.PositiveBigIntegerField(_("entries offered"))
    offered_note = models.TextField(_("note offered"))
    detected_at = models.DateTimeField(_("detected"))

    class Meta:
        verbose_name = _("fork evidence")
        verbose_name_plural = _("fork evidence")
        ordering: ClassVar = ["-detected_at", "-id"]

    def __str__(self) -> str:
        return f"{self.node.name} {self.kind} {self.offered_size}"


class Cosignature(models.Model):
    witness = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="cosignatures",
                                verbose_name=_("witness"))
    key = models.ForeignKey(NodeKey, on_delete=models.PROTECT, related_name="cosignatures",
                            verbose_name=_("witness key"))
    size = models.PositiveBigIntegerField(_("entries"))
    root_hash = models.CharField(_("head hash"), max_length=64)
    # The time the witness put in its cosignature.
    cosigned_at = models.DateTimeField(_("cosigned"))
    received_at = models.DateTimeField(_("received"))
    note = models.TextField(_("cosigned note"))

    class Meta:
        verbose_name = _("cosignature")
        verbose_name_plural = _("cosignatures")
        ordering: ClassVar = ["-size", "witness__name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["witness", "size"], name="federation_cosigned_once"),
        ]

    def __str__(self) -> str:
        return f"{self.witness.name} {self.size}"
