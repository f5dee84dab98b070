"""AES-256-GCM primitives and the self-describing format of wrapped keys.

A wrapped key is ``MAGIC | kind | ref | nonce | ciphertext+tag``: ``kind`` says what wrapped it
(``M``: the master key, ``ref`` = its version; ``W``: a witness's data key, ``ref`` = the witness
id). Readers therefore never guess which key to use, and rotation finds what to re-wrap.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["KEY_BYTES", "NONCE_BYTES", "new_key", "seal", "unseal", "WrappedKey", "InvalidTag"]

KEY_BYTES = 32
NONCE_BYTES = 12
_MAGIC = b"IQK1"
_HEADER = struct.Struct(">4scI")
KIND_MASTER = b"M"
KIND_WITNESS = b"W"


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Encrypt with a fresh random nonce; returns ``(nonce, ciphertext_with_tag)``."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Decrypt and authenticate; raises ``InvalidTag`` on a wrong key, wrong AAD or altered bytes."""
    return AESGCM(key).decrypt(bytes(nonce), bytes(ciphertext), aad)


@dataclass(frozen=True)
class WrappedKey:
    kind: bytes
    ref: int
    nonce: bytes
    ciphertext: bytes

    @classmethod
    def wrap(cls, *, kek: bytes, kind: bytes, ref: int, data_key: bytes, aad: bytes) -> WrappedKey:
        nonce, ct = seal(kek, data_key, cls._aad(kind, ref, aad))
        return cls(kind, ref, nonce, ct)

    def unwrap(self, *, kek: bytes, aad: bytes) -> bytes:
        return unseal(kek, self.nonce, self.ciphertext, self._aad(self.kind, self.ref, aad))

    @staticmethod
    def _aad(kind: bytes, ref: int, aad: bytes) -> bytes:
        # The header is authenticated too, so a blob cannot be relabelled to another version or witness.
        return _HEADER.pack(_MAGIC, kind, ref) + b"|" + aad

    def to_bytes(self) -> bytes:
        return _HEADER.pack(_MAGIC, self.kind, self.ref) + self.nonce + self.ciphertext

    @classmethod
    def from_bytes(cls, blob: bytes | memoryview) -> WrappedKey:
        raw = bytes(blob)
        if len(raw) < _HEADER.size + NONCE_BYTES + 16:
            raise ValueError("wrapped key is truncated")
        magic, kind, ref = _HEADER.unpack_from(raw)
        if magic != _MAGIC or kind not in (KIND_MASTER, KIND_WITNESS):
            raise ValueError("not a wrapped key")
        body = raw[_HEADER.size :]
        return cls(kind, ref, body[:NONCE_BYTES], body[NONCE_BYTES:])
