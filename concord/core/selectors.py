from __future__ import annotations

from typing import Any

from django.apps import apps

from concord.core.actors import Viewer, user_id
from concord.core.models import AuditEntry, LabelledModel

# Of a user's recent actions, this many at most are records opened: reading a series of
# confidential records must not push what the user changed off their dashboard.
READS_SHOWN = 3


def audit_list_for_actor(*, viewer: Viewer, limit: int = 10) -> list[AuditEntry]:
    """A user's own recent actions, newest first; everyone may see what they did themselves.
    Records opened (audited reads) are among them, but never more than READS_SHOWN."""
    user = user_id(viewer)
    if user is None:
        return []
    mine = AuditEntry.objects.filter(actor_id=user).order_by("-seq")
    changes = list(mine.exclude(action__endswith=".read")[:limit])
    # A refused read is the auditors' business: shown to the user, it would tell a record hidden
    # from them (whose refusal names it) from a missing one.
    reads = list(mine.filter(action__endswith=".read")
                 .exclude(outcome=AuditEntry.Outcome.DENIED)[:min(READS_SHOWN, limit)])
    return sorted(changes + reads, key=lambda entry: entry.seq, reverse=True)[:limit]


def labelled_record_get(*, viewer: Any, model: str, public_id: Any) -> LabelledModel | None:
    """The record of the labelled `model` ("app_label.ModelName") with this public id, if
    `viewer` may read it. None when it is missing or hidden alike: the caller answers both the
    same way, so a hidden record is never told from a missing one."""
    record_model: Any = apps.get_model(model)
    record: LabelledModel | None = record_model.objects.visible_to(viewer).filter(
        public_id=public_id).first()
    return record
