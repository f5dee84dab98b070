"""The encrypted, content-addressed file store (Berkeley Protocol: originals apart from working copies).

Layout under ``settings.EVIDENCE_DIR``::

    originals/ab/cd/<sha256>          one encrypted original per content, never overwritten
    working/ab/cd/<sha256>.<id>       working copies (transcripts, redactions, excerpts)
    tmp/                              uploads being received; emptied on success and on failure

A stored file is ``MAGIC | nonce (12) | AES-256-GCM ciphertext | tag (16)``. Files are streamed in
1 MiB chunks: an upload is hashed, size-checked and encrypted as it arrives, never held in memory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings

from inquiry.errors import InvalidInput
from inquiry.vault.errors import EvidenceIntegrityError

__all__ = ["CHUNK", "Sealed", "seal_stream", "open_stream", "original_path", "working_path", "place"]

CHUNK = 1024 * 1024
MAGIC = b"IQEVID1\n"
NONCE = 12
TAG = 16


def root() -> Path:
    return Path(settings.EVIDENCE_DIR)


def private_dirs(path: Path) -> None:
    """Create missing folders up to ``path``, each readable by the owner only (mkdir's mode skips parents)."""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def _sharded(kind: str, sha256: str, name: str) -> Path:
    return root() / kind / sha256[:2] / sha256[2:4] / name


def original_path(sha256: str) -> Path:
    return _sharded("originals", sha256, sha256)


def working_path(sha256: str, copy_id: int) -> Path:
    return _sharded("working", sha256, f"{sha256}.{copy_id}")


@dataclass
class Sealed:
    path: Path
    sha256: str
    size: int


def seal_stream(fileobj, *, key: bytes, limit: int, filename: str) -> Sealed:
    """Encrypt ``fileobj`` into a temporary file while hashing the plaintext; nothing is left on failure."""
    tmp_dir = root() / "tmp"
    private_dirs(tmp_dir)
    fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="upload-")
    tmp = Path(name)
    try:
        nonce = os.urandom(NONCE)
        encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
        digest = hashlib.sha256()
        size = 0
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + nonce)
            while chunk := fileobj.read(CHUNK):
                if isinstance(chunk, str):
                    raise InvalidInput(
                        "{filename} was opened as text; evidence must be read as bytes.",
                        field="file",
                        filename=filename,
                    )
                size += len(chunk)
                if size > limit:
                    raise InvalidInput(
                        "{filename} is larger than the upload limit of {limit_mb} MB.",
                        field="file",
                        filename=filename,
                        limit_mb=limit // (1024 * 1024),
                        limit=limit,
                    )
                digest.update(chunk)
                out.write(encryptor.update(chunk))
            out.write(encryptor.finalize())
            out.write(encryptor.tag)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o400)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Sealed(tmp, digest.hexdigest(), size)


def place(sealed: Sealed, target: Path, *, replace_orphan: bool = False) -> None:
    """Move a sealed upload to its final name. A hard link never overwrites an existing file."""
    private_dirs(target.parent)
    try:
        os.link(sealed.path, target)
    except FileExistsError:
        if not replace_orphan:
            raise
        # Left by a transaction that rolled back after placing it: no record, no key, so unreadable anyway.
        os.replace(sealed.path, target)
        return
    sealed.path.unlink(missing_ok=True)


def open_stream(path: Path, key: bytes, *, sha256: str, size: int, evidence_id: object) -> Iterator[bytes]:
    """Decrypt chunk by chunk, checking the GCM tag, the size and the SHA-256 of the plaintext at the end.

    The last chunk is followed by :class:`EvidenceIntegrityError` when anything does not match, so a
    consumer that must not see unverified bytes reads the stream once to the end before using it.
    """

    def fail(problem: str) -> EvidenceIntegrityError:
        return EvidenceIntegrityError(evidence_id=evidence_id, problem=problem)

    try:
        handle = open(path, "rb")  # closed by the generator's finally
    except FileNotFoundError:
        raise fail("the stored file is missing") from None
    try:
        total = os.fstat(handle.fileno()).st_size
        header = handle.read(len(MAGIC) + NONCE)
        if total < len(MAGIC) + NONCE + TAG or not header.startswith(MAGIC):
            raise fail("the stored file is truncated or is not an encrypted evidence file")
        handle.seek(-TAG, os.SEEK_END)
        tag = handle.read(TAG)
        handle.seek(len(header))
        decryptor = Cipher(algorithms.AES(key), modes.GCM(header[len(MAGIC) :], tag)).decryptor()
        remaining = total - len(header) - TAG
        digest = hashlib.sha256()
        seen = 0
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                raise fail("the stored file ended early")
            remaining -= len(chunk)
            plain = decryptor.update(chunk)
            digest.update(plain)
            seen += len(plain)
            yield plain
        try:
            decryptor.finalize()
        except InvalidTag:
            raise fail(
                "the stored file was altered or damaged (its authentication tag does not match)"
            ) from None
        if seen != size or digest.hexdigest() != sha256:
            raise fail(f"its content no longer matches SHA-256 {sha256}")
    finally:
        handle.close()


def consume(stream: Iterator[bytes]) -> None:
    for _ in stream:
        pass
