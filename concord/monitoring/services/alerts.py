"""The handling of an alert: an analyst acknowledges it, and it is assigned to the analyst who
follows it up. Both are audited; an ended alert is handled no more."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.core import clock
from concord.core.actors import Actor, person, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import can_read
from concord.monitoring.models import Alert

HANDLE_ALERT = "monitoring.change_alert"


def _require_open(alert: Alert) -> None:
    if alert.ended_at is not None:
        raise InvalidState(_("The alert has ended: it is no longer handled."))


@transaction.atomic
def alert_acknowledge(*, actor: Actor, alert: Alert) -> Alert:
    """Marks the alert as seen by `actor`, a person. Two analysts acknowledging at once: the
    first one counts, the second is told."""
    require_permission(actor, HANDLE_ALERT)
    analyst = person(actor)
    _require_open(alert)
    now = clock.now()
    marked = Alert.objects.visible_to(analyst).filter(
        pk=alert.pk, acknowledged_at__isnull=True, ended_at__isnull=True).update(
        acknowledged_at=now, acknowledged_by_id=user_id(actor))
    if not marked:
        raise InvalidState(_("The alert has already been acknowledged."))
    alert.acknowledged_at, alert.acknowledged_by_id = now, user_id(actor)
    audit_record(actor=actor, action="monitoring.alert.acknowledge", target=alert,
                 detail={"level": alert.level, "value": alert.value})
    return alert


def alert_assignable(alert: Alert) -> list[User]:
    """Who an alert may be assigned to: the active users who may handle alerts and read this
    one (an assignment must not send anyone to a record they cannot open)."""
    app_label, codename = HANDLE_ALERT.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label,
                                           codename=codename).first()
    handlers = (User.objects.filter(Q(is_superuser=True) | Q(groups__permissions=permission)
                                    | Q(user_permissions=permission), is_active=True)
                .distinct().select_related("party")
                .order_by("last_name", "first_name", "username"))
    return [user for user in handlers if can_read(user, alert)]


@transaction.atomic
def alert_assign(*, actor: Actor, alert: Alert, assignee: User | None) -> Alert:
    """Gives the alert to `assignee` to follow up, or to no one (None)."""
    require_permission(actor, HANDLE_ALERT)
    _require_open(alert)
    if assignee is not None and assignee not in alert_assignable(alert):
        raise ValidationError(_("Please correct the marked fields."), errors={"assignee": [
            _("%(user)s may not handle this alert.") % {"user": assignee.get_username()}]})
    previous = alert.assignee.get_username() if alert.assignee_id and alert.assignee else ""
    new_id = assignee.pk if assignee is not None else None
    if alert.assignee_id == new_id:
        return alert
    alert.assignee = assignee
    alert.save(update_fields=["assignee"])
    audit_record(actor=actor, action="monitoring.alert.assign", target=alert,
                 detail={"from": previous,
                         "to": assignee.get_username() if assignee is not None else ""})
    return alert
