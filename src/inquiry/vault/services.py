"""Vault services: every write and every decryption of an identity is permission-checked and audited.

Audit entries carry witness ids and pseudonymous codes only, never identity content.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import UTC, datetime

from django.db import IntegrityError, transaction

from inquiry.accounts.roles import Cap, can
from inquiry.audit.services import audit_record
from inquiry.errors import InvalidInput, PermissionDenied
from inquiry.vault import keys
from inquiry.vault.crypto import InvalidTag, new_key, seal, unseal
from inquiry.vault.errors import IdentityErased, VaultIntegrityError
from inquiry.vault.identity import clean_identity
from inquiry.vault.locking import vault_lock
from inquiry.vault.models import RiskLevel, Witness
from inquiry.vault.wrapping import (
    master_version,
    rewrap_master,
    unwrap_witness_key,
    witness_aad,
    wrap_witness_key,
)

__all__ = [
    "witness_create",
    "identity_reveal",
    "identity_update",
    "witness_set_risk",
    "witness_erase",
    "vault_rotate_key",
    "ERASE_REASONS",
    "ERASURE_NOTICE",
]

log = logging.getLogger(__name__)

# No 0/O, 1/I/L, U: codes are read aloud and copied by hand.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_RISK_ORDER = {RiskLevel.LOW: 0, RiskLevel.MEDIUM: 1, RiskLevel.HIGH: 2, RiskLevel.SEVERE: 3}
# A closed list, so that the audit log can keep the reason without risking identifying free text.
ERASE_REASONS = ("consent_withdrawn", "witness_request", "safety", "retention_expired", "recorded_in_error")
ERASURE_NOTICE = (
    "The identity was erased and the vault master key rotated. Backups made before now can no longer "
    "decrypt any identity or evidence: make a fresh backup now."
)


def _require(actor, capability: str) -> None:
    if not can(actor, capability):
        raise PermissionDenied()


def _identity_aad(code: str) -> bytes:
    return f"inquiry/identity/{code}".encode()


def _encrypt_identity(data_key: bytes, code: str, identity: dict) -> tuple[bytes, bytes]:
    payload = json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return seal(data_key, payload, _identity_aad(code))


def _new_code() -> str:
    return "W-" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))


def _clean_risk(risk_level: str) -> str:
    if risk_level not in RiskLevel.values:
        raise InvalidInput(
            "risk_level must be one of {allowed}.", field="risk_level", allowed=", ".join(RiskLevel.values)
        )
    return risk_level


def witness_create(
    *, actor, identity: dict, risk_level: str = RiskLevel.HIGH, relatives_inside: bool = False
) -> Witness:
    """Put a new identity into the vault; everyone else will know the witness only by its code."""
    _require(actor, Cap.IDENTITY_WRITE)
    cleaned = clean_identity(identity)
    risk_level = _clean_risk(risk_level)
    data_key = new_key()
    for _attempt in range(8):
        code = _new_code()
        nonce, ciphertext = _encrypt_identity(data_key, code, cleaned)
        try:
            with transaction.atomic():
                vault_lock()
                ring = keys.load_keyring()
                witness = Witness.objects.create(
                    code=code,
                    wrapped_key=wrap_witness_key(ring, code=code, data_key=data_key),
                    key_version=ring.current,
                    nonce=nonce,
                    ciphertext=ciphertext,
                    risk_level=risk_level,
                    relatives_inside=bool(relatives_inside),
                )
                audit_record(
                    actor=actor,
                    action="witness.created",
                    object_type="witness",
                    object_id=witness.pk,
                    detail={
                        "code": code,
                        "risk_level": risk_level,
                        "relatives_inside": bool(relatives_inside),
                    },
                )
            return witness
        except IntegrityError:
            if not Witness.objects.filter(code=code).exists():
                raise
    raise RuntimeError("could not draw an unused witness code")  # 30**6 codes: practically unreachable


def _decrypt_identity(witness: Witness) -> dict:
    ring = keys.load_keyring()
    data_key = unwrap_witness_key(ring, witness)
    try:
        plaintext = unseal(data_key, witness.nonce, witness.ciphertext, _identity_aad(witness.code))
    except InvalidTag:
        raise VaultIntegrityError(code=witness.code) from None
    return json.loads(plaintext)


def identity_reveal(*, actor, witness: Witness) -> dict:
    """Decrypt the identity for a protection officer. Every attempt is audited, refused ones too."""
    if not can(actor, Cap.IDENTITY_READ):
        audit_record(
            actor=actor,
            action="identity.read_denied",
            object_type="witness",
            object_id=witness.pk,
            detail={"code": witness.code},
        )
        raise PermissionDenied()
    with transaction.atomic():
        vault_lock()
        current = Witness.objects.get(pk=witness.pk)
        if current.is_shredded:
            audit_record(
                actor=actor,
                action="identity.read_erased",
                object_type="witness",
                object_id=current.pk,
                detail={"code": current.code},
            )
            erased = True
        else:
            identity = _decrypt_identity(current)
            # Written before the plaintext leaves this function: no audit entry, no identity.
            audit_record(
                actor=actor,
                action="identity.read",
                object_type="witness",
                object_id=current.pk,
                detail={"code": current.code},
            )
            erased = False
    if erased:
        raise IdentityErased(code=current.code)
    return identity


def identity_update(*, actor, witness: Witness, identity: dict) -> Witness:
    """Replace the identity. Only a role that can read it may replace it (no blind overwrites)."""
    _require(actor, Cap.IDENTITY_WRITE)
    _require(actor, Cap.IDENTITY_READ)
    cleaned = clean_identity(identity)
    with transaction.atomic():
        vault_lock()
        current = Witness.objects.select_for_update().get(pk=witness.pk)
        if current.is_shredded:
            raise IdentityErased(code=current.code)
        data_key = unwrap_witness_key(keys.load_keyring(), current)
        current.nonce, current.ciphertext = _encrypt_identity(data_key, current.code, cleaned)
        current.save(update_fields=["nonce", "ciphertext"])
        audit_record(
            actor=actor,
            action="identity.updated",
            object_type="witness",
            object_id=current.pk,
            detail={"code": current.code},
        )
    return current


def witness_set_risk(*, actor, witness: Witness, risk_level: str, relatives_inside: bool) -> Witness:
    """Change the retaliation-risk flags. Lowering them needs the protection officer, raising does not."""
    _require(actor, Cap.IDENTITY_WRITE)
    risk_level = _clean_risk(risk_level)
    with transaction.atomic():
        current = Witness.objects.select_for_update().get(pk=witness.pk)
        lowers = _RISK_ORDER[risk_level] < _RISK_ORDER[current.risk_level] or (
            current.relatives_inside and not relatives_inside
        )
        if lowers:
            _require(actor, Cap.IDENTITY_READ)
        before = {"risk_level": current.risk_level, "relatives_inside": current.relatives_inside}
        current.risk_level, current.relatives_inside = risk_level, bool(relatives_inside)
        current.save(update_fields=["risk_level", "relatives_inside"])
        audit_record(
            actor=actor,
            action="witness.risk_changed",
            object_type="witness",
            object_id=current.pk,
            detail={
                "code": current.code,
                "before": before,
                "after": {"risk_level": risk_level, "relatives_inside": bool(relatives_inside)},
            },
        )
    return current


def _clean_reason(reason: str) -> str:
    norm = (reason or "").strip().lower().replace(" ", "_").replace("-", "_")
    if norm not in ERASE_REASONS:
        raise InvalidInput(
            "reason must be one of {allowed}.", field="reason", allowed=", ".join(ERASE_REASONS)
        )
    return norm


def witness_erase(*, actor, witness: Witness, reason: str) -> Witness:
    """Crypto-shred the witness: destroy its key, its ciphertext and its evidence, then rotate the master key.

    Rotation re-wraps every surviving key under a new master version and destroys the old version, so a
    backup made before the erasure cannot unwrap this witness's key with any key that still exists.
    Afterwards a fresh backup must be made (see ``ERASURE_NOTICE``).
    """
    from inquiry.evidence.services import evidence_shred_for_witness

    _require(actor, Cap.IDENTITY_ERASE)
    reason = _clean_reason(reason)
    keys.rotation_target(keys.load_keyring())  # refuse before anything changes if the key cannot rotate
    with transaction.atomic():
        vault_lock()  # before any row lock, so erasures and rotations queue in one order
        current = Witness.objects.select_for_update().get(pk=witness.pk)
        if current.is_shredded:
            raise IdentityErased(code=current.code)
        destroyed = evidence_shred_for_witness(actor=actor, witness=current)
        current.wrapped_key = current.nonce = current.ciphertext = None
        current.shredded_at = datetime.now(UTC)
        current.save(update_fields=["wrapped_key", "nonce", "ciphertext", "shredded_at"])
        new_version = _rotate(actor=actor, cause=f"erasure of {current.code}")
        audit_record(
            actor=actor,
            action="witness.erased",
            object_type="witness",
            object_id=current.pk,
            detail={
                "code": current.code,
                "reason": reason,
                "evidence_destroyed": destroyed,
                "key_version": new_version,
            },
        )
    log.warning("witness %s erased; master key now version %s. %s", current.code, new_version, ERASURE_NOTICE)
    return current


def vault_rotate_key(*, actor: str = "system") -> int:
    """Rotate the master key on demand (key compromise, or finishing an interrupted rotation)."""
    with transaction.atomic():
        vault_lock()
        return _rotate(actor=actor, cause="requested")


def _rotate(*, actor, cause: str) -> int:
    """Add a new master version, re-wrap everything under it, and destroy the old versions after commit.

    Runs inside a transaction holding ``vault_lock``.

    The key file holds old and new versions while the transaction runs, so a crash or a rollback at any
    point leaves every stored key openable; the old versions go only once the re-wrap is committed.
    """
    ring = keys.load_keyring()
    path = keys.rotation_target(ring)
    new_version = ring.current + 1
    versions = {**ring.versions, new_version: new_key()}
    keys.write_keyring(path, versions)
    ring = keys.Keyring(versions, ring.origin, path)
    counts = _rewrap_everything(ring, new_version)
    audit_record(
        actor=actor,
        action="vault.key_rotated",
        object_type="vault",
        object_id=new_version,
        detail={
            "cause": cause,
            "from_versions": sorted(set(versions) - {new_version}),
            "to_version": new_version,
            **counts,
        },
    )
    transaction.on_commit(lambda: retire_old_versions(new_version))
    return new_version


def _rewrap_everything(ring: keys.Keyring, version: int) -> dict[str, int]:
    from inquiry.evidence.services import evidence_rewrap_keys

    witnesses = []
    for w in (
        Witness.objects.select_for_update()
        .filter(wrapped_key__isnull=False)
        .only("pk", "code", "wrapped_key")
    ):
        if master_version(w.wrapped_key) == version:
            continue
        w.wrapped_key = rewrap_master(
            ring, w.wrapped_key, aad=witness_aad(w.code), to_version=version, what=f"witness {w.code}"
        )
        w.key_version = version
        witnesses.append(w)
    Witness.objects.bulk_update(witnesses, ["wrapped_key", "key_version"], batch_size=500)
    return {"witness_keys": len(witnesses), **evidence_rewrap_keys(ring=ring, version=version)}


def retire_old_versions(keep: int) -> bool:
    """Destroy every master version but ``keep``, once no stored key needs them any more."""
    try:
        with transaction.atomic():
            vault_lock()
            ring = keys.load_keyring(create=False)
            if ring.current != keep or set(ring.versions) == {keep} or ring.path is None:
                return False  # a newer rotation took over, or nothing to do
            _rewrap_everything(ring, keep)  # keys written under an old version meanwhile
        with transaction.atomic():
            vault_lock()
            ring = keys.load_keyring(create=False)
            if ring.current != keep or _versions_in_use() - {keep}:
                return False
            # The last step, and it writes nothing to the database: no rollback can outlive it.
            keys.write_keyring(ring.path, {keep: ring.versions[keep]})
        return True
    except Exception:  # runs after commit: never turn a committed erasure into an error page
        log.exception("could not destroy old vault key versions; run `inquiry vault rotate`")
        return False


def _versions_in_use() -> set[int]:
    from inquiry.evidence.models import EvidenceFile, WorkingCopy

    used = set(
        Witness.objects.filter(wrapped_key__isnull=False).values_list("key_version", flat=True).distinct()
    )
    for model in (EvidenceFile, WorkingCopy):
        for blob in model.objects.filter(wrapped_key__isnull=False).values_list("wrapped_key", flat=True):
            if (version := master_version(blob)) is not None:
                used.add(version)
    return used
