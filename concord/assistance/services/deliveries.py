"""Consignments of committed items: shipped by the provider, delivered, then accepted by the
recipient in full or in part. Each moves the quantities of the pledge lines it carries and keeps
a revision of each."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import Delivery, DeliveryItem, Pledge, PledgeLine
from concord.assistance.services import handover
from concord.assistance.services._common import keep_revision, locked, speaks_for, validated
from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission

Stage = PledgeLine.Stage


def _items(pledge: Pledge, items: Iterable[Mapping[str, Any]]) -> list[tuple[PledgeLine, int]]:
    own = {line.pk: line for line in pledge.lines.select_for_update().select_related("line")}
    rows: list[tuple[PledgeLine, int]] = []
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items, start=1):
        pledge_line, quantity = item.get("pledge_line"), int(item.get("quantity") or 0)
        if not isinstance(pledge_line, PledgeLine) or pledge_line.pk not in own:
            errors[f"items[{index}].pledge_line"] = [_("Not a line of this pledge.")]
            continue
        pledge_line = own[pledge_line.pk]
        room = pledge_line.committed - pledge_line.shipped
        if pledge_line.stage == Stage.CANCELLED:
            errors[f"items[{index}].pledge_line"] = [_("The pledge line is cancelled.")]
        elif quantity < 1 or quantity > room:
            errors[f"items[{index}].quantity"] = [
                _("Ship between 1 and %(room)d: that much is committed and not yet shipped.")
                % {"room": room}]
        rows.append((pledge_line, quantity))
    if not rows and not errors:
        errors["items"] = [_("Name at least one item.")]
    if not errors:
        uncovered = {line.pk for line in handover.end_use_uncovered(
            lines=[pledge_line for pledge_line, _quantity in rows])}
        for index, (pledge_line, _quantity) in enumerate(rows, start=1):
            if pledge_line.pk in uncovered:
                errors[f"items[{index}].pledge_line"] = [
                    _("Line %(line)d is military-technical: it ships only once the recipient "
                      "has signed an end-use certificate covering it.")
                    % {"line": pledge_line.line.number}]
    if errors:
        raise ValidationError(_("The consignment cannot be recorded."), errors=errors)
    return rows


@transaction.atomic
def delivery_ship(*, actor: Actor, pledge: Pledge, reference: str, shipped_on: date | None = None,
                  items: Iterable[Mapping[str, Any]], place_ru: str = "", place_en: str = "",
                  note: str = "", public_id: uuid.UUID | None = None) -> Delivery:
    """The provider sends part or all of what it committed."""
    require_permission(actor, "assistance.add_delivery")
    speaks_for(actor, pledge.state)
    rows = _items(pledge, items)
    delivery = Delivery(public_id=public_id or uuid.uuid4(), pledge=pledge,
                        request_id=pledge.request_id, reference=reference.strip(),
                        shipped_on=shipped_on or clock.today(), place_ru=place_ru.strip(),
                        place_en=place_en.strip(), note=note.strip(),
                        recorded_by_id=user_id(actor))
    validated(delivery, exclude=["pledge", "request"])
    if Delivery.objects.filter(pledge=pledge, reference=delivery.reference).exists():
        raise ValidationError(_("The consignment cannot be recorded."), errors={
            "reference": [_("This pledge already has a consignment %(reference)s.")
                          % {"reference": delivery.reference}]})
    delivery.save()
    for pledge_line, quantity in rows:
        DeliveryItem.objects.create(delivery=delivery, pledge_line=pledge_line, quantity=quantity)
        pledge_line.shipped += quantity
        if pledge_line.stage in (Stage.PLEDGED, Stage.COMMITTED):
            pledge_line.stage = Stage.SHIPPED
        pledge_line.save(update_fields=["shipped", "stage", "updated_at"])
        keep_revision(actor=actor, pledge_line=pledge_line, action="ship",
                      note=delivery.reference)
    audit_record(actor=actor, action="assistance.delivery.ship", target=pledge,
                 detail={"consignment": delivery.reference,
                         "items": {str(line.line.number): qty for line, qty in rows}})
    return delivery


def _may_receive(actor: Actor, delivery: Delivery) -> None:
    require_permission(actor, "assistance.change_delivery")
    speaks_for(actor, delivery.pledge.request.requesting_state)


@transaction.atomic
def delivery_receive(*, actor: Actor, delivery: Delivery,
                     delivered_on: date | None = None) -> Delivery:
    """The consignment arrives: its quantities count as delivered."""
    _may_receive(actor, delivery)
    if delivery.status != Delivery.Status.SHIPPED:
        raise InvalidState(_("The consignment is already delivered."))
    delivery.status = Delivery.Status.DELIVERED
    delivery.delivered_on = delivered_on or clock.today()
    validated(delivery)
    delivery.save(update_fields=["status", "delivered_on"])
    for item in delivery.items.select_related("pledge_line"):
        pledge_line = locked(item.pledge_line)
        pledge_line.delivered += item.quantity
        if pledge_line.stage == Stage.SHIPPED and pledge_line.delivered == pledge_line.shipped:
            pledge_line.stage = Stage.DELIVERED
        pledge_line.save(update_fields=["delivered", "stage", "updated_at"])
        keep_revision(actor=actor, pledge_line=pledge_line, action="deliver",
                      note=delivery.reference)
    audit_record(actor=actor, action="assistance.delivery.receive", target=delivery.pledge,
                 detail={"consignment": delivery.reference,
                         "delivered_on": delivery.delivered_on.isoformat()})
    return delivery


@transaction.atomic
def delivery_accept(*, actor: Actor, delivery: Delivery, accepted_on: date | None = None,
                    quantities: Mapping[int, int] | None = None, note: str = "") -> Delivery:
    """The recipient accepts what arrived: all of it, or per item (`quantities` by item id) what
    it takes; the rest stays delivered and not accepted."""
    _may_receive(actor, delivery)
    if delivery.status != Delivery.Status.DELIVERED:
        raise InvalidState(_("Only a delivered consignment is accepted."))
    items = list(delivery.items.select_related("pledge_line__line"))
    errors: dict[str, list[str]] = {}
    taken: dict[int, int] = {}
    for item in items:
        amount = item.quantity if quantities is None else int(quantities.get(item.pk, 0))
        if amount < 0 or amount > item.quantity:
            errors[f"items[{item.pledge_line.line.number}].accepted"] = [
                _("Accept between 0 and %(most)d.") % {"most": item.quantity}]
        taken[item.pk] = amount
    if errors:
        raise ValidationError(_("The acceptance cannot be recorded."), errors=errors)
    delivery.status = Delivery.Status.ACCEPTED
    delivery.accepted_on = accepted_on or clock.today()
    delivery.note = "\n".join(filter(None, [delivery.note, note.strip()]))
    validated(delivery)
    delivery.save(update_fields=["status", "accepted_on", "note"])
    for item in items:
        item.accepted = taken[item.pk]
        item.save(update_fields=["accepted"])
        pledge_line = locked(item.pledge_line)
        pledge_line.accepted += item.accepted
        if pledge_line.stage == Stage.DELIVERED and pledge_line.accepted >= pledge_line.committed:
            pledge_line.stage = Stage.ACCEPTED
        pledge_line.save(update_fields=["accepted", "stage", "updated_at"])
        keep_revision(actor=actor, pledge_line=pledge_line, action="accept",
                      note=delivery.reference)
    audit_record(actor=actor, action="assistance.delivery.accept", target=delivery.pledge,
                 detail={"consignment": delivery.reference,
                         "accepted": {str(i.pledge_line.line.number): taken[i.pk]
                                      for i in items}})
    return delivery
