"""`concord situation report --from --to --region -o FILE`: a situation report as DOCX or PDF;
`concord situation weekly`: last week's report, drafted as the schedule does it;
`concord situation tallies [--rebuild]`: whether the picture's tallies agree with the incidents."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.errors import DomainError
from concord.monitoring import services, tally
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.management.commands.incidents import _secretariat, _user
from concord.monitoring.outputs import documents


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = ("Generate a situation report for a period and region, as DOCX or PDF; draft last "
            "week's report; evaluate the indicators (for cron).")

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        report = verbs.add_parser("report", help="generate a situation report")
        report.add_argument("--from", dest="start", required=True)
        report.add_argument("--to", dest="end", required=True)
        report.add_argument("--region", default="", choices=["", *REGION_BY_CODE])
        report.add_argument("-o", "--output", required=True,
                            help="FILE.docx or FILE.pdf")
        report.add_argument("--as", dest="username", default="",
                            help="the analyst whose reading the report is made from")
        verbs.add_parser("evaluate", help="evaluate every active indicator now")
        verbs.add_parser("weekly", help="draft last week's report now, unless it is drafted")
        tallies = verbs.add_parser("tallies", help="check the situation picture's tallies "
                                                   "against the incidents (exit 1 on a difference)")
        tallies.add_argument("--rebuild", action="store_true",
                             help="add them all up again from the incidents first")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "evaluate":
            touched = services.indicators_evaluate_all(actor=SYSTEM)
            self.stdout.write(f"Indicators evaluated; {touched} alerts raised, updated or ended.")
            return
        if options["verb"] == "weekly":
            self._weekly()
            return
        if options["verb"] == "tallies":
            self._tallies(rebuild=options["rebuild"])
            return
        output = Path(options["output"])
        if output.suffix.lower() not in (".docx", ".pdf"):
            raise CommandError("The output must end in .docx or .pdf.")
        user = _user(options["username"])
        try:
            report = services.report_generate(
                actor=user or SYSTEM, start=_day(options["start"]), end=_day(options["end"]),
                region=options["region"],
                originator=user.party if user is not None else _secretariat())
        except DomainError as error:
            problems = "; ".join(f"{f}: {' '.join(m)}" for f, m in error.errors.items())
            raise CommandError(f"{error.detail} {problems}".strip()) from error
        render = documents.report_pdf if output.suffix.lower() == ".pdf" else documents.report_docx
        output.write_bytes(render(report))
        self.stdout.write(f"{report.title}: {report.content['totals']['incidents']} incidents, "
                          f"written to {output} (label {report.get_classification_display()}).")

    def _weekly(self) -> None:
        _secretariat()  # with no secretariat the schedule only logs; the operator is told
        today = clock.now().date()
        drafted = services.weekly_reports_generate(today=today)
        for report in drafted:
            self.stdout.write(_("%(title)s: %(count)d incidents, drafted (label %(label)s).") % {
                "title": report.title, "count": report.content["totals"]["incidents"],
                "label": report.get_classification_display()})
        if not drafted:
            start, end = services.previous_week(today)
            self.stdout.write(_("The report for %(start)s – %(end)s is already drafted.") % {
                "start": start.isoformat(), "end": end.isoformat()})

    def _tallies(self, *, rebuild: bool) -> None:
        if rebuild:
            for table, rows in tally.rebuild().items():
                self.stdout.write(_("%(table)s: %(rows)d rows added up again.") % {
                    "table": table, "rows": rows})
        drift = tally.check()
        for row in drift:
            self.stdout.write(_("%(table)s %(key)s: held %(held)s, the incidents give "
                                "%(expected)s") % {"table": row.table, "key": row.key,
                                                   "held": row.held, "expected": row.expected})
        if drift:
            raise CommandError(_("The tallies differ from the incidents; "
                                 "run `concord situation tallies --rebuild`."))
        self.stdout.write(_("The tallies agree with the incidents."))
