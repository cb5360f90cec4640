"""`concord assistance report [--overdue]`: every request with what was requested, pledged,
committed and delivered, its gaps and days overdue; with --overdue, only the requests with
something late, and each late pledge line. `concord assistance daily`: queue the deadline task
now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concord.assistance import tasks
from concord.assistance.selectors.report import operator_report


class Command(BaseCommand):
    help = "Assistance requests: report where every promise stands."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        report = sub.add_parser("report", help="each request's figures, gaps and days overdue")
        report.add_argument("--overdue", action="store_true",
                            help="only requests with a line or a pledge past its date")
        sub.add_parser("daily", help="queue the reminders and overdue flags now")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "daily":
            result = tasks.watch_assistance_deadlines.enqueue()
            self.stdout.write(f"queued {tasks.watch_assistance_deadlines.name} ({result.id})")
            return
        rows = operator_report(overdue_only=options["overdue"])
        # Each line counts in its own unit: the figures are lines wholly (and partly) covered.
        self.stdout.write(f"{'request':<14} {'state':<5} {'status':<17} {'lines':>5} "
                          f"{'pledged':>8} {'partly':>6} {'committed':>9} {'delivered':>9} "
                          f"{'partly':>6} {'unmet':>5} {'days late':>9}")
        for row in rows:
            t = row.totals
            self.stdout.write(
                f"{row.request.reference:<14} {row.request.requesting_state.iso_alpha2:<5} "
                f"{row.request.status:<17} {t.lines:>5} {t.lines_pledged:>8} "
                f"{t.lines_partly_pledged:>6} {t.lines_committed:>9} {t.lines_delivered:>9} "
                f"{t.lines_partly_delivered:>6} {t.lines_unmet:>5} {t.days_overdue:>9}")
            for late in row.overdue if options["overdue"] else ():
                # `due` is the day the selector annotated: promised, needed by or the phase's.
                line: Any = late
                self.stdout.write(
                    f"    overdue: {line.pledge.state.iso_alpha2} line {line.line.number}, "
                    f"due {line.due.isoformat()}, {line.delivered} of {line.quantity} delivered")
        if not rows:
            self.stdout.write("No request." if not options["overdue"] else
                              "Nothing is overdue.")
