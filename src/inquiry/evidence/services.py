"""Evidence services: store, read, copy and verify originals, with a chain of custody and audit entries."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction

from inquiry.accounts.roles import Cap, can
from inquiry.audit.services import audit_record
from inquiry.errors import Conflict, InvalidInput, PermissionDenied
from inquiry.evidence import store
from inquiry.evidence.models import CustodyEvent, EvidenceFile, WorkingCopy
from inquiry.vault import keys
from inquiry.vault.crypto import new_key
from inquiry.vault.errors import EvidenceErased, EvidenceIntegrityError
from inquiry.vault.locking import vault_lock
from inquiry.vault.models import Witness
from inquiry.vault.wrapping import (
    file_key_witness_id,
    master_version,
    rewrap_master,
    unwrap_file_key,
    wrap_file_key,
)

__all__ = [
    "evidence_add",
    "evidence_read",
    "evidence_verify",
    "working_copy_add",
    "working_copy_read",
    "custody_record",
    "evidence_shred_for_witness",
    "evidence_rewrap_keys",
]

log = logging.getLogger(__name__)
_ACTION = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _require(actor, capability: str) -> None:
    if not can(actor, capability):
        raise PermissionDenied()


def _actor_name(actor) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return actor.get_username() if getattr(actor, "is_authenticated", False) else "anonymous"


def _label(kind: str, sha256: str) -> str:
    return f"inquiry/{kind}/{sha256}"


def _custody(evidence: EvidenceFile, actor, action: str, note: str = "") -> CustodyEvent:
    return CustodyEvent.objects.create(
        evidence=evidence, at=datetime.now(UTC), actor=_actor_name(actor), action=action, note=note
    )


def _check_metadata(*, filename: str, label: str, tool: str, url: str, collected_at) -> None:
    if not filename or not filename.strip():
        raise InvalidInput("Every evidence file needs a file name.", field="filename")
    for field, value, limit in (("label", label, 200), ("tool", tool, 200), ("url", url, 500)):
        if len(value or "") > limit:
            raise InvalidInput("{field} is longer than {limit} characters.", field=field, limit=limit)
    if collected_at is not None and (collected_at.tzinfo is None or collected_at.utcoffset() is None):
        raise InvalidInput("collected_at must carry a time zone (UTC).", field="collected_at")


def evidence_add(
    *,
    actor,
    fileobj,
    filename: str,
    media_type: str = "",
    source=None,
    label: str = "",
    collected_at: datetime | None = None,
    tool: str = "",
    url: str = "",
) -> EvidenceFile:
    """Store an original under the SHA-256 of its content, encrypted; a second upload returns the first record.

    The file key is wrapped by the witness's key when ``source`` has a witness (so erasing the witness
    destroys the file too), else by the master key.
    """
    _require(actor, Cap.EVIDENCE_WRITE)
    _check_metadata(filename=filename, label=label, tool=tool, url=url, collected_at=collected_at)
    if (
        source is not None
        and source.witness_id is not None
        and Witness.objects.get(pk=source.witness_id).is_shredded
    ):
        raise InvalidInput(
            "Source {source} belongs to an erased witness; no evidence can be added to it.",
            field="source",
            source=source.code,
        )
    file_key = new_key()
    sealed = store.seal_stream(fileobj, key=file_key, limit=settings.MAX_UPLOAD_BYTES, filename=filename)
    target = store.original_path(sealed.sha256)
    placed = False
    try:
        with transaction.atomic():
            vault_lock()  # also serialises two uploads of the same content
            existing = EvidenceFile.objects.filter(sha256=sealed.sha256).first()
            if existing is not None:
                if existing.wrapped_key is None:
                    raise Conflict(
                        "{filename} matches evidence {evidence_id}, which was destroyed when its witness "
                        "was erased; it cannot be stored again.",
                        filename=filename,
                        evidence_id=existing.pk,
                    )
                _custody(existing, actor, "received", f"same content received again as {filename!r}")
                audit_record(
                    actor=actor,
                    action="evidence.received_again",
                    object_type="evidence",
                    object_id=existing.pk,
                    detail={"sha256": existing.sha256},
                )
                return existing
            witness = (
                Witness.objects.select_for_update().get(pk=source.witness_id)
                if source is not None and source.witness_id is not None
                else None
            )
            evidence = EvidenceFile.objects.create(
                sha256=sealed.sha256,
                size=sealed.size,
                media_type=media_type[:100],
                label=label,
                source=source,
                wrapped_key=wrap_file_key(
                    keys.load_keyring(),
                    label=_label("evidence", sealed.sha256),
                    file_key=file_key,
                    witness=witness,
                ),
                collected_at=collected_at,
                tool=tool,
                url=url,
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            store.place(sealed, target, replace_orphan=True)
            placed = True
            _custody(
                evidence, actor, "received", f"received as {filename!r} ({media_type or 'unknown type'})"
            )
            _custody(
                evidence,
                actor,
                "hashed",
                f"SHA-256 {sealed.sha256} of {sealed.size} bytes, computed on receipt",
            )
            audit_record(
                actor=actor,
                action="evidence.added",
                object_type="evidence",
                object_id=evidence.pk,
                detail={
                    "sha256": sealed.sha256,
                    "size": sealed.size,
                    "source": source.code if source is not None else None,
                },
            )
        return evidence
    except BaseException:
        if placed:
            target.unlink(missing_ok=True)
        raise
    finally:
        sealed.path.unlink(missing_ok=True)


def _file_key(model, pk, kind: str):
    """The row as it is now and its file key, read under the vault lock so no rotation runs in between."""
    with transaction.atomic():
        vault_lock()
        row = model.objects.get(pk=pk)
        if row.wrapped_key is None:
            raise EvidenceErased(evidence_id=row.original_id if kind == "working-copy" else row.pk)
        return row, unwrap_file_key(keys.load_keyring(), row.wrapped_key, label=_label(kind, row.sha256))


def _open_original(evidence: EvidenceFile, key: bytes) -> Iterator[bytes]:
    return store.open_stream(
        store.original_path(evidence.sha256),
        key,
        sha256=evidence.sha256,
        size=evidence.size,
        evidence_id=evidence.pk,
    )


def _verified_stream(*, actor, opener, action: str, object_type: str, object_id, verify_first: bool):
    if verify_first:
        try:
            store.consume(opener())
        except EvidenceIntegrityError as exc:
            audit_record(
                actor=actor,
                action=f"{object_type}.integrity_failed",
                object_type=object_type,
                object_id=object_id,
                detail={"problem": exc.params.get("problem", "")},
            )
            raise
    audit_record(actor=actor, action=action, object_type=object_type, object_id=object_id)
    return opener()


def evidence_read(*, actor, evidence: EvidenceFile, verify_first: bool = True) -> Iterator[bytes]:
    """The decrypted original, as 1 MiB chunks. Audited as ``evidence.read``.

    With ``verify_first`` (the default) the whole file is decrypted and checked once before any byte is
    handed out; the returned stream checks again as it goes and raises ``EvidenceIntegrityError`` at the end.
    """
    _require(actor, Cap.EVIDENCE_READ)
    current, key = _file_key(EvidenceFile, evidence.pk, "evidence")
    return _verified_stream(
        actor=actor,
        opener=lambda: _open_original(current, key),
        action="evidence.read",
        object_type="evidence",
        object_id=current.pk,
        verify_first=verify_first,
    )


def evidence_verify(*, evidence: EvidenceFile, actor=None) -> bool:
    """Recompute the SHA-256 of the stored original and compare it with the recorded one."""
    current, key = _file_key(EvidenceFile, evidence.pk, "evidence")
    try:
        store.consume(_open_original(current, key))
        ok, problem = True, ""
    except EvidenceIntegrityError as exc:
        ok, problem = False, str(exc.params.get("problem", ""))
    with transaction.atomic():
        _custody(current, actor, "verified" if ok else "verification_failed", problem)
        audit_record(
            actor=actor,
            action="evidence.verified",
            object_type="evidence",
            object_id=current.pk,
            detail={"ok": ok, "sha256": current.sha256},
        )
    return ok


def working_copy_add(
    *, actor, original: EvidenceFile, fileobj, purpose: str, filename: str = ""
) -> WorkingCopy:
    """Keep a derived file (transcript, redacted copy…) apart from the original, never overwriting it."""
    _require(actor, Cap.EVIDENCE_WRITE)
    if not purpose or not purpose.strip() or len(purpose) > 200:
        raise InvalidInput("A working copy needs a purpose of at most 200 characters.", field="purpose")
    original = EvidenceFile.objects.get(pk=original.pk)
    if original.wrapped_key is None:
        raise EvidenceErased(evidence_id=original.pk)
    file_key = new_key()
    sealed = store.seal_stream(
        fileobj,
        key=file_key,
        limit=settings.MAX_UPLOAD_BYTES,
        filename=filename or f"working copy of evidence {original.pk}",
    )
    placed_at = None
    try:
        with transaction.atomic():
            vault_lock()
            original = EvidenceFile.objects.get(pk=original.pk)
            if original.wrapped_key is None:
                raise EvidenceErased(evidence_id=original.pk)
            witness_id = file_key_witness_id(original.wrapped_key)
            witness = (
                Witness.objects.select_for_update().get(pk=witness_id) if witness_id is not None else None
            )
            copy = WorkingCopy.objects.create(
                original=original,
                sha256=sealed.sha256,
                size=sealed.size,
                purpose=purpose.strip(),
                wrapped_key=wrap_file_key(
                    keys.load_keyring(),
                    label=_label("working-copy", sealed.sha256),
                    file_key=file_key,
                    witness=witness,
                ),
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            placed_at = store.working_path(sealed.sha256, copy.pk)
            store.place(sealed, placed_at, replace_orphan=True)
            _custody(
                original,
                actor,
                "working_copy_made",
                f"working copy {copy.pk} ({purpose.strip()}), SHA-256 {sealed.sha256}",
            )
            audit_record(
                actor=actor,
                action="evidence.working_copy_added",
                object_type="evidence",
                object_id=original.pk,
                detail={"working_copy": copy.pk, "sha256": sealed.sha256},
            )
        return copy
    except BaseException:
        if placed_at is not None:
            placed_at.unlink(missing_ok=True)
        raise
    finally:
        sealed.path.unlink(missing_ok=True)


def working_copy_read(*, actor, copy: WorkingCopy, verify_first: bool = True) -> Iterator[bytes]:
    _require(actor, Cap.EVIDENCE_READ)
    current, key = _file_key(WorkingCopy, copy.pk, "working-copy")

    def opener():
        return store.open_stream(
            store.working_path(current.sha256, current.pk),
            key,
            sha256=current.sha256,
            size=current.size,
            evidence_id=f"{current.original_id}/working-copy-{current.pk}",
        )

    return _verified_stream(
        actor=actor,
        opener=opener,
        action="evidence.working_copy_read",
        object_type="working_copy",
        object_id=current.pk,
        verify_first=verify_first,
    )


def custody_record(*, actor, evidence: EvidenceFile, action: str, note: str = "") -> CustodyEvent:
    """Add a step to the chain of custody (transfer, disclosure, seal checked…)."""
    _require(actor, Cap.EVIDENCE_WRITE)
    if not _ACTION.match(action or ""):
        raise InvalidInput(
            "action must be a short lower-case word such as transferred or disclosed.", field="action"
        )
    with transaction.atomic():
        event = _custody(EvidenceFile.objects.get(pk=evidence.pk), actor, action, note or "")
        audit_record(
            actor=actor,
            action="evidence.custody",
            object_type="evidence",
            object_id=evidence.pk,
            detail={"custody_action": action, "custody_event": event.pk},
        )
    return event


def evidence_shred_for_witness(*, actor, witness) -> int:
    """Destroy the file keys wrapped by this witness's key; the files go once the erasure commits.

    Called by ``witness_erase`` inside its transaction. Returns the number of originals destroyed.
    """
    doomed_files = []
    originals = 0
    for model, kind in ((EvidenceFile, "evidence"), (WorkingCopy, "working_copy")):
        for row in model.objects.select_for_update().filter(wrapped_key__isnull=False):
            if file_key_witness_id(row.wrapped_key) != witness.pk:
                continue
            row.wrapped_key = None
            row.save(update_fields=["wrapped_key"])
            if kind == "evidence":
                originals += 1
                doomed_files.append(store.original_path(row.sha256))
                _custody(
                    row, actor, "destroyed", f"file key destroyed with the erasure of witness {witness.code}"
                )
            else:
                doomed_files.append(store.working_path(row.sha256, row.pk))

    def delete_files() -> None:
        for path in doomed_files:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                log.exception("could not delete an erased evidence file; it stays unreadable without its key")

    transaction.on_commit(delete_files)
    return originals


def evidence_rewrap_keys(*, ring, version: int) -> dict[str, int]:
    """Re-wrap every master-wrapped file key under ``version`` (part of a master-key rotation)."""
    counts = {}
    for model, kind, key in (
        (EvidenceFile, "evidence", "evidence_keys"),
        (WorkingCopy, "working-copy", "working_copy_keys"),
    ):
        changed = []
        for row in (
            model.objects.select_for_update()
            .filter(wrapped_key__isnull=False)
            .only("pk", "sha256", "wrapped_key")
        ):
            if master_version(row.wrapped_key) in (None, version):
                continue
            row.wrapped_key = rewrap_master(
                ring,
                row.wrapped_key,
                aad=_label(kind, row.sha256).encode(),
                to_version=version,
                what=f"{kind} {row.pk}",
            )
            changed.append(row)
        model.objects.bulk_update(changed, ["wrapped_key"], batch_size=500)
        counts[key] = len(changed)
    return counts
