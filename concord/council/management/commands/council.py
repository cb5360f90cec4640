"""`concord council verify DOCUMENT`: check every signature of a document against the signers'
public keys and the texts as they are stored now. `concord council daily`: queue the daily
tasks now (`concord serve` queues them on its own schedule; the task worker carries them out)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.errors import NotFound
from concord.council import selectors, services, tasks

BROKEN = 1


class Command(BaseCommand):
    help = "Council documents: verify their signatures."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        verify = sub.add_parser("verify", help="verify a document's signatures; exit 1 if any fails")
        verify.add_argument("document", help="the document's symbol, e.g. CSC/2013/04")
        sub.add_parser("daily", help="queue the overdue-instruction and silence-procedure tasks")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "daily":
            for daily in (tasks.flag_overdue_instructions, tasks.conclude_silence_procedures):
                result = daily.enqueue()
                self.stdout.write(f"queued {daily.name} ({result.id})")
            return
        try:
            document = selectors.document_for_operator(symbol=options["document"])
        except NotFound as error:
            raise CommandError(error.detail) from error
        checks = services.document_verify(document=document)
        if not checks:
            raise CommandError(f"{document.symbol} carries no signature.", returncode=BROKEN)
        for check in checks:
            who = f"{check.signature.official.name_en} ({check.signature.key.fingerprint[:16]})"
            if check.valid:
                self.stdout.write(f"valid    {who}, signed {check.signature.signed_on}")
            else:
                self.stdout.write(f"INVALID  {who}: {check.problem}")
        bad = sum(1 for check in checks if not check.valid)
        if bad:
            raise CommandError(f"{bad} of {len(checks)} signatures of {document.symbol} fail.",
                               returncode=BROKEN)
        self.stdout.write(self.style.SUCCESS(
            f"{document.symbol}: all {len(checks)} signatures verify."))
