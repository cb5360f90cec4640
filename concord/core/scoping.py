"""Fetching one labelled record for a viewer: invisible reads exactly as missing, and both the
denial (of a hidden or a missing record alike) and any read of a CONFIDENTIAL or SECRET record go
to the audit log."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from concord.core.actors import Viewer
from concord.core.audit import audit_record
from concord.core.errors import NotFound
from concord.core.labels import Classification
from concord.core.models import AuditEntry, LabelledModel, LabelledQuerySet

M = TypeVar("M", bound=LabelledModel)


def public_id_of(model: type[LabelledModel], value: Any) -> uuid.UUID:
    """`value`, as given in a path or a form, as a public id of `model`. A malformed id names no
    record, so it is missing like a well-formed one that no record has: the same NotFound, in
    the words `audited_read` uses, so that the answer never tells the two apart."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound(str(model._meta.verbose_name).capitalize() + " not found.") from None


def labelled_get(queryset: LabelledQuerySet, *, viewer: Viewer, **lookup: Any) -> Any:
    record = queryset.visible_to(viewer).filter(**lookup).first()
    return audited_read(queryset.model, record, viewer=viewer, **lookup)


def audited_read(model: type[M], record: M | None, *, viewer: Viewer, **lookup: Any) -> M:
    """The rest of a read that `visible_to(viewer)` answered with `record` (None when nothing
    matched `lookup`): a record the viewer may not see is a denial, audited, and a NotFound
    like a missing one; a CONFIDENTIAL or SECRET record read is audited."""
    action = f"{model._meta.label_lower}.read"
    if record is None:
        # A hidden record and a missing one take the same path, one lookup and one audit entry
        # each, so that neither the answer nor its time tells them apart; the entry says to the
        # auditors which it was, and the user's own activity list shows neither.
        hidden = model.objects.unscoped(reason="auditing a denied read").filter(**lookup).first()
        asked = ",".join(f"{key}={value}" for key, value in sorted(lookup.items()))[:100]
        audit_record(actor=viewer, action=action, target=hidden,
                     target_type=model._meta.label_lower, target_id=asked,
                     outcome=AuditEntry.Outcome.DENIED,
                     detail={"exists": hidden is not None,
                             **({"record": str(getattr(hidden, "public_id", None) or hidden.pk)}
                                if hidden is not None else {})})
        raise NotFound(str(model._meta.verbose_name).capitalize() + " not found.")
    if record.classification >= Classification.CONFIDENTIAL:
        audit_record(actor=viewer, action=action, target=record)
    return record
