"""The nodes of the federation and their keys.

Each member state runs a node, and the secretariat runs the organization's. A node speaks for
one party: what it sends is signed with its Ed25519 key, and a receiver trusts a signature only
while the key that made it is listed here as active. Keys are kept as a history so that a
rotated or revoked key still names who held it, and a bundle signed after a revocation is
refused.
"""

from __future__ import annotations

import base64
import hashlib
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import Party


class Node(models.Model):
    # The node's name in bundles, checkpoints and cosignatures; never changes once given.
    name = models.SlugField(_("name"), max_length=64, unique=True)
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="nodes",
                              verbose_name=_("party"))
    # The base URL where its federation API answers; empty for a node reached by files only.
    endpoint = models.URLField(_("endpoint"), blank=True)
    # This installation itself; its private key is the deployment key beside the audit
    # checkpoints, never in the database.
    is_local = models.BooleanField(_("this node"), default=False)
    # The peer's chain position up to which this node has pulled its bundles over HTTPS.
    pulled_cursor = models.BigIntegerField(_("pulled up to"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("node")
        verbose_name_plural = _("nodes")
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["is_local"], condition=Q(is_local=True),
                                    name="federation_one_local_node"),
        ]

    def __str__(self) -> str:
        return self.name


class NodeKey(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In force")
        # Replaced by a newer key: signatures made before `ended_at` still hold.
        RETIRED = "retired", _("Retired")
        # Compromised or withdrawn: nothing signed with it is accepted any more.
        REVOKED = "revoked", _("Revoked")

    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="keys",
                             verbose_name=_("node"))
    # The raw 32-byte Ed25519 public key, base64.
    public_key = models.CharField(_("public key"), max_length=64)
    # The first four bytes of SHA-256 over the raw key, hex: how signatures name their key.
    key_id = models.CharField(_("key id"), max_length=8, db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ACTIVE)
    valid_from = models.DateTimeField(_("valid from"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("node key")
        verbose_name_plural = _("node keys")
        ordering: ClassVar = ["node", "-valid_from"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["public_key"], name="federation_key_once"),
            models.UniqueConstraint(fields=["node"], condition=Q(status="active"),
                                    name="federation_one_active_key"),
        ]

    def __str__(self) -> str:
        return f"{self.node.name} {self.key_id}"

    @staticmethod
    def id_of(public_key_b64: str) -> str:
        raw = base64.b64decode(public_key_b64, validate=True)
        return hashlib.sha256(raw).digest()[:4].hex()
