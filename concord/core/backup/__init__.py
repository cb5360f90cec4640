"""Backups that restore: the database, the audit keys and the checkpoints in one archive, the
audit chain verified before the copy, on the copy, and after a restore."""

from __future__ import annotations

from concord.core.backup.errors import BackupRefused
from concord.core.backup.services import BackupReport, RestoreReport, backup_make, backup_restore

__all__ = ["BackupRefused", "BackupReport", "RestoreReport", "backup_make", "backup_restore"]
