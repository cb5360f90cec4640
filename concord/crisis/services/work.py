"""The case's tasks and the facilities its contingents protect. Each change is audited on the
case, so that it is written to the case's log."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.core import clock
from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import can_read
from concord.core.models import Party
from concord.crisis.models import Case, Facility, Task
from concord.crisis.services.cases import RUN_CASE


def _event(at: datetime | None) -> dict[str, str]:
    # A change recorded after the fact is logged at the moment it happened.
    return {"event_at": at.isoformat()} if at is not None else {}


def _require_open(case: Case) -> None:
    if not case.is_open:
        raise InvalidState(_("The case is closed."))


@transaction.atomic
def task_add(*, actor: Actor, case: Case, title: str, owner: User | None = None,
             contingent: Party | None = None, deadline: datetime | None = None,
             at: datetime | None = None) -> Task:
    require_permission(actor, RUN_CASE)
    _require_open(case)
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Required.")]
    if owner is not None and not can_read(owner, case):
        errors["owner"] = [_("%(user)s may not read this case.") % {"user": owner.get_username()}]
    if errors:
        raise ValidationError(_("The task was not added."), errors=errors)
    task = Task.objects.create(case=case, title=title.strip(), owner=owner,
                               contingent=contingent, deadline=deadline)
    audit_record(actor=actor, action="crisis.task.add", target=case,
                 detail={"text": task.title, "task": task.pk, **_event(at)})
    return task


@transaction.atomic
def task_set_status(*, actor: Actor, task: Task, status: str,
                    at: datetime | None = None) -> Task:
    require_permission(actor, RUN_CASE)
    _require_open(task.case)
    if status not in Task.Status.values:
        raise ValidationError(_("The task was not changed."),
                              errors={"status": [_("Unknown status: %(value)s.") % {
                                  "value": status}]})
    if task.status == status:
        return task
    task.status = status
    task.done_at = (at or clock.now()) if status == Task.Status.DONE else None
    task.save(update_fields=["status", "done_at"])
    audit_record(actor=actor, action="crisis.task.status", target=task.case,
                 detail={"text": f"{task.title}: {Task.Status(status).label}", "task": task.pk,
                         "status": status, **_event(at)})
    return task


@transaction.atomic
def facility_add(*, actor: Actor, case: Case, name: str, contingent: Party,
                 latitude: float | None = None, longitude: float | None = None,
                 status: str = Facility.Status.ASSIGNED, at: datetime | None = None) -> Facility:
    require_permission(actor, RUN_CASE)
    _require_open(case)
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Required.")]
    if status not in Facility.Status.values:
        errors["status"] = [_("Unknown status: %(value)s.") % {"value": status}]
    if errors:
        raise ValidationError(_("The facility was not added."), errors=errors)
    facility = Facility.objects.create(case=case, name=name.strip(), contingent=contingent,
                                       latitude=latitude, longitude=longitude, status=status)
    audit_record(actor=actor, action="crisis.facility.add", target=case,
                 detail={"text": f"{facility.name} ({contingent.code})",
                         "facility": facility.pk, **_event(at)})
    return facility


@transaction.atomic
def facility_set_status(*, actor: Actor, facility: Facility, status: str,
                        at: datetime | None = None) -> Facility:
    require_permission(actor, RUN_CASE)
    _require_open(facility.case)
    if status not in Facility.Status.values:
        raise ValidationError(_("The facility was not changed."),
                              errors={"status": [_("Unknown status: %(value)s.") % {
                                  "value": status}]})
    if facility.status == status:
        return facility
    facility.status = status
    facility.save(update_fields=["status"])
    audit_record(actor=actor, action="crisis.facility.status", target=facility.case,
                 detail={"text": f"{facility.name}: {Facility.Status(status).label}",
                         "facility": facility.pk, "status": status, **_event(at)})
    return facility
