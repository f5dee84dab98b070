"""The evidence store: content-addressed, encrypted at rest, tamper-evident, with a chain of custody."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.errors import InvalidInput, PermissionDenied
from inquiry.evidence import store
from inquiry.evidence.models import CustodyEvent, EvidenceFile, WorkingCopy
from inquiry.evidence.services import (
    custody_record,
    evidence_add,
    evidence_read,
    evidence_verify,
    working_copy_add,
    working_copy_read,
)
from inquiry.vault.errors import EvidenceIntegrityError

MARKER = b"EVIDENCE-MARKER-7Q2 satellite image of a fictional camp perimeter\n"


def _content(n_chunks: float = 2.5) -> bytes:
    return MARKER * int(n_chunks * store.CHUNK / len(MARKER))


def _add(users, content: bytes, **kw):
    return evidence_add(
        actor=users["investigator"],
        fileobj=io.BytesIO(content),
        filename="image.tif",
        media_type="image/tiff",
        **kw,
    )


def test_record_is_named_by_the_sha256_of_the_original_content(users):
    content = _content()
    evidence = _add(users, content, label="perimeter", tool="camera")
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.size == len(content)
    assert store.original_path(evidence.sha256).exists()
    assert b"".join(evidence_read(actor=users["analyst"], evidence=evidence)) == content


def test_original_is_encrypted_at_rest(users):
    evidence = _add(users, _content(0.1))
    raw = store.original_path(evidence.sha256).read_bytes()
    assert b"EVIDENCE-MARKER-7Q2" not in raw
    assert b"satellite" not in raw


def test_tampering_with_the_stored_file_is_detected(users):
    evidence = _add(users, _content(1.5))
    path = store.original_path(evidence.sha256)
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert evidence_verify(evidence=evidence) is False
    with pytest.raises(EvidenceIntegrityError) as err:
        evidence_read(actor=users["analyst"], evidence=evidence)
    assert str(evidence.pk) in str(err.value)
    assert AuditEntry.objects.filter(action="evidence.integrity_failed").exists()
    assert CustodyEvent.objects.filter(evidence=evidence, action="verification_failed").exists()


def test_a_missing_stored_file_is_reported_as_an_integrity_failure(users):
    evidence = _add(users, b"short file")
    store.original_path(evidence.sha256).unlink()
    with pytest.raises(EvidenceIntegrityError, match="missing"):
        b"".join(evidence_read(actor=users["commissioner"], evidence=evidence))


def test_stream_raises_at_the_end_when_unverified_bytes_were_altered(users):
    evidence = _add(users, _content(1.2))
    path = store.original_path(evidence.sha256)
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # inside the last ciphertext chunk
    path.write_bytes(bytes(data))
    stream = evidence_read(actor=users["analyst"], evidence=evidence, verify_first=False)
    with pytest.raises(EvidenceIntegrityError):
        for _ in stream:
            pass


def test_upload_over_the_limit_is_refused_and_leaves_nothing(users, settings):
    settings.MAX_UPLOAD_BYTES = store.CHUNK * 2
    with pytest.raises(InvalidInput) as err:
        evidence_add(
            actor=users["investigator"],
            fileobj=io.BytesIO(b"x" * (store.CHUNK * 2 + 1)),
            filename="too-big.mp4",
        )
    assert "too-big.mp4" in str(err.value) and "2 MB" in str(err.value)
    assert not EvidenceFile.objects.exists()
    leftovers = [p for p in (settings.EVIDENCE_DIR).rglob("*") if p.is_file()]
    assert leftovers == []


def test_duplicate_upload_returns_the_existing_record_and_extends_custody(users):
    content = _content(0.3)
    first = _add(users, content)
    second = evidence_add(actor=users["investigator"], fileobj=io.BytesIO(content), filename="same-again.tif")
    assert second.pk == first.pk
    assert EvidenceFile.objects.count() == 1
    actions = list(CustodyEvent.objects.filter(evidence=first).values_list("action", flat=True))
    assert actions == ["received", "hashed", "received"]


def test_chain_of_custody_records_receipt_hash_and_later_steps(users):
    evidence = _add(users, b"a document")
    custody_record(
        actor=users["investigator"], evidence=evidence, action="transferred", note="to archive safe 2"
    )
    events = list(CustodyEvent.objects.filter(evidence=evidence))
    assert [e.action for e in events] == ["received", "hashed", "transferred"]
    assert evidence.sha256 in events[1].note
    assert all(e.actor == "investigator" and e.at.tzinfo is not None for e in events)
    with pytest.raises(InvalidInput):
        custody_record(actor=users["investigator"], evidence=evidence, action="Moved To Safe!")
    with pytest.raises(PermissionDenied):
        custody_record(actor=users["analyst"], evidence=evidence, action="transferred")


def test_working_copies_are_kept_apart_from_the_original(users):
    original = _add(users, b"original interview transcript")
    copy = working_copy_add(
        actor=users["investigator"],
        original=original,
        fileobj=io.BytesIO(b"redacted interview transcript"),
        purpose="redacted copy",
    )
    copy_path = store.working_path(copy.sha256, copy.pk)
    assert copy_path.exists() and "working" in copy_path.parts
    assert (
        store.original_path(original.sha256).exists()
        and "originals" in store.original_path(original.sha256).parts
    )
    assert b"".join(working_copy_read(actor=users["analyst"], copy=copy)) == b"redacted interview transcript"
    assert (
        b"".join(evidence_read(actor=users["analyst"], evidence=original)) == b"original interview transcript"
    )
    assert WorkingCopy.objects.filter(original=original).count() == 1
    assert CustodyEvent.objects.filter(evidence=original, action="working_copy_made").exists()


@pytest.mark.parametrize("role", ["partner", "public", "outsider", "admin"])
def test_roles_without_evidence_read_cannot_read(users, role):
    evidence = _add(users, b"x")
    with pytest.raises(PermissionDenied):
        evidence_read(actor=users[role], evidence=evidence)


@pytest.mark.parametrize("role", ["commissioner", "analyst", "protection", "partner", "public", "admin"])
def test_roles_without_evidence_write_cannot_add(users, role):
    with pytest.raises(PermissionDenied):
        evidence_add(actor=users[role], fileobj=io.BytesIO(b"x"), filename="x.txt")


def test_every_read_is_audited(users):
    evidence = _add(users, b"read me")
    for _ in range(3):
        b"".join(evidence_read(actor=users["commissioner"], evidence=evidence))
    assert AuditEntry.objects.filter(action="evidence.read", object_id=str(evidence.pk)).count() == 3


def test_outsider_gets_not_found_from_the_selector(users):
    from inquiry.errors import NotFound
    from inquiry.evidence.selectors import evidence_get_for_user

    evidence = _add(users, b"x")
    assert evidence_get_for_user(user=users["analyst"], evidence_id=evidence.pk).pk == evidence.pk
    with pytest.raises(NotFound):
        evidence_get_for_user(user=users["outsider"], evidence_id=evidence.pk)
