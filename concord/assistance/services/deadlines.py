"""The daily look at deadlines: the addressed delegations are reminded before a window closes, a
window past its date is closed, and pledge lines past their promised date and not delivered are
flagged overdue, each told once. The promise stays visible after the deadline."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import F

from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine
from concord.assistance.selectors.figures import due_day
from concord.assistance.services import notices
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
from concord.core.clock import today
from concord.core.policy import system_viewers

# How long before its window closes a request's addressed delegations are reminded.
REMIND_DAYS = 7

Status = AssistanceRequest.Status


def _open_requests(reason: str) -> list[AssistanceRequest]:
    found: list[AssistanceRequest] = []
    for viewer in system_viewers(reason=reason):
        found.extend(AssistanceRequest.objects.visible_to(viewer)
                     .filter(originator_id=viewer.party_id, status=Status.OPEN)
                     .select_related("requesting_state", "originator"))
    return found


@transaction.atomic
def request_remind_closing(*, on: date | None = None) -> list[AssistanceRequest]:
    on = on or today()
    reminded: list[AssistanceRequest] = []
    for request in _open_requests("reminding delegations of closing offer windows"):
        closes = request.closes_on
        if closes is None or request.reminded_on is not None or not \
                on <= closes <= on + timedelta(days=REMIND_DAYS):
            continue
        request.reminded_on = on
        request.save(update_fields=["reminded_on"])
        audit_record(actor=SYSTEM, action="assistance.request.remind", target=request,
                     detail={"closes_on": closes.isoformat()})
        reminded.append(request)
    if reminded:
        transaction.on_commit(lambda: [notices.tell_closing(r) for r in reminded])
    return reminded


@transaction.atomic
def request_close_due(*, on: date | None = None) -> list[AssistanceRequest]:
    """Windows past their closing day close; pledges already made stay and are tracked."""
    on = on or today()
    closed: list[AssistanceRequest] = []
    for request in _open_requests("closing offer windows past their date"):
        if request.closes_on is None or request.closes_on >= on:
            continue
        request.status = Status.CLOSED
        request.save(update_fields=["status"])
        audit_record(actor=SYSTEM, action="assistance.request.close", target=request,
                     detail={"status": Status.CLOSED, "closes_on": request.closes_on.isoformat()})
        closed.append(request)
    return closed


@transaction.atomic
def pledge_flag_overdue(*, on: date | None = None) -> list[PledgeLine]:
    on = on or today()
    flagged: list[PledgeLine] = []
    told: dict[int, tuple[Pledge, int]] = {}
    for viewer in system_viewers(reason="flagging overdue pledges"):
        pledges = Pledge.objects.visible_to(viewer).filter(originator_id=viewer.party_id)
        late = (PledgeLine.objects.filter(pledge__in=pledges, overdue_notified_on__isnull=True)
                .annotate(due=due_day()).filter(due__lt=on)
                .exclude(stage=PledgeLine.Stage.CANCELLED)
                .exclude(response=PledgeLine.Response.DECLINED)
                .filter(delivered__lt=F("quantity"))
                .select_related("pledge", "line"))
        for pledge_line in late:
            pledge_line.overdue_notified_on = on
            pledge_line.save(update_fields=["overdue_notified_on"])
            flagged.append(pledge_line)
            pledge = pledge_line.pledge
            _, count = told.get(pledge.pk, (pledge, 0))
            told[pledge.pk] = (pledge, count + 1)
    for pledge, count in told.values():
        audit_record(actor=SYSTEM, action="assistance.pledge.overdue", target=pledge,
                     detail={"lines": count, "on": on.isoformat()})
    if told:
        transaction.on_commit(lambda: [notices.tell_overdue(p, n) for p, n in told.values()])
    return flagged
