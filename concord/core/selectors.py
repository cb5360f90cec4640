from __future__ import annotations

from django.db.models import QuerySet

from concord.core.actors import Viewer, user_id
from concord.core.models import AuditEntry


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
