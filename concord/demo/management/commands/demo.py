from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from concord.core.errors import DomainError
from concord.core.labels import Classification
from concord.demo.steps import load_all


def _demo_password() -> tuple[str, str]:
    """The demo users' password: CONCORD_DEMO_PASSWORD, else one generated once and kept in
    the var directory so that the next load prints the same one."""
    given = os.environ.get("CONCORD_DEMO_PASSWORD")
    if given:
        return given, "from CONCORD_DEMO_PASSWORD"
    path = Path(settings.VAR_DIR) / "demo-password"
    if path.exists():
        return path.read_text(encoding="utf-8").strip(), f"kept in {path}"
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password, f"generated, kept in {path}"


class Command(BaseCommand):
    help = "Load the demo organization (the CSTO as of its 2013 Sochi session). Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true",
                            help="Do not print the demo logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        password, origin = _demo_password()
        try:
            report = load_all(password=password)
        except DomainError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}"
                                 for field, messages in error.errors.items())
            raise CommandError(f"The demo organization was not loaded: {error.detail} "
                               f"{problems}".strip()) from error
        if report.created:
            for what, count in report.created.items():
                self.stdout.write(f"  created {count} {what}")
        else:
            self.stdout.write("The demo organization is already loaded; nothing changed.")
        if options["quiet_logins"]:
            return
        # The console speaks English to operators, as Django's own commands do.
        translation.activate("en")
        self.stdout.write(self.style.SUCCESS(f"\nDemo logins (password {origin}):"))
        self.stdout.write(f"  password: {password}")
        for user in report.users:
            mfa = " (sets up a one-time-code app at first sign-in)" \
                if user.clearance >= Classification.CONFIDENTIAL else ""
            self.stdout.write(f"  {user.username:<12} {user.role.label} — {user.party}, "
                              f"{Classification(user.clearance).label}{mfa}")
