"""Audit checkpoints as C2SP signed notes, and the cosignatures witnesses add to them.

A checkpoint note's body is the origin line (the node's name and `/concord-audit`), the chain's
entry count, its head hash in base64, and extension lines; a blank line; then one signature line
per signer, `— <key name> base64(key hash || signature)`. The origin signs the body with its
Ed25519 key (signature type 0x01); a witness signs `cosignature/v1`, `time <seconds>` and the
same body (type 0x04) and prefixes its signature with the time, as tlog-cosignature lays down.
The key hash is the first four bytes of SHA-256 over the key name, a newline, the type byte and
the raw public key, so a verifier picks the line of the key it trusts without trying them all.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ORIGIN_SUFFIX = "/concord-audit"
# The extension line by which an origin names the checkpoint it signed before this one, so that
# a witness who saw that one can tell whether this one follows from it.
PREVIOUS = "concord-previous"
ED25519 = 0x01
COSIGNATURE_V1 = 0x04
DASH = "\u2014"
HASH_BYTES = 32
TIME_BYTES = 8
SIGNATURE_BYTES = 64
# A note carries a handful of lines; anything larger is no checkpoint.
MAX_NOTE_BYTES = 16 * 1024


class NoteError(ValueError):
    """The text is not a well-formed checkpoint note; the message names the line."""


def origin_of(node: str) -> str:
    return f"{node}{ORIGIN_SUFFIX}"


def node_of(origin: str) -> str:
    return origin.removesuffix(ORIGIN_SUFFIX) if origin.endswith(ORIGIN_SUFFIX) else ""


def raw_public_key(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_hash(name: str, public_key: bytes, kind: int) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([kind]) + public_key).digest()[:4]


@dataclass(frozen=True)
class Signature:
    name: str
    key_hash: bytes
    # What follows the key hash: the signature, or for a cosignature the time and the signature.
    payload: bytes

    def line(self) -> str:
        encoded = base64.b64encode(self.key_hash + self.payload).decode("ascii")
        return f"{DASH} {self.name} {encoded}\n"


@dataclass(frozen=True)
class CheckpointNote:
    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] = field(default=())

    @property
    def body(self) -> str:
        root = base64.b64encode(self.root_hash).decode("ascii")
        return "".join(f"{line}\n" for line in
                       (self.origin, str(self.size), root, *self.extensions))

    @property
    def root_hex(self) -> str:
        return self.root_hash.hex()

    @property
    def node(self) -> str:
        return node_of(self.origin)

    def text(self) -> str:
        return self.body + "\n" + "".join(s.line() for s in self.signatures)

    def previous(self) -> tuple[int, bytes] | None:
        """The checkpoint the origin says it signed before this one, if it names one."""
        for line in self.extensions:
            if line.startswith(PREVIOUS + " "):
                size, root = _previous_fields(line)
                return size, root
        return None

    def with_signature(self, signature: Signature) -> CheckpointNote:
        kept = tuple(s for s in self.signatures
                     if (s.name, s.key_hash) != (signature.name, signature.key_hash))
        return CheckpointNote(self.origin, self.size, self.root_hash, self.extensions,
                              (*kept, signature))

    def signatures_by(self, name: str, key: bytes, kind: int) -> list[Signature]:
        wanted = key_hash(name, key, kind)
        return [s for s in self.signatures if s.name == name and s.key_hash == wanted]


def _previous_fields(line: str) -> tuple[int, bytes]:
    parts = line.split(" ")
    if len(parts) != 3 or not (parts[1].isascii() and parts[1].isdigit()):  # noqa: PLR2004 (name, size, hash)
        raise NoteError(f"the extension line {line!r} is not `{PREVIOUS} SIZE HASH`")
    return int(parts[1]), _hash(parts[2], line)


def _hash(text: str, line: str) -> bytes:
    try:
        root = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"{line!r} does not hold a base64 hash") from None
    if len(root) != HASH_BYTES:
        raise NoteError(f"{line!r} does not hold a 32-byte hash")
    return root


def checkpoint_note(*, node: str, size: int, root_hex: str,
                    previous: tuple[int, str] | None = None) -> CheckpointNote:
    """An unsigned note of the chain's head (`root_hex` as the chain stores it)."""
    extensions: tuple[str, ...] = ()
    if previous is not None:
        encoded = base64.b64encode(bytes.fromhex(previous[1])).decode("ascii")
        extensions = (f"{PREVIOUS} {previous[0]} {encoded}",)
    return CheckpointNote(origin_of(node), size, bytes.fromhex(root_hex), extensions)


