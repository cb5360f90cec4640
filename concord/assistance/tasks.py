"""Background work of the assistance app: each task calls services."""

from __future__ import annotations

from django_tasks import task

from concord.assistance.services import deadlines


@task()
def watch_assistance_deadlines() -> int:
    """Daily: remind the delegations of windows about to close, close the windows past their
    day, and flag pledges overdue; how many records were touched."""
    reminded = deadlines.request_remind_closing()
    closed = deadlines.request_close_due()
    flagged = deadlines.pledge_flag_overdue()
    return len(reminded) + len(closed) + len(flagged)
