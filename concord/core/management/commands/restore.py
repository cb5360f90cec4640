"""`concord restore FILE`: a backup onto an empty database, its keys and checkpoints into the
configured places, then the audit chain verified."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from concord.core.backup import BackupRefused, backup_restore
from concord.core.backup.engines import first_line

# As `concord audit verify`: 1 the chain is broken, 3 a checkpoint contradicts it.
BROKEN = 1
CONTRADICTED = 3


class Command(BaseCommand):
    help = ("Restore a backup made by `concord backup` onto an empty database of the same engine, "
            "with its audit keys and checkpoints, and verify the audit chain.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup_restore(archive=options["archive"])
        except BackupRefused as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"the database cannot be used: {first_line(error)}") from None
        if not report.chain.ok:
            raise CommandError(f"restored, but the audit chain is broken: {report.chain.problem}",
                               returncode=BROKEN)
        if not report.checkpoints.ok:
            raise CommandError(f"restored, but the audit chain is contradicted: "
                               f"{report.checkpoints.problem}", returncode=CONTRADICTED)
        self.stdout.write(
            f"restored the backup of {report.manifest['made_at']} ({report.manifest['engine']}, "
            f"Concord {report.manifest['concord_version']}); audit chain intact: "
            f"{report.chain.entries} entries, head {report.chain.head_hash}"
        )
        self.stdout.write("run `concord migrate` if this Concord is newer than the backup, then "
                          "`concord check --deploy`")
