from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from concord.core.actors import Viewer, user_id
from concord.core.models import AuditEntry, LabelledModel


def audit_list_for_actor(*, viewer: Viewer, limit: int = 10) -> QuerySet[AuditEntry]:
    """A user's own recent actions; everyone may see what they did themselves."""
    user = user_id(viewer)
    if user is None:
        return AuditEntry.objects.none()
    # A refused read is the auditors' business: shown to the user, it would tell a record hidden
    # from them (whose refusal names it) from a missing one.
    return (AuditEntry.objects.filter(actor_id=user)
            .exclude(outcome=AuditEntry.Outcome.DENIED, action__endswith=".read")
            .order_by("-seq")[:limit])


def labelled_record_get(*, viewer: Any, model: str, public_id: Any) -> LabelledModel | None:
    """The record of the labelled `model` ("app_label.ModelName") with this public id, if
    `viewer` may read it. None when it is missing or hidden alike: the caller answers both the
    same way, so a hidden record is never told from a missing one."""
    record_model: Any = apps.get_model(model)
    record: LabelledModel | None = record_model.objects.visible_to(viewer).filter(
        public_id=public_id).first()
    return record
