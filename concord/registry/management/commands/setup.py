"""`concord setup ORGANIZATION.toml`: a real organization instead of the demo."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts import selectors as accounts
from concord.registry.setup import SetupInvalid, organization_read, organization_setup


class Command(BaseCommand):
    help = ("Load an organization from a TOML file (see docs/organization.example.toml): its "
            "name, secretariat, member states, bodies and first officer. Loading the same file "
            "again changes nothing. The officer's password is read from CONCORD_NEW_PASSWORD "
            "or asked for twice.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {path}: {error}") from error
        try:
            plan = organization_read(text)
            password = None
            if not accounts.user_exists(username=plan.officer["username"]):
                password = os.environ.get("CONCORD_NEW_PASSWORD") or self._ask_password()
            report = organization_setup(plan=plan, password=password)
        except SetupInvalid as invalid:
            raise CommandError(f"{path}: nothing was loaded:\n  "
                               + "\n  ".join(invalid.problems)) from invalid
        made = ", ".join(f"{count} {what}" for what, count in report.created.items())
        self.stdout.write(self.style.SUCCESS(
            f"{plan.organization['en']}: created {made}." if made
            else f"{plan.organization['en']}: already loaded, nothing changed."))

    def _ask_password(self) -> str:
        first = getpass.getpass("Password of the first officer: ")
        if first != getpass.getpass("The same again: "):
            raise CommandError("The two passwords differ.")
        return first
