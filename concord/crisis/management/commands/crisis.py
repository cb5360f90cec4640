"""`concord crisis open --from-alert ID --user NAME`: opens a case from an alert, as the user
named, through the same service as the page."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import User
from concord.core.errors import DomainError
from concord.crisis.services.cases import case_open_from_alert
from concord.monitoring.selectors import alert_get


class Command(BaseCommand):
    help = "Crisis cases: open one from an alert."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        opening = verbs.add_parser("open", help="Open a case from an alert.")
        opening.add_argument("--from-alert", required=True, dest="alert",
                             help="The public id of the alert.")
        opening.add_argument("--user", required=True,
                             help="The user who opens the case (a crisis centre analyst).")
        opening.add_argument("--title", default="", help="The case's title (the indicator's "
                             "name by default).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"--user: no active user {options['user']!r}.")
        try:
            alert = alert_get(viewer=user, public_id=options["alert"])
            case = case_open_from_alert(actor=user, alert=alert, title=options["title"])
        except DomainError as error:
            details = "; ".join(f"{field}: {' '.join(map(str, found))}"
                                for field, found in getattr(error, "errors", {}).items())
            raise CommandError(f"--from-alert {options['alert']}: {error}"
                               + (f" ({details})" if details else "")) from None
        self.stdout.write(f"{case.public_id}\t{case.title}\t{case.get_phase_display()}")
