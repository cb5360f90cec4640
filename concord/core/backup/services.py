"""Making a backup and restoring one.

A backup is refused when the audit chain is broken or contradicted by a checkpoint: a copy of a
broken chain would carry the break into every restore. The copy is then verified on its own
terms (the chain as the copy holds it, under the copied key, against the copied checkpoints),
so that an archive is only written when a restore from it would verify.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.audit import (
    GENESIS,
    ChainReport,
    audit_record,
    audit_verify,
    chain_verify,
)
from concord.core.backup import engines
from concord.core.backup.archive import FORMAT, Archive, archive_write, sha256_of
from concord.core.backup.errors import BackupRefused
from concord.core.checkpoint import ACTION as CHECKPOINT_ACTION
from concord.core.checkpoint import (
    Checkpoint,
    CheckpointReport,
    checkpoint_check,
    checkpoint_dir,
    checkpoint_latest,
    checkpoint_signature_valid,
    load_or_create_key,
    public_key_pem,
    read_document,
)
from concord.core.models import AuditEntry, AuditHead

CHAIN_KEY_MEMBER = "keys/audit-chain.key"
SIGNING_KEY_MEMBER = "keys/audit-checkpoint-ed25519.pem"
DATABASE_MEMBER = {engines.SQLITE: "database/concord.sqlite3",
                   engines.POSTGRESQL: "database/concord.pgdump"}


def _key_settings() -> dict[str, tuple[str, Path]]:
    """Each archived key with the setting that says where it lives."""
    return {
        CHAIN_KEY_MEMBER: ("CONCORD_AUDIT_CHAIN_KEY_FILE", Path(settings.CONCORD_AUDIT_CHAIN_KEY_FILE)),
        SIGNING_KEY_MEMBER: ("CONCORD_AUDIT_KEY_FILE", Path(settings.CONCORD_AUDIT_KEY_FILE)),
    }


@dataclass(frozen=True)
class BackupReport:
    path: Path
    manifest: dict[str, Any]


@dataclass(frozen=True)
class RestoreReport:
    manifest: dict[str, Any]
    chain: ChainReport
    checkpoints: CheckpointReport


def _concord_version() -> str:
    try:
        return importlib.metadata.version("concord")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _applied_migrations() -> list[str]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def _describe_database() -> str:
    if connection.vendor == engines.SQLITE:
        return str(engines.sqlite_path())
    return f"{connection.settings_dict['NAME']!r}"


def backup_make(*, output: Path) -> BackupReport:
    """Verify the chain, copy the database with the audit keys and checkpoints, verify the copy,
    and write the archive to OUTPUT (mode 0600)."""
    engine = engines.engine_of_connection()
    if output.exists():
        raise BackupRefused(f"{output} exists already: a backup never overwrites a file")
    if not output.parent.is_dir():
        raise BackupRefused(f"{output.parent} is not a directory")
    # The checkpoints are read before the chain: any of them then vouches for entries that the
    # walk reaches, however many entries others append meanwhile.
    try:
        found = checkpoint_latest()
    except (OSError, ValueError) as error:
        raise BackupRefused(f"no backup made: a checkpoint cannot be read: {error}") from error
    chain = audit_verify()
    if not chain.ok:
        raise BackupRefused(f"no backup made: the audit chain is broken: {chain.problem}")
    held = checkpoint_check(chain_entries=chain.entries, found=found)
    if not held.ok:
        raise BackupRefused(f"no backup made: the audit chain is contradicted: {held.problem}")
    migrations = _applied_migrations()
    # A copy of every record leaves the system: the log says so, and the copy holds the entry.
    audit_record(actor=SYSTEM, action="backup.make", target_type="backup", target_id=output.name[:100],
                 detail={"file": str(output.resolve())})

    staging = Path(tempfile.mkdtemp(prefix=".concord-backup-", dir=output.parent))
    try:
        database = staging / DATABASE_MEMBER[engine]
        database.parent.mkdir(mode=0o700)
        if engine == engines.SQLITE:
            engines.sqlite_dump(database)
            rows, heads = engines.sqlite_audit(database)
        else:
            engines.postgres_dump(database)
            rows, heads = engines.postgres_audit(database, staging)
        head = _copied_head(heads)
        members = [DATABASE_MEMBER[engine], *_stage_keys(staging),
                   *_stage_checkpoints(staging, up_to=head.seq)]
        report = _verify_copy(staging, rows, head)
        if not report.ok:
            raise BackupRefused(f"no backup made: the copy does not verify: {report.problem}")
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "engine_version": (str(engines.postgres_server_major())
                               if engine == engines.POSTGRESQL else sqlite3.sqlite_version),
            "concord_version": _concord_version(),
            "made_at": clock.now().isoformat(timespec="seconds"),
            "migrations": migrations,
            "audit": {"entries": report.entries, "head_hash": report.head_hash},
            "keys": {member: setting for member, (setting, _) in _key_settings().items()
                     if member in members},
            "files": {name: {"sha256": sha256_of(staging / name),
                             "size": (staging / name).stat().st_size} for name in members},
        }
        archive_write(output=output, staging=staging, manifest=manifest)
    except (sqlite3.Error, OSError, ValueError) as error:
        # A full disk, an unreadable copy: the archive is not written, the reason is one line.
        raise BackupRefused(f"no backup made: {engines.first_line(error)}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BackupReport(output, manifest)


def _copied_head(heads: list[dict[str, Any]]) -> AuditHead:
    if len(heads) > 1:
        raise BackupRefused("no backup made: the copy holds more than one audit chain head")
    if not heads:
        return AuditHead(seq=0, hash=GENESIS, mac="")
    row = heads[0]
    return AuditHead(seq=int(row["seq"]), hash=str(row["hash"]), mac=str(row["mac"] or ""))


def _stage_keys(staging: Path) -> list[str]:
    staged = []
    for member, (setting, path) in _key_settings().items():
        if not path.exists():
            continue
        target = staging / member
        target.parent.mkdir(mode=0o700, exist_ok=True)
        try:
            shutil.copyfile(path, target)
        except OSError as error:
            raise BackupRefused(f"no backup made: {setting} {path} cannot be read: {error}") from error
        os.chmod(target, 0o600)
        staged.append(member)
    return staged


def _stage_checkpoints(staging: Path, *, up_to: int) -> list[str]:
    """The checkpoint files that the copied chain can hold: one signed after the copy's snapshot
    vouches for entries the copy does not have, and is left for the next backup."""
    directory = checkpoint_dir()
    if not directory.is_dir():
        return []
    staged = []
    for path in sorted(directory.glob("checkpoint-*.json")):
        try:
            entries = int(read_document(path)["statement"]["entries"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BackupRefused(f"no backup made: the checkpoint {path} cannot be read: {error}") from error
        if entries > up_to:
            continue
        member = f"checkpoints/{path.name}"
        (staging / "checkpoints").mkdir(mode=0o700, exist_ok=True)
        shutil.copyfile(path, staging / member)
        staged.append(member)
    return staged


def _recorded_checkpoint(entry: AuditEntry) -> Checkpoint:
    try:
        detail = json.loads(entry.detail)
        document = {"statement": detail["statement"], "signature": detail["signature"]}
    except (ValueError, KeyError, TypeError):
        document = {"statement": {}, "signature": ""}
    return Checkpoint(document, f"copied audit entry {entry.seq}")


def _verify_copy(staging: Path, rows: Callable[[], Iterator[dict[str, Any]]],
                 head: AuditHead) -> ChainReport:
    """The copied chain under the copied chain key, held against the newest copied checkpoint
    file and the newest checkpoint the copied chain records."""
    key_file = staging / CHAIN_KEY_MEMBER
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip()) if key_file.exists() else None
    recorded: list[AuditEntry] = []

    def entries() -> Iterator[AuditEntry]:
        for row in rows():
            entry = engines.entry_from_row(row)
            if entry.action == CHECKPOINT_ACTION:
                recorded[:] = [entry]
            yield entry

    report = chain_verify(entries(), read_head=lambda: head, key=key, key_path=key_file)
    if not report.ok:
        return report
    checkpoints = [_recorded_checkpoint(e) for e in recorded]
    files = sorted((staging / "checkpoints").glob("checkpoint-*.json"))
    if files:
        checkpoints.append(Checkpoint(read_document(files[-1]), f"copied {files[-1].name}"))
    if not checkpoints:
        return report
    problem = _checkpoints_problem(staging=staging, checkpoints=checkpoints,
                                   entries=report.entries, rows=rows)
    return report if problem is None else _failed(report, problem)


def _checkpoints_problem(*, staging: Path, checkpoints: list[Checkpoint], entries: int,
                         rows: Callable[[], Iterator[dict[str, Any]]]) -> str | None:
    """What the copied checkpoints say against a copied chain of `entries` entries that
    verified on its own: None when each is signed by the copied key and vouches for a head the
    copy holds."""
    signing_key = staging / SIGNING_KEY_MEMBER
    if not signing_key.exists():
        return (f"the checkpoint signing key ({settings.CONCORD_AUDIT_KEY_FILE}) is "
                f"missing, so the copied checkpoints cannot be checked")
    public_key = public_key_pem(load_or_create_key(signing_key))
    wanted: list[tuple[int, str]] = []
    for checkpoint in checkpoints:
        try:
            entries_vouched = checkpoint.entries
            if not checkpoint_signature_valid(checkpoint.document, public_key):
                return f"{checkpoint.source} is not signed by the copied key"
        except (KeyError, TypeError, ValueError):
            return f"{checkpoint.source} cannot be read"
        if entries_vouched > entries:
            return f"{checkpoint.source} vouches for {entries_vouched} entries, the copy holds {entries}"
        wanted.append((entries_vouched, checkpoint.head_hash))
    seqs = {seq for seq, _ in wanted}
    hashes = {int(row["seq"]): str(row["hash"]) for row in rows() if int(row["seq"]) in seqs}
    for seq, expected in wanted:
        if seq and hashes.get(seq) != expected:
            return f"copied entry {seq} does not have the hash a checkpoint vouches for"
    return None


def _failed(report: ChainReport, problem: str) -> ChainReport:
    return ChainReport(False, report.entries, report.head_seq, report.head_hash, None, problem)


# --- Restoring ----------------------------------------------------------------------------------

def backup_restore(*, archive: Path) -> RestoreReport:
    """Restore ARCHIVE onto the configured database, which must be empty, with its keys and
    checkpoints in the configured places; then verify the chain. Every refusal comes before
    anything is written, and a restore that fails takes back the files it wrote."""
    engine = engines.engine_of_connection()
    with Archive(archive) as opened:
        manifest = opened.manifest
        made_on = manifest.get("engine")
        if made_on != engine:
            made = engines.ENGINE_NAMES.get(str(made_on), repr(made_on))
            raise BackupRefused(
                f"{archive} holds a {made} database, but Concord is configured for "
                f"{engines.ENGINE_NAMES[engine]}: restore it onto a {made} database (DATABASE_URL)")
        _refuse_unknown_migrations(manifest)
        if not engines.database_is_empty():
            raise BackupRefused(
                f"the database {_describe_database()} is not empty: a backup is restored onto an "
                f"empty database only (create one and point DATABASE_URL at it)")
        staging = Path(tempfile.mkdtemp(prefix="concord-restore-"))
        try:
            opened.extract(staging)
            if DATABASE_MEMBER[engine] not in manifest["files"]:
                raise BackupRefused(f"{archive} is damaged: it holds no database")
            placements = _placements(staging, manifest)
            written: list[Path] = []
            try:
                for source, target in placements:
                    _place(source, target)
                    written.append(target)
                if engine == engines.SQLITE:
                    engines.sqlite_restore(staging / DATABASE_MEMBER[engine])
                else:
                    engines.postgres_restore(staging / DATABASE_MEMBER[engine])
            except BaseException:
                for path in written:
                    path.unlink(missing_ok=True)
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    chain = audit_verify()
    held = checkpoint_check(chain_entries=chain.entries) if chain.ok else CheckpointReport(False)
    if chain.ok and held.ok:
        audit_record(actor=SYSTEM, action="backup.restore", target_type="backup",
                     target_id=archive.name[:100],
                     detail={"file": str(archive.resolve()), "made_at": manifest.get("made_at")})
    return RestoreReport(manifest, chain, held)


def _refuse_unknown_migrations(manifest: dict[str, Any]) -> None:
    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True)
             .disk_migrations}
    applied = manifest.get("migrations")
    if not isinstance(applied, list):
        raise BackupRefused("the archive's manifest names no migrations")
    unknown = sorted(set(map(str, applied)) - known)
    if unknown:
        raise BackupRefused(
            f"the backup was made by a later Concord (version {manifest.get('concord_version')}): "
            f"its migration {unknown[0]} is unknown here; restore it with that version")


def _placements(staging: Path, manifest: dict[str, Any]) -> list[tuple[Path, Path]]:
    """Where each archived key and checkpoint goes; refuses a different file already there."""
    placements: list[tuple[Path, Path]] = []
    for member, (_setting, target) in _key_settings().items():
        if member in manifest["files"]:
            placements.append((staging / member, target))
    directory = checkpoint_dir()
    archived = sorted(n.removeprefix("checkpoints/") for n in manifest["files"]
                      if n.startswith("checkpoints/"))
    placements.extend((staging / "checkpoints" / name, directory / name) for name in archived)
    # A checkpoint the backup does not hold may vouch for entries made after it: the restored
    # chain would contradict it. The operator decides, before anything is written.
    foreign = sorted(p.name for p in directory.glob("checkpoint-*.json")
                     if p.name not in archived) if directory.is_dir() else []
    if foreign:
        raise BackupRefused(
            f"{directory} (CONCORD_AUDIT_CHECKPOINT_DIR) holds {foreign[-1]}, which the backup does "
            f"not: it may vouch for entries the backup lacks; move that directory's checkpoints "
            f"aside to restore this backup")
    placed = []
    for source, target in placements:
        if target.exists():
            if target.read_bytes() != source.read_bytes():
                what = next((s for s, p in _key_settings().values() if p == target),
                            "CONCORD_AUDIT_CHECKPOINT_DIR")
                raise BackupRefused(f"{target} ({what}) holds another file than the backup's: "
                                    f"it is not overwritten; move it away to restore this backup")
            continue
        placed.append((source, target))
    return placed


def _place(source: Path, target: Path) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(source.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())
