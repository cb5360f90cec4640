"""Signers' keys, the signatures made with them, and each state's steps towards an agreement's entry
into force."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.council.models.documents import Document
from concord.registry.models import MemberState, Official


class SignerKey(models.Model):
    """A signer's Ed25519 public key. The private half never enters the database: it stays with
    the signer (for the demo, in a file under the var directory named by the fingerprint)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="signer_keys",
                                 verbose_name=_("official"))
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("state"))
    public_key = models.CharField(_("public key (base64)"), max_length=64)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signer key")
        verbose_name_plural = _("signer keys")
        ordering: ClassVar = ["official", "-created_at"]

    def __str__(self) -> str:
        return f"{self.official} {self.fingerprint[:16]}"


class Signature(models.Model):
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="signatures")
    key = models.ForeignKey(SignerKey, on_delete=models.PROTECT, related_name="signatures")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(MemberState, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    signed_on = models.DateField(_("signed on"))
    payload = models.TextField(_("signed statement (canonical JSON)"))
    signature = models.CharField(_("signature (base64)"), max_length=128)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering: ClassVar = ["document", "signed_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "official"],
                                    name="council_one_signature_per_signer"),
        ]

    def __str__(self) -> str:
        return f"{self.official} on {self.signed_on}"


class TreatyAction(models.Model):
    """A state's steps on an agreement, as the UN Treaty Collection tabulates them."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="treaty_actions")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    ratified_on = models.DateField(_("ratified"), null=True, blank=True)
    deposited_on = models.DateField(_("instrument deposited"), null=True, blank=True)
    reservations = models.TextField(_("reservations and declarations"), blank=True)

    class Meta:
        verbose_name = _("treaty status")
        verbose_name_plural = _("treaty status")
        ordering: ClassVar = ["document", "state__name_ru"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "state"], name="council_treaty_state_unique"),
            models.CheckConstraint(
                condition=Q(deposited_on__isnull=True) | Q(ratified_on__isnull=False),
                name="council_deposit_after_ratification"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.document_id}"
