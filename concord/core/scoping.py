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
    record = queryset.visible_to(viewer).filter(**lookup).first()
    return audited_read(queryset.model, record, viewer=viewer, **lookup)


def audited_read(model: type[M], record: M | None, *, viewer: Any, **lookup: Any) -> M:
    """The rest of a read that `visible_to(viewer)` answered with `record` (None when nothing
    matched `lookup`): a record the viewer may not see is a denial, audited, and a NotFound
    like a missing one; a CONFIDENTIAL or SECRET record read is audited."""
    action = f"{model._meta.label_lower}.read"
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
