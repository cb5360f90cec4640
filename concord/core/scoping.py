"""Fetching one labelled record for a viewer: invisible reads exactly as missing, and both the
denial and any read of a CONFIDENTIAL or SECRET record go to the audit log."""

from __future__ import annotations

from typing import Any, TypeVar

from concord.core.audit import audit_record
from concord.core.errors import NotFound
from concord.core.labels import Classification
from concord.core.models import AuditEntry, LabelledModel, LabelledQuerySet

M = TypeVar("M", bound=LabelledModel)


def labelled_get(queryset: LabelledQuerySet, *, viewer: Any, **lookup: Any) -> Any:
    model = queryset.model
    action = f"{model._meta.label_lower}.read"
    record = queryset.visible_to(viewer).filter(**lookup).first()
    if record is None:
        hidden = model.objects.unscoped(reason="auditing a denied read").filter(**lookup).first()
        if hidden is not None:
            audit_record(
                actor=viewer, action=action, target=hidden, outcome=AuditEntry.Outcome.DENIED
            )
        raise NotFound(str(model._meta.verbose_name).capitalize() + " not found.")
    if record.classification >= Classification.CONFIDENTIAL:
        audit_record(actor=viewer, action=action, target=record)
    return record
