"""Deliveries of pledged items, the end-use certificate a military-technical delivery needs first,
and the handover act provider and recipient sign when a delivery closes."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.assistance.models.pledges import Pledge, PledgeLine
from concord.assistance.models.requests import AssistanceRequest
from concord.core.models import Translated
from concord.council.models import SignerKey
from concord.registry.models import MemberState, Official


class EndUseCertificate(models.Model):
    """The recipient's undertaking to a provider on the end use of military-technical items:
    seen by whoever may see the pledge it covers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT,
                               related_name="end_use_certificates", verbose_name=_("pledge"))
    number = models.CharField(_("certificate number"), max_length=60)
    recipient = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("recipient"))
    end_user_ru = models.CharField(_("end user (Russian)"), max_length=300)
    end_user_en = models.CharField(_("end user (English)"), max_length=300, blank=True)
    lines = models.ManyToManyField(PledgeLine, related_name="end_use_certificates",
                                   verbose_name=_("items"))
    restriction_ru = models.TextField(_("end-use restriction (Russian)"))
    restriction_en = models.TextField(_("end-use restriction (English)"), blank=True)
    retransfer_banned = models.BooleanField(_("re-transfer prohibited"), default=True)
    issued_on = models.DateField(_("issued"))
    # The recipient's signature, made with the same Ed25519 keys as council signatures.
    key = models.ForeignKey(SignerKey, null=True, blank=True, on_delete=models.PROTECT,
                            related_name="+", verbose_name=_("signer key"))
    signed_by = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("signed by"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    payload = models.TextField(_("signed statement (canonical JSON)"), blank=True)
    signature = models.CharField(_("signature (base64)"), max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("end-use certificate")
        verbose_name_plural = _("end-use certificates")
        ordering: ClassVar = ["pledge", "issued_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["pledge", "number"],
                                    name="assistance_certificate_number_unique"),
            models.CheckConstraint(
                condition=(Q(signature="") & Q(key__isnull=True) & Q(signed_on__isnull=True))
                | (~Q(signature="") & Q(key__isnull=False) & Q(signed_on__isnull=False)
                   & ~Q(payload="")),
                name="assistance_certificate_signature_whole"),
        ]

    def __str__(self) -> str:
        return self.number

    end_user = Translated("end_user")
    restriction = Translated("restriction")

    @property
    def is_signed(self) -> bool:
        return bool(self.signature)

    def clean(self) -> None:
        super().clean()
        if not self.restriction_ru.strip():
            raise ValidationError({"restriction_ru": _("State the end-use restriction.")})


class Delivery(models.Model):
    """A consignment from one pledge: shipped, delivered, then accepted by the recipient."""

    class Status(models.TextChoices):
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        ACCEPTED = "accepted", _("Accepted")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="deliveries",
                               verbose_name=_("pledge"))
    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT,
                                related_name="deliveries", verbose_name=_("request"))
    reference = models.CharField(_("consignment"), max_length=80)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.SHIPPED)
    shipped_on = models.DateField(_("shipped"))
    delivered_on = models.DateField(_("delivered"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted"), null=True, blank=True)
    place_ru = models.CharField(_("place (Russian)"), max_length=300, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=300, blank=True)
    certificate = models.ForeignKey(EndUseCertificate, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="deliveries",
                                    verbose_name=_("end-use certificate"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering: ClassVar = ["request", "shipped_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["pledge", "reference"],
                                    name="assistance_delivery_reference_unique"),
            models.CheckConstraint(
                condition=Q(delivered_on__isnull=True) | Q(delivered_on__gte=F("shipped_on")),
                name="assistance_delivered_after_shipped"),
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True)
                | (Q(delivered_on__isnull=False) & Q(accepted_on__gte=F("delivered_on"))),
                name="assistance_accepted_after_delivered"),
            models.CheckConstraint(
                condition=Q(status="shipped") | Q(delivered_on__isnull=False),
                name="assistance_delivered_has_date"),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_on__isnull=False),
                name="assistance_accepted_has_date"),
        ]

    def __str__(self) -> str:
        return self.reference

    place = Translated("place")

    def clean(self) -> None:
        super().clean()
        if self.delivered_on and self.shipped_on and self.delivered_on < self.shipped_on:
            raise ValidationError({"delivered_on": _("Delivered before it was shipped.")})
        if self.accepted_on and (self.delivered_on is None or self.accepted_on < self.delivered_on):
            raise ValidationError({"accepted_on": _("Accepted before it was delivered.")})
        if self.pledge_id and self.request_id and self.pledge.request_id != self.request_id:
            raise ValidationError({"pledge": _("The pledge answers another request.")})


class DeliveryItem(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="items")
    pledge_line = models.ForeignKey(PledgeLine, on_delete=models.PROTECT,
                                    related_name="delivery_items",
                                    verbose_name=_("pledge line"))
    quantity = models.PositiveIntegerField(_("quantity"))
    accepted = models.PositiveIntegerField(_("accepted"), default=0)

    class Meta:
        verbose_name = _("delivered item")
        verbose_name_plural = _("delivered items")
        ordering: ClassVar = ["delivery", "pledge_line__line__number", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["delivery", "pledge_line"],
                                    name="assistance_delivery_item_unique"),
            models.CheckConstraint(condition=Q(quantity__gte=1),
                                   name="assistance_delivery_item_positive"),
            models.CheckConstraint(condition=Q(accepted__lte=F("quantity")),
                                   name="assistance_delivery_item_accepted_within"),
        ]

    def __str__(self) -> str:
        return f"{self.delivery_id}: {self.quantity}"

    def clean(self) -> None:
        super().clean()
        if self.quantity is not None and self.accepted is not None and \
                self.accepted > self.quantity:
            raise ValidationError({"accepted": _("More accepted than delivered.")})


class HandoverAct(models.Model):
    """The act closing a delivery, signed by provider and recipient. The signed statement names
    the delivery, its items and quantities; a changed byte fails verification."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delivery = models.OneToOneField(Delivery, on_delete=models.PROTECT,
                                    related_name="handover_act", verbose_name=_("delivery"))
    number = models.CharField(_("act number"), max_length=60)
    signed_at_place_ru = models.CharField(_("place (Russian)"), max_length=300, blank=True)
    signed_at_place_en = models.CharField(_("place (English)"), max_length=300, blank=True)
    dated = models.DateField(_("dated"))
    payload = models.TextField(_("statement (canonical JSON)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handover act")
        verbose_name_plural = _("handover acts")
        ordering: ClassVar = ["dated", "id"]

    def __str__(self) -> str:
        return self.number

    signed_at_place = Translated("signed_at_place")


class HandoverSignature(models.Model):
    class Side(models.TextChoices):
        PROVIDER = "provider", _("Provider")
        RECIPIENT = "recipient", _("Recipient")

    act = models.ForeignKey(HandoverAct, on_delete=models.PROTECT, related_name="signatures")
    side = models.CharField(_("side"), max_length=16, choices=Side.choices)
    key = models.ForeignKey(SignerKey, on_delete=models.PROTECT, related_name="+")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="+")
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+")
    signed_on = models.DateField(_("signed on"))
    payload = models.TextField(_("signed statement (canonical JSON)"))
    signature = models.CharField(_("signature (base64)"), max_length=128)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handover signature")
        verbose_name_plural = _("handover signatures")
        ordering: ClassVar = ["act", "side"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["act", "side"],
                                    name="assistance_one_signature_per_side"),
        ]

    def __str__(self) -> str:
        return f"{self.act_id} {self.side}"


