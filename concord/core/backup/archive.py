"""The backup archive: one gzip-compressed tar file holding a manifest, the database copy, the
audit keys and the checkpoint files.

The manifest comes first and lists every other member with its size and SHA-256; a reader takes
nothing it does not list, and nothing whose checksum differs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tarfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

from concord.core.backup.errors import BackupRefused

FORMAT = "concord-backup/1"
MANIFEST = "manifest.json"
CHUNK = 1 << 20

# Where each kind of member lives in the archive; anything else is refused on reading.
_MEMBER = re.compile(
    r"^(database/concord\.(sqlite3|pgdump)|keys/(audit-chain\.key|audit-checkpoint-ed25519\.pem)"
    r"|checkpoints/checkpoint-\d{12}-\d{8}T\d{6}Z\.json)$"
)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _owned_by_nobody(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    return info


def archive_write(*, output: Path, staging: Path, manifest: dict[str, Any]) -> None:
    """Write the archive beside OUTPUT under a temporary name, readable by its owner only, and
    move it into place once complete: an interrupted backup leaves no archive that looks whole."""
    files = manifest["files"]
    for name in files:
        if not _MEMBER.match(name):
            raise ValueError(f"{name} is not a member of a backup archive")
    draft = output.with_name(f".{output.name}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                                encoding="utf-8")
                tar.add(staging / MANIFEST, arcname=MANIFEST, filter=_owned_by_nobody)
                for name in sorted(files):
                    tar.add(staging / name, arcname=name, filter=_owned_by_nobody)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(draft, output)
    except BaseException:
        draft.unlink(missing_ok=True)
        raise


class Archive:
    """A backup archive opened for reading: the manifest at once, the members on extraction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise BackupRefused(f"{path}: no such backup archive")
        try:
            self._tar = tarfile.open(path, mode="r:gz")  # noqa: SIM115  (closed by close())
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise BackupRefused(f"{path} is not a Concord backup archive ({_reason(error)})") from None
        try:
            self.manifest = self._read_manifest()
        except BaseException:
            self._tar.close()
            raise

    def close(self) -> None:
        self._tar.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_manifest(self) -> dict[str, Any]:
        try:
            first = self._tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupRefused(f"{self.path} is not a Concord backup archive (no manifest)")
            self._manifest_offset = first.offset
            handle = self._tar.extractfile(first)
            if handle is None:
                raise BackupRefused(f"{self.path} is damaged: its manifest is not a file")
            manifest = json.loads(handle.read().decode("utf-8"))
        except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as error:
            raise BackupRefused(f"{self.path} is damaged: its manifest cannot be read "
                                f"({_reason(error)})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupRefused(f"{self.path} is not a Concord backup archive (format "
                                f"{manifest.get('format') if isinstance(manifest, dict) else '?'!r}, "
                                f"expected {FORMAT!r})")
        files = manifest.get("files")
        if not isinstance(files, dict) or not all(
                isinstance(n, str) and _MEMBER.match(n) and isinstance(d, dict)
                for n, d in files.items()):
            raise BackupRefused(f"{self.path} is damaged: its manifest lists no valid members")
        return manifest

    def extract(self, staging: Path) -> None:
        """Every member the manifest lists, each checked against its checksum, into STAGING;
        refuses a member it does not list, a missing one and a truncated archive."""
        expected: dict[str, dict[str, Any]] = self.manifest["files"]
        seen: set[str] = set()
        try:
            for member in self._tar:
                name = member.name
                if member.offset == self._manifest_offset:
                    continue
                if name not in expected or name in seen or not member.isfile():
                    raise BackupRefused(f"{self.path} is damaged: it holds {name!r}, which its "
                                        f"manifest does not list")
                if member.size != expected[name].get("size"):
                    raise BackupRefused(f"{self.path} is damaged: {name} is not the size its "
                                        f"manifest gives")
                seen.add(name)
                self._extract_one(member, staging / PurePosixPath(name), expected[name])
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise BackupRefused(f"{self.path} is truncated or damaged ({_reason(error)})") from None
        missing = sorted(set(expected) - seen)
        if missing:
            raise BackupRefused(f"{self.path} is truncated: {missing[0]} is missing")

    def _extract_one(self, member: tarfile.TarInfo, target: Path, listed: dict[str, Any]) -> None:
        source = self._tar.extractfile(member)
        if source is None:
            raise BackupRefused(f"{self.path} is damaged: {member.name} is not a file")
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                handle.write(chunk)
        if digest.hexdigest() != listed.get("sha256"):
            raise BackupRefused(f"{self.path} is damaged: {member.name} does not match its checksum")


def _reason(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "it ends too soon"
    return str(error) or type(error).__name__
