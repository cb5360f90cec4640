"""`concord witness`: cosign peers' audit checkpoints, and collect their cosignatures on this
node's own."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.errors import Conflict, DomainError
from concord.federation.services import witness as services

# Exit codes a script can tell apart (2 is argparse's own for bad usage).
REFUSED = 1
CONTRADICTED = 3


class Command(BaseCommand):
    help = "Witness peers' audit checkpoints and collect the witnesses' cosignatures."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        cosign = sub.add_parser(
            "cosign", help="cosign a peer's checkpoint note read from FILE ('-' for stdin) and "
                           "print it cosigned; exit 3 on a fork or a rollback, 1 otherwise")
        cosign.add_argument("file", type=str)
        cosign.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
        request = sub.add_parser(
            "request", help="sign a checkpoint and ask each peer with an endpoint to cosign it")
        request.add_argument("--node", default="", help="ask only this peer")
        note = sub.add_parser("note", help="print this node's latest checkpoint as a signed note")
        note.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
        accept = sub.add_parser(
            "accept", help="keep a cosigned note a peer returned as a file")
        accept.add_argument("file", type=str)
        accept.add_argument("--node", required=True, help="the witness that cosigned it")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        try:
            if verb == "cosign":
                cosigned = services.witness_cosign(text=self._read(options["file"]))
                self._write(cosigned.text(), options["output"])
            elif verb == "note":
                made, path = services.note_latest()
                self._write(made.text(), options["output"])
                self.stderr.write(f"checkpoint of {made.size} entries, kept in {path}")
            elif verb == "accept":
                kept = services.cosignature_accept_file(witness=options["node"],
                                                        text=self._read(options["file"]))
                self.stdout.write(f"{kept.witness.name} cosigned {kept.size} entries at "
                                  f"{kept.cosigned_at.isoformat(timespec='seconds')}")
            else:
                self._request(options["node"])
        except Conflict as error:
            raise CommandError(error.detail, returncode=CONTRADICTED) from error
        except DomainError as error:
            raise CommandError(error.detail, returncode=REFUSED) from error

    def _read(self, name: str) -> str:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {name}: {error.strerror}", returncode=REFUSED) from error
        return services.decode_note(data, source=name)

    def _write(self, text: str, output: Path | None) -> None:
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")

    def _request(self, node: str) -> None:
        results = services.witness_request(node=node)
        if not results:
            self.stdout.write("no peer node has an endpoint: nothing to ask")
        failed = 0
        for result in results:
            if result.cosignature is not None:
                self.stdout.write(f"{result.witness} cosigned {result.cosignature.size} entries")
            else:
                failed += 1
                self.stdout.write(f"{result.witness} did not cosign: {result.problem}")
        if failed:
            raise CommandError(f"{failed} of {len(results)} witnesses did not cosign",
                               returncode=REFUSED)
