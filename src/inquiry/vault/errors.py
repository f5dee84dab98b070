"""Typed errors of the vault and the evidence store.

They extend the shared hierarchy in :mod:`inquiry.errors`, so the web, API and CLI boundaries
render them without a traceback. Messages never carry identity content: codes and ids only.
"""

from __future__ import annotations

from inquiry.errors import ConfigurationError, InquiryError

__all__ = [
    "VaultKeyError",
    "IdentityErased",
    "VaultIntegrityError",
    "EvidenceIntegrityError",
    "EvidenceErased",
]


class VaultKeyError(ConfigurationError):
    """The master key at hand cannot open a stored key (wrong key file, or a destroyed version)."""

    code = "vault_key"
    message = "The vault master key cannot open the stored keys: {detail}"


class IdentityErased(InquiryError):
    code = "identity_erased"
    status = 410
    message = "The identity of witness {code} was erased; it can no longer be read by anyone."


class VaultIntegrityError(InquiryError):
    code = "vault_integrity"
    status = 500
    message = "The stored identity of witness {code} fails its integrity check: it was altered or damaged."


class EvidenceIntegrityError(InquiryError):
    code = "evidence_integrity"
    status = 500
    message = "Evidence file {evidence_id} fails its integrity check: {problem}"


class EvidenceErased(InquiryError):
    code = "evidence_erased"
    status = 410
    message = "Evidence file {evidence_id} was destroyed when its witness was erased."
