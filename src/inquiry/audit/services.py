"""Writing to and verifying the audit chain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction

from inquiry.audit.chain import GENESIS, canonical, entry_digest
from inquiry.audit.models import AuditEntry
from inquiry.datadir import write_private

_PG_LOCK_KEY = 7_201_314  # arbitrary constant: one advisory lock serialises appends


def _head_file():
    return settings.DATA_DIR / "audit.head"


def _actor_fields(actor) -> tuple[str, str]:
    if actor is None:
        return "system", ""
    if isinstance(actor, str):
        return actor, ""
    if not getattr(actor, "is_authenticated", False):
        return "anonymous", ""
    return actor.get_username(), getattr(actor, "role", "")


def audit_record(*, actor, action: str, object_type: str = "", object_id: object = "",
                 detail: dict | None = None) -> AuditEntry:
    """Append one entry. Call inside the service's transaction so both commit or neither does."""
    name, role = _actor_fields(actor)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        seq = (last.seq + 1) if last else 1
        prev = last.entry_hash if last else GENESIS
        at = datetime.now(UTC)
        detail_text = canonical(detail)
        digest = entry_digest(prev_hash=prev, seq=seq, at=at, actor=name, actor_role=role, action=action,
                              object_type=object_type, object_id=str(object_id), detail=detail_text)
        entry = AuditEntry.objects.create(
            seq=seq, at=at, actor=name, actor_role=role, action=action, object_type=object_type,
            object_id=str(object_id), detail=detail_text, prev_hash=prev, entry_hash=digest,
        )
        # The head file lets verification notice rows cut off the end of the chain.
        transaction.on_commit(lambda: _write_head(seq, digest))
    return entry


def _write_head(seq: int, digest: str) -> None:
    current = read_head()
    if current and current[0] >= seq:
        return
    write_private(_head_file(), json.dumps({"seq": seq, "hash": digest}).encode())


def read_head() -> tuple[int, str] | None:
    try:
        data = json.loads(_head_file().read_text())
        return int(data["seq"]), str(data["hash"])
    except (OSError, ValueError, KeyError):
        return None


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    problem: str = ""


def audit_verify(*, progress=None) -> VerifyResult:
    """Walk the chain in order; report the first entry whose link or content does not hold."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    total = AuditEntry.objects.count()
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != prev:
            return VerifyResult(False, checked, entry.seq, "it does not link to the entry before it")
        at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
        digest = entry_digest(prev_hash=entry.prev_hash, seq=entry.seq, at=at, actor=entry.actor,
                              actor_role=entry.actor_role, action=entry.action, object_type=entry.object_type,
                              object_id=entry.object_id, detail=entry.detail)
        if digest != entry.entry_hash:
            return VerifyResult(False, checked, entry.seq, "its content was changed after it was written")
        prev = entry.entry_hash
        expected_seq += 1
        checked += 1
        if progress and checked % 5000 == 0:
            progress(checked, total)
    head = read_head()
    if head and head[0] >= expected_seq:
        return VerifyResult(False, checked, expected_seq,
                            f"the chain ends at entry {expected_seq - 1} but entry {head[0]} was written")
    if head and head[0] == expected_seq - 1 and head[1] != prev:
        return VerifyResult(False, checked, head[0], "the last entry differs from the one recorded at write time")
    return VerifyResult(True, checked)
