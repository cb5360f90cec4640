"""Keeps each labelled record's release mask equal to its release list.

The release list (`releasable_to`) is what people read and edit; the mask is the same set as
one integer, which the read rule tests in SQL. Every change to a release list through Django's
related manager (`set`, `add`, `remove`, `clear`) recomputes the mask in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed

from concord.core.models import LabelledModel


def mask_of(bits: Iterable[int]) -> int:
    mask = 0
    for bit in bits:
        mask |= 1 << bit
    return mask


def _list_masks(model: type[models.Model], pks: list[Any] | None = None) -> dict[Any, int]:
    """The masks the release lists of `model`'s records give (all records that have one, or
    those of `pks`, an empty list giving 0)."""
    relation: Any = model._meta.get_field("releasable_to")
    through = relation.remote_field.through
    record_column, party_column = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    rows = through.objects.all()
    masks: dict[Any, int] = {}
    if pks is not None:
        rows = rows.filter(**{f"{record_column}__in": pks})
        masks = dict.fromkeys(pks, 0)
    for pk, bit in rows.values_list(record_column, f"{party_column}__release_bit"):
        masks[pk] = masks.get(pk, 0) | (1 << bit)
    return masks


def refresh_masks(model: type[models.Model], pks: Iterable[Any]) -> None:
    """Recompute the masks of `model`'s records `pks` from their release lists."""
    # The base manager is Django's plain one: the mask is kernel bookkeeping, not a read.
    base = model._base_manager
    for pk, mask in _list_masks(model, list(pks)).items():
        base.filter(pk=pk).update(release_mask=mask)


def _release_list_changed(sender: Any, *, instance: Any, action: str, reverse: bool,
                          model: type[models.Model], pk_set: set[Any] | None,
                          **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if reverse:
        # `instance` is a party; the records whose lists changed are `pk_set` (all of the
        # party's records on clear, which Django does not list, so every one is recomputed).
        records = model
        pks = pk_set if pk_set is not None else records._base_manager.values_list("pk", flat=True)
        refresh_masks(records, pks)
        return
    mask = mask_of(instance.releasable_to.values_list("release_bit", flat=True))
    type(instance)._base_manager.filter(pk=instance.pk).update(release_mask=mask)
    instance.release_mask = mask


def connect() -> None:
    for model in labelled_models():
        relation: Any = model._meta.get_field("releasable_to")
        through = relation.remote_field.through
        m2m_changed.connect(_release_list_changed, sender=through,
                            dispatch_uid=f"release-mask:{model._meta.label}")


def labelled_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if issubclass(model, LabelledModel)]


def stale_masks(model: type[models.Model]) -> list[Any]:
    """The records of `model` whose mask differs from their release list."""
    expected = _list_masks(model)
    stale = []
    for pk, mask in model._base_manager.exclude(release_mask=0).values_list("pk", "release_mask"):
        if expected.pop(pk, 0) != mask:
            stale.append(pk)
    # What is left had a release list but an empty mask.
    stale.extend(expected)
    return sorted(stale)
