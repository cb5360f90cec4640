from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts import selectors
from concord.accounts.models import User
from concord.accounts.services import token_create, token_revoke
from concord.core.actors import SYSTEM
from concord.core.errors import DomainError, NotFound


class Command(BaseCommand):
    help = "Issue, list and revoke API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="issue a token; it is printed once")
        create.add_argument("username")
        create.add_argument("--name", default="command line")
        create.add_argument("--days", type=int, default=90,
                            help="validity in days (0: no expiry)")
        create.add_argument("--read-only", action="store_true",
                            help="the token may only read (GET, HEAD, OPTIONS)")
        listing = sub.add_parser("list", help="a user's tokens")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        try:
            if verb == "create":
                user = self._user(options["username"])
                if options["days"] < 0:
                    raise CommandError("--days must be 0 or more.")
                issued = token_create(actor=SYSTEM, user=user, name=options["name"],
                                      days=options["days"] or None,
                                      read_only=options["read_only"])
                self.stdout.write(issued.plaintext)
            elif verb == "list":
                for token in selectors.token_list(viewer=self._user(options["username"])):
                    access = "read-only" if token.read_only else "read-write"
                    expires = token.expires_at.date().isoformat() if token.expires_at else "never"
                    self.stdout.write(f"{token.prefix}  {token.state.value:<16} {access:<10} "
                                      f"expires {expires}  {token.name}")
            else:
                try:
                    found = selectors.token_get_by_prefix(prefix=options["prefix"])
                except NotFound:
                    raise CommandError(f"No token with prefix {options['prefix']!r}.") from None
                token_revoke(actor=SYSTEM, token=found)
                self.stdout.write(f"Revoked {found.prefix}.")
        except DomainError as error:
            raise CommandError(error.detail) from error

    def _user(self, username: str) -> User:
        try:
            return selectors.user_get(viewer=SYSTEM, username=username, active_only=False)
        except NotFound:
            raise CommandError(f"No user {username!r}.") from None
