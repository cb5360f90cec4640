"""`concord operation_results import|export`: the results of joint operations from the command
line, in the files the results page exports and imports, acting as a named user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.core.errors import DomainError
from concord.core.exports import FORMATS
from concord.forces.outputs import operations_files as files
from concord.forces.selectors import operations as selectors
from concord.forces.services import operations as services


def _user(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user {username}.")
    return user


class Command(BaseCommand):
    help = "Import or export results of joint operations (CSV or XLSX) as a user."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        read = verbs.add_parser("import", help="import a file of results, all or nothing")
        read.add_argument("file", type=Path)
        read.add_argument("--user", required=True, help="the delegate reporting the results")
        write = verbs.add_parser("export", help="export the results the user may read")
        write.add_argument("file", type=Path, help="where to write; .csv or .xlsx")
        write.add_argument("--user", required=True, help="whose eyes the export is for")
        write.add_argument("--operation", action="append", default=[],
                           help="an operation's code (repeatable)")
        write.add_argument("--year", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        user = _user(options["user"])
        path: Path = options["file"]
        if options["verb"] == "export":
            self._export(user, path, options)
        else:
            self._import(user, path)

    def _export(self, user: User, path: Path, options: dict[str, Any]) -> None:
        fmt = path.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError("Name a .csv or .xlsx file.")
        try:
            filters = selectors.filters_for(viewer=user, params={
                "operation": options["operation"], "year": options["year"]}).or_refuse()
        except DomainError as error:
            raise CommandError("; ".join(f"{name}: {' '.join(found)}"
                                         for name, found in error.errors.items())) from None
        path.write_bytes(files.results_response(viewer=user, filters=filters, fmt=fmt).content)
        self.stdout.write(f"Wrote {path}.")

    def _import(self, user: User, path: Path) -> None:
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        try:
            with path.open("rb") as upload:
                figures, unread = files.figures_read(viewer=user, upload=upload, name=path.name)
            outcome = services.results_import(actor=user, figures=figures,
                                              file_name=path.name, unread=unread)
        except DomainError as error:
            for where, found in (error.errors or {"file": [error.detail]}).items():
                self.stderr.write(f"{where}: {' '.join(found)}")
            raise CommandError(error.detail) from None
        self.stdout.write(f"Added {outcome.added}; corrected {outcome.corrected}; already "
                          f"recorded, left as they were: {outcome.unchanged}.")