def sign(note: CheckpointNote, *, key: Ed25519PrivateKey) -> CheckpointNote:
    """The origin's signature, named by the origin line."""
    raw = key.sign(note.body.encode("utf-8"))
    return note.with_signature(
        Signature(note.origin, key_hash(note.origin, raw_public_key(key), ED25519), raw))


def _cosigned_message(note: CheckpointNote, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{note.body}".encode()


def cosign(note: CheckpointNote, *, name: str, key: Ed25519PrivateKey,
           timestamp: int) -> CheckpointNote:
    raw = key.sign(_cosigned_message(note, timestamp))
    return note.with_signature(Signature(
        name, key_hash(name, raw_public_key(key), COSIGNATURE_V1),
        struct.pack(">Q", timestamp) + raw))


def _public(key: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(key)


def signed_by_origin(note: CheckpointNote, public_key: bytes) -> bool:
    """True when a signature line of the origin's name verifies under `public_key`."""
    for signature in note.signatures_by(note.origin, public_key, ED25519):
        try:
            _public(public_key).verify(signature.payload, note.body.encode("utf-8"))
        except InvalidSignature:
            continue
        return True
    return False


def cosigned_at(note: CheckpointNote, *, name: str, public_key: bytes) -> int | None:
    """The time (Unix seconds) of `name`'s valid cosignature under `public_key`, or None."""
    for signature in note.signatures_by(name, public_key, COSIGNATURE_V1):
        if len(signature.payload) != TIME_BYTES + SIGNATURE_BYTES:
            continue
        (timestamp,) = struct.unpack(">Q", signature.payload[:TIME_BYTES])
        try:
            _public(public_key).verify(signature.payload[TIME_BYTES:],
                                       _cosigned_message(note, timestamp))
        except InvalidSignature:
            continue
        return int(timestamp)
    return None


def parse(text: str) -> CheckpointNote:
    """Read a checkpoint note; NoteError naming the line that is wrong."""
    if len(text.encode("utf-8")) > MAX_NOTE_BYTES:
        raise NoteError(f"the note is longer than {MAX_NOTE_BYTES} bytes")
    if "\r" in text or not text.endswith("\n"):
        raise NoteError("a note's lines end in a single newline, the last one too")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.isprintable():
            raise NoteError(f"line {number} holds a control character")
    body, separator, signed = text.partition("\n\n")
    if not separator:
        raise NoteError("the note has no blank line before its signatures")
    lines = body.split("\n")
    origin, size, root, extensions = _body(lines)
    signature_lines = signed.split("\n")[:-1]
    if not signature_lines:
        raise NoteError("the note carries no signature")
    signatures = tuple(_signature(line, number)
                       for number, line in enumerate(signature_lines, start=len(lines) + 2))
    return CheckpointNote(origin, size, root, extensions, signatures)


def _body(lines: list[str]) -> tuple[str, int, bytes, tuple[str, ...]]:
    if len(lines) < 3:  # noqa: PLR2004 (origin, size, hash)
        raise NoteError("a checkpoint has an origin line, a size line and a hash line")
    origin, size_line, root_line, *extensions = lines
    if not origin:
        raise NoteError("line 1: the origin is empty")
    if not (size_line.isascii() and size_line.isdigit()) or (size_line != "0" and size_line.startswith("0")):
        raise NoteError(f"line 2: the size {size_line!r} is not a decimal number")
    root = _hash(root_line, f"line 3: {root_line}")
    for number, line in enumerate(extensions, start=4):
        if not line:
            raise NoteError(f"line {number}: an extension line is empty")
        if line.startswith(PREVIOUS + " "):
            _previous_fields(line)
    return origin, int(size_line), root, tuple(extensions)


def _signature(line: str, number: int) -> Signature:
    parts = line.split(" ")
    if len(parts) != 3 or parts[0] != DASH or not parts[1]:  # noqa: PLR2004 (dash, name, sig)
        raise NoteError(f"line {number}: {line!r} is not `{DASH} NAME SIGNATURE`")
    try:
        raw = base64.b64decode(parts[2], validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"line {number}: the signature of {parts[1]} is not base64") from None
    if len(raw) < 5:  # noqa: PLR2004 (a key hash and at least a byte)
        raise NoteError(f"line {number}: the signature of {parts[1]} is too short")
    return Signature(parts[1], raw[:4], raw[4:])
