"""Wrapping and unwrapping of the data keys held in the database.

Key hierarchy::

    master key (file or environment, versioned)
      ├── witness data key   (Witness.wrapped_key)       ── encrypts the identity
      │     └── file key     (evidence of that witness's sources; erased with the witness)
      └── file key           (EvidenceFile / WorkingCopy.wrapped_key, other evidence)
"""

from __future__ import annotations

from inquiry.vault.crypto import KIND_MASTER, KIND_WITNESS, InvalidTag, WrappedKey, new_key
from inquiry.vault.errors import IdentityErased, VaultKeyError
from inquiry.vault.keys import Keyring

__all__ = ["wrap_witness_key", "unwrap_witness_key", "wrap_file_key", "unwrap_file_key", "rewrap_master"]


def _witness_aad(code: str) -> bytes:
    return f"inquiry/witness-key/{code}".encode()


def wrap_witness_key(ring: Keyring, *, code: str, data_key: bytes, version: int | None = None) -> bytes:
    version = ring.current if version is None else version
    return WrappedKey.wrap(
        kek=ring.key(version), kind=KIND_MASTER, ref=version, data_key=data_key, aad=_witness_aad(code)
    ).to_bytes()


def _parse(blob, what: str) -> WrappedKey:
    try:
        return WrappedKey.from_bytes(blob)
    except ValueError:
        raise VaultKeyError(detail=f"the stored key of {what} is damaged") from None


def _unwrap_master(ring: Keyring, wrapped: WrappedKey, aad: bytes, what: str) -> bytes:
    try:
        return wrapped.unwrap(kek=ring.key(wrapped.ref), aad=aad)
    except InvalidTag:
        raise VaultKeyError(
            detail=(
                f"master key version {wrapped.ref} from {ring.origin} does not open the key of {what}; this key "
                "is not the one the records were written with (or the stored key was altered)"
            )
        ) from None


def unwrap_witness_key(ring: Keyring, witness) -> bytes:
    if witness.shredded_at is not None or witness.wrapped_key is None:
        raise IdentityErased(code=witness.code)
    return _unwrap_master(
        ring,
        _parse(witness.wrapped_key, f"witness {witness.code}"),
        _witness_aad(witness.code),
        f"witness {witness.code}",
    )


def wrap_file_key(ring: Keyring, *, label: str, file_key: bytes, witness=None) -> bytes:
    """Wrap a file key under the witness's data key when the file belongs to a witness, else the master key."""
    if witness is not None:
        kek = unwrap_witness_key(ring, witness)
        return WrappedKey.wrap(
            kek=kek, kind=KIND_WITNESS, ref=witness.pk, data_key=file_key, aad=label.encode()
        ).to_bytes()
    return WrappedKey.wrap(
        kek=ring.key(ring.current), kind=KIND_MASTER, ref=ring.current, data_key=file_key, aad=label.encode()
    ).to_bytes()


def file_key_witness_id(blob) -> int | None:
    wrapped = WrappedKey.from_bytes(blob)
    return wrapped.ref if wrapped.kind == KIND_WITNESS else None


def unwrap_file_key(ring: Keyring, blob, *, label: str) -> bytes:
    from inquiry.vault.models import Witness

    wrapped = _parse(blob, label)
    if wrapped.kind == KIND_WITNESS:
        witness = Witness.objects.filter(pk=wrapped.ref).first()
        if witness is None:
            raise VaultKeyError(detail=f"the key of {label} belongs to a witness that no longer exists")
        kek = unwrap_witness_key(ring, witness)
        try:
            return wrapped.unwrap(kek=kek, aad=label.encode())
        except InvalidTag:
            raise VaultKeyError(detail=f"the witness key does not open the key of {label}") from None
    return _unwrap_master(ring, wrapped, label.encode(), label)


def master_version(blob) -> int | None:
    """The master version a blob is wrapped with, or None when a witness key wraps it."""
    wrapped = WrappedKey.from_bytes(blob)
    return wrapped.ref if wrapped.kind == KIND_MASTER else None


def rewrap_master(ring: Keyring, blob, *, aad: bytes, to_version: int, what: str) -> bytes:
    """Re-wrap a master-wrapped blob under ``to_version`` (witness-wrapped blobs are returned unchanged)."""
    wrapped = _parse(blob, what)
    if wrapped.kind != KIND_MASTER or wrapped.ref == to_version:
        return bytes(blob)
    data_key = _unwrap_master(ring, wrapped, aad, what)
    return WrappedKey.wrap(
        kek=ring.key(to_version), kind=KIND_MASTER, ref=to_version, data_key=data_key, aad=aad
    ).to_bytes()


def witness_aad(code: str) -> bytes:
    return _witness_aad(code)


__all__ += ["file_key_witness_id", "master_version", "witness_aad", "new_key"]
