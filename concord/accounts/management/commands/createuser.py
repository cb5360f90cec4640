from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts.models import Role
from concord.accounts.services import user_create
from concord.core.actors import SYSTEM
from concord.core.errors import DomainError
from concord.core.labels import Classification
from concord.core.models import Party

CLEARANCES = {c.name.lower().replace("_", "-"): c.value for c in Classification}


class Command(BaseCommand):
    help = ("Create a user of a party with a clearance and roles. The password is read from "
            "CONCORD_NEW_PASSWORD or asked for twice.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--party", required=True, help="party code, e.g. SEC, RU, TJ")
        parser.add_argument("--clearance", required=True, choices=sorted(CLEARANCES))
        parser.add_argument("--role", action="append", default=[], choices=Role.values,
                            help="may be given several times")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        party = Party.objects.filter(code=options["party"].upper()).first()
        if party is None:
            known = ", ".join(Party.objects.values_list("code", flat=True)) or "none yet"
            raise CommandError(f"--party {options['party']!r}: no such party (known: {known}).")
        password = os.environ.get("CONCORD_NEW_PASSWORD") or self._ask_password()
        try:
            user = user_create(
                actor=SYSTEM, username=options["username"], password=password, party=party,
                clearance=CLEARANCES[options["clearance"]], roles=options["role"],
                email=options["email"], first_name=options["first_name"],
                last_name=options["last_name"])
        except DomainError as error:
            details = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.errors.items())
            raise CommandError(f"{error.detail} {details}".strip()) from error
        self.stdout.write(self.style.SUCCESS(f"Created {user.username} ({party.code}, "
                                             f"{user.get_clearance_display()})."))

    def _ask_password(self) -> str:
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password again: "):
            raise CommandError("The two passwords differ.")
        return first
