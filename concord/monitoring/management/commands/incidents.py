"""`concord incidents import|export|generate`: the incident store from the command line."""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.errors import DomainError
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.monitoring import formats, selectors, services
from concord.monitoring.outputs import exports

# The bar is redrawn at most this often (seconds), and always at the end.
REDRAW_EVERY = 0.1


class ProgressBar:
    """A one-line bar on the terminal, redrawn at most ten times a second."""

    def __init__(self, out: TextIO, label: str) -> None:
        self.out, self.label, self.shown = out, label, 0.0
        self.started = time.monotonic()
        self.open = False

    def __call__(self, rows: int, fraction: float) -> None:
        now = time.monotonic()
        if now - self.shown < REDRAW_EVERY and fraction < 1.0:
            return
        self.shown = now
        width = 30
        filled = int(width * fraction)
        rate = rows / max(now - self.started, 1e-6)
        self.out.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                       f"{fraction:4.0%} {rows} rows, {rate:,.0f}/s")
        self.open = fraction < 1.0
        if not self.open:
            self.out.write("\n")
        self.out.flush()

    def stop(self) -> None:
        """Ends a bar that was cut short, so that what follows starts on a line of its own."""
        if self.open:
            self.open = False
            self.out.write("\n")
            self.out.flush()


def _user(username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user {username}.")
    return user


def _secretariat() -> Party:
    party = Party.objects.filter(kind=PartyKind.SECRETARIAT).order_by("pk").first()
    if party is None:
        raise CommandError("There is no secretariat party yet: load the organization first.")
    return party


def _classification(name: str) -> int:
    try:
        return int(Classification[name.upper()])
    except KeyError as error:
        raise CommandError(f"Unknown classification {name}.") from error


class Command(BaseCommand):
    help = "Import, export and generate incidents."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        do_import = verbs.add_parser("import", help="import a file of incidents")
        do_import.add_argument("file")
        do_import.add_argument("--format", choices=formats.FORMATS, default="")
        do_import.add_argument("--skip-bad-rows", action="store_true")
        do_import.add_argument("--as", dest="username", default="",
                               help="the importing user (default: the operator, for the "
                                    "secretariat)")
        do_import.add_argument("--classification", default="official_use")
        export = verbs.add_parser("export", help="export a filtered selection")
        export.add_argument("--format", choices=exports.EXPORT_FORMATS, required=True)
        export.add_argument("-o", "--output", required=True)
        export.add_argument("--as", dest="username", required=True,
                            help="whose eyes the export is for: it holds what they may read")
        for name in ("from", "to", "days", "region", "severity"):
            export.add_argument(f"--{name}", default="")
        for name in ("category", "country", "verification"):
            export.add_argument(f"--{name}", action="append", default=[])
        generate = verbs.add_parser("generate", help="add N synthetic incidents")
        generate.add_argument("count", type=int)
        generate.add_argument("--seed", type=int, default=None)
        generate.add_argument("--days", type=int, default=365,
                              help="spread over this many days up to today")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['verb']}")(options)
        except DomainError as error:
            problems = "; ".join(f"{f}: {' '.join(m)}" for f, m in list(error.errors.items())[:20])
            raise CommandError(f"{error.detail} {problems}".strip()) from error

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        user = _user(options["username"])
        actor = user or SYSTEM
        originator = user.party if user is not None else _secretariat()
        with path.open("rb") as stream:
            fmt = options["format"] or formats.guess_format(path.name, stream.read(4096))
            stream.seek(0)
            bar = ProgressBar(sys.stderr, path.name)
            try:
                outcome = services.incident_import(
                    actor=actor, stream=stream, fmt=fmt, originator=originator,
                    classification=_classification(options["classification"]),
                    skip_bad_rows=options["skip_bad_rows"], file_name=path.name, progress=bar)
            except services.ImportRejected as rejected:
                bar.stop()
                self._report(rejected.outcome)
                raise CommandError(f"{rejected.outcome.bad_rows} bad rows: nothing was "
                                   "imported (use --skip-bad-rows to import the others).") \
                    from rejected
            except services.ImportFailed as failed:
                bar.stop()
                raise CommandError(f"{path.name}: {failed.detail}") from failed
        self._report(outcome)
        self.stdout.write(f"{outcome.created} incidents imported, {outcome.unchanged} already "
                          f"there, {outcome.bad_rows} bad rows skipped.")
        if outcome.problems and outcome.created == 0 and outcome.unchanged == 0:
            raise CommandError("Nothing was imported: every row was bad.")

    def _report(self, outcome: services.ImportOutcome) -> None:
        for line, reason in outcome.problems:
            self.stderr.write(f"line {line}: {reason}")

    def _export(self, options: dict[str, Any]) -> None:
        # Without --as, the export holds what the public may read.
        viewer = _user(options["username"]) or AnonymousUser()
        params: dict[str, Any] = {name: options[name] for name in
                                  ("from", "to", "days", "region", "severity", "category",
                                   "country", "verification")}
        filters = selectors.filters_from(params)
        output = Path(options["output"])
        fmt = options["format"]
        if fmt == "xlsx":
            with output.open("wb") as binary:
                count = exports.incident_export(viewer=viewer, filters=filters, fmt=fmt,
                                                out=binary)
        else:
            # The byte-order mark lets spreadsheet software open Cyrillic CSV as UTF-8.
            encoding = "utf-8-sig" if fmt in exports.MARKED_FORMATS else "utf-8"
            with output.open("w", encoding=encoding, newline="") as text:
                count = exports.incident_export(viewer=viewer, filters=filters, fmt=fmt,
                                                out=text)
        self.stdout.write(f"{count} incidents written to {output}.")

    def _generate(self, options: dict[str, Any]) -> None:
        end = clock.now().date()
        start: date = end - timedelta(days=max(1, options["days"]) - 1)
        seed = options["seed"] if options["seed"] is not None else random.SystemRandom().randrange(
            1 << 30)
        bar = ProgressBar(sys.stderr, "generate")
        created = services.incident_generate(actor=SYSTEM, count=options["count"], seed=seed,
                                             start=start, end=end, originator=_secretariat(),
                                             progress=bar)
        self.stdout.write(f"{created} synthetic incidents added (seed {seed}).")
