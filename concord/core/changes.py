"""How a service corrects a record's fields: one way for every app, so that every correction is
saved and audited alike.

    audited_update(actor=actor, record=record, values={"title_en": "A new title"},
                   action="<app>.<record>.update", prepare=validated)

The values that differ from the record's are set on it; `prepare` then derives what follows from
them and validates the record (raising ValidationError leaves the database untouched, the
caller's transaction rolling back); the record is saved with those fields alone, and one audit
entry names each changed field with its old and new value: `{"changed": {field: [old, new]}}`.
When nothing differs nothing is saved and nothing audited."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from django.db import models

from concord.core.actors import Actor
from concord.core.audit import audit_record

Record = TypeVar("Record", bound=models.Model)


def _plain(value: Any) -> Any:
    """A value as the audit entry's JSON keeps it."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def changes_applied(record: models.Model, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Sets on `record` each value that differs from its own; each changed field's old and new
    value, as the audit entry keeps them."""
    changed: dict[str, list[Any]] = {}
    for name, value in values.items():
        old = getattr(record, name)
        if old != value:
            changed[name] = [_plain(old), _plain(value)]
            setattr(record, name, value)
    return changed


def audited_update(*, actor: Actor, record: Record, values: Mapping[str, Any], action: str,
                   prepare: Callable[[Record], None] | None = None,
                   derived: tuple[str, ...] = (), target: models.Model | None = None,
                   target_id: str = "",
                   detail: Mapping[str, Any] | None = None) -> dict[str, list[Any]]:
    """Applies, saves and audits the values that differ from the record's (see the module);
    `derived` names the fields `prepare` sets from them, saved with them; the audit entry is
    about `target` (the record itself by default; `target_id` where the record is known by
    another key than its id) and carries `detail` besides the changes.
    Returns the changes, empty when nothing differed. Call it inside the service's transaction."""
    changed = changes_applied(record, values)
    if not changed:
        return changed
    if prepare is not None:
        prepare(record)
    record.save(update_fields=[*changed, *derived])
    audit_record(actor=actor, action=action, target=target or record, target_id=target_id,
                 detail={**(detail or {}), "changed": changed})
    return changed
