"""`concord audit`: prove the audit chain intact, and sign checkpoints of it for an outside
witness who holds nothing but the public key."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core import clock
from concord.core.audit import audit_verify
from concord.core.checkpoint import (
    checkpoint_check,
    checkpoint_in_chain,
    checkpoint_latest_recorded,
    checkpoint_make,
    checkpoint_signature_valid,
    checkpoint_witness_reports,
    load_or_create_key,
    public_key_pem,
    read_document,
)
from concord.core.errors import InvalidState

# Exit codes that a witness's script can tell apart (2 is argparse's own for bad usage).
BROKEN = 1
CONTRADICTED = 3


class Command(BaseCommand):
    help = "Verify the audit chain and sign or check checkpoints of it."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser(
            "verify",
            help="recompute the whole chain and its keyed MACs, then hold it against the latest "
                 "checkpoint; exit 1 naming the first bad entry, 3 if a checkpoint contradicts it",
        )
        checkpoint = sub.add_parser(
            "checkpoint",
            help="sign the chain's head, keep it in the chain and the checkpoint directory, and "
                 "print it as a JSON document",
        )
        checkpoint.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
        sub.add_parser("public-key", help="print the checkpoint signing key's public half (PEM)")
        check = sub.add_parser(
            "verify-checkpoint",
            help="exit 3 if the chain contradicts the checkpoint, 1 if the signature is bad or "
                 "the chain is broken after it",
        )
        check.add_argument("file", type=Path)
        check.add_argument("--public-key", type=Path, required=True, dest="public_key",
                           help="the PEM file the witness was given, not the one in the document")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "verify":
            self._verify()
        elif verb == "checkpoint":
            self._checkpoint(options["output"])
        elif verb == "public-key":
            self.stdout.write(public_key_pem(self._key()), ending="")
        else:
            self._verify_checkpoint(options["file"], options["public_key"])

    def _key(self) -> Ed25519PrivateKey:
        return load_or_create_key(Path(settings.CONCORD_AUDIT_KEY_FILE))

    def _verify(self) -> None:
        report = audit_verify()
        if not report.ok:
            raise CommandError(f"audit chain broken: {report.problem}", returncode=BROKEN)
        self.stdout.write(f"audit chain intact: {report.entries} entries, head {report.head_hash}")
        held = checkpoint_check(chain_entries=report.entries)
        if not held.ok:
            raise CommandError(f"audit chain contradicted: {held.problem}", returncode=CONTRADICTED)
        if held.checkpoint is None:
            self.stdout.write("no checkpoint yet: the schedule makes one every hour "
                              "(`concord audit checkpoint` makes one now)")
        else:
            after = report.entries - held.checkpoint.entries
            self.stdout.write(
                f"holds against the checkpoint of entry {held.checkpoint.entries}, signed "
                f"{held.checkpoint.signed_at.isoformat()} ({_age(held.checkpoint.signed_at)} "
                f"ago), in {held.checkpoint.source}; {after} "
                f"{'entry' if after == 1 else 'entries'} after it bound by the chain key"
            )
        # Other nodes' cosignatures, where an app collects them: each must still hold.
        for witnessed in checkpoint_witness_reports(chain_entries=report.entries):
            for line in witnessed.lines:
                self.stdout.write(line)
            if witnessed.problem:
                raise CommandError(f"audit chain contradicted: {witnessed.problem}",
                                   returncode=CONTRADICTED)

    def _checkpoint(self, output: Path | None) -> None:
        try:
            made = checkpoint_make(key=self._key())
        except InvalidState as error:
            raise CommandError(str(error), returncode=BROKEN) from error
        if made is None:
            # Nothing since the last checkpoint: that one is still the chain's head.
            recorded = checkpoint_latest_recorded()
            if recorded is None:
                raise CommandError("the last checkpoint cannot be read", returncode=BROKEN)
            document = {**recorded.document, "public_key": public_key_pem(self._key())}
        else:
            document = made[0]
        text = json.dumps(document, indent=2, sort_keys=True) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
            return
        output.write_text(text, encoding="utf-8")
        entries = document["statement"]["entries"]
        self.stdout.write(f"checkpoint of {entries} entries written to {output}")

    def _verify_checkpoint(self, path: Path, public_key_path: Path) -> None:
        try:
            document = read_document(path)
            public_key = public_key_path.read_text(encoding="ascii")
            signed = checkpoint_signature_valid(document, public_key)
        except (OSError, ValueError) as error:
            raise CommandError(f"cannot check {path}: {error}", returncode=BROKEN) from error
        if not signed:
            raise CommandError(
                f"{path}: the signature does not match this public key", returncode=BROKEN
            )
        statement = document["statement"]
        entries, head_hash = int(statement["entries"]), str(statement["head_hash"])
        report = audit_verify()
        if not report.ok and (report.first_bad_seq or 0) <= entries:
            raise CommandError(
                f"{path} is signed, but the chain it vouches for is broken: {report.problem}",
                returncode=CONTRADICTED,
            )
        if not checkpoint_in_chain(document):
            raise CommandError(
                f"{path} is signed, but entry {entries} no longer has hash {head_hash}",
                returncode=CONTRADICTED,
            )
        self.stdout.write(f"checkpoint valid: entry {entries} still has hash {head_hash}")
        if not report.ok:
            raise CommandError(
                f"the checkpoint holds, but the chain after it is broken: {report.problem}",
                returncode=BROKEN,
            )

# Younger than two minutes, an age reads best in seconds.
SHOWN_IN_SECONDS_BELOW = 120


def _age(signed_at: datetime) -> str:
    seconds = max(0, int((clock.now() - signed_at).total_seconds()))
    if seconds < SHOWN_IN_SECONDS_BELOW:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} days"
