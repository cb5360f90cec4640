"""`concord backup -o FILE`: the database, the audit keys and the checkpoints in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from concord.core.backup import BackupRefused, backup_make
from concord.core.backup.engines import first_line


class Command(BaseCommand):
    help = ("Back up the database (SQLite's online backup, or pg_dump) with the audit keys and "
            "checkpoints into one archive, verifying the audit chain before and the copy after. "
            "The archive holds secret keys: it is written readable by its owner only.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", type=Path, required=True,
                            help="the archive to write (a .tar.gz); never overwritten")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = backup_make(output=options["output"])
        except BackupRefused as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"the database cannot be used: {first_line(error)}") from None
        manifest = report.manifest
        audit = manifest["audit"]
        size = report.path.stat().st_size
        self.stdout.write(
            f"backup written to {report.path} ({size / 1e6:.1f} MB, mode 0600): "
            f"{manifest['engine']} database, audit chain of {audit['entries']} entries ending in "
            f"{audit['head_hash']}, verified on the copy"
        )
