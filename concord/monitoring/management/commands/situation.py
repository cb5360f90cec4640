"""`concord situation report --from --to --region -o FILE`: a situation report as DOCX or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.errors import DomainError
from concord.monitoring import documents, reports, warning
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.management.commands.incidents import _secretariat, _user


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = ("Generate a situation report for a period and region, as DOCX or PDF; evaluate the "
            "indicators (for cron).")

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

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "evaluate":
            touched = warning.indicators_evaluate_all(actor=None)
            self.stdout.write(f"Indicators evaluated; {touched} alerts raised, updated or ended.")
            return
        output = Path(options["output"])
        if output.suffix.lower() not in (".docx", ".pdf"):
            raise CommandError("The output must end in .docx or .pdf.")
        actor = _user(options["username"])
        try:
            report = reports.report_generate(
                actor=actor, start=_day(options["start"]), end=_day(options["end"]),
                region=options["region"],
                originator=actor.party if actor is not None else _secretariat())
        except DomainError as error:
            problems = "; ".join(f"{f}: {' '.join(m)}" for f, m in error.errors.items())
            raise CommandError(f"{error.detail} {problems}".strip()) from error
        render = documents.report_pdf if output.suffix.lower() == ".pdf" else documents.report_docx
        output.write_bytes(render(report))
        self.stdout.write(f"{report.title}: {report.content['totals']['incidents']} incidents, "
                          f"written to {output} (label {report.get_classification_display()}).")
