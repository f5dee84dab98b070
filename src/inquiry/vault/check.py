"""A read-only check that the master key at hand opens every stored key (and, optionally, every file).

Used by ``inquiry vault check`` and after a restore. It decrypts no identity and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inquiry.errors import InquiryError
from inquiry.vault import keys
from inquiry.vault.models import Witness
from inquiry.vault.wrapping import unwrap_witness_key

__all__ = ["CheckResult", "vault_check"]


@dataclass
class CheckResult:
    witness_keys_ok: int = 0
    evidence_keys_ok: int = 0
    files_ok: int = 0
    shredded: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def vault_check(*, files: bool = False, progress=None) -> CheckResult:
    from django.db import transaction

    from inquiry.evidence import store
    from inquiry.vault.locking import vault_lock

    with transaction.atomic():  # rows and key file seen together, with no rotation in between
        vault_lock()
        result, opened = _check_keys()
    if files:  # outside the lock: decrypting every file can take long
        for done, (name, path, key, row) in enumerate(opened, 1):
            try:
                store.consume(
                    store.open_stream(path, key, sha256=row.sha256, size=row.size, evidence_id=name)
                )
                result.files_ok += 1
            except InquiryError as exc:
                result.problems.append(f"{name}: {exc.render()}")
            if progress:
                progress("evidence files", done, len(opened))
    return result


def _check_keys() -> tuple[CheckResult, list]:
    from inquiry.evidence import store
    from inquiry.evidence.models import EvidenceFile, WorkingCopy
    from inquiry.vault.wrapping import unwrap_file_key

    result = CheckResult()
    ring = keys.load_keyring(create=False)
    for w in Witness.objects.only("pk", "code", "wrapped_key", "shredded_at").iterator():
        if w.shredded_at is not None:
            result.shredded += 1
            continue
        try:
            unwrap_witness_key(ring, w)
            result.witness_keys_ok += 1
        except InquiryError as exc:
            result.problems.append(f"witness {w.code}: {exc.render()}")
    rows = [
        (e, "evidence", store.original_path(e.sha256))
        for e in EvidenceFile.objects.filter(wrapped_key__isnull=False).iterator()
    ]
    rows += [
        (c, "working-copy", store.working_path(c.sha256, c.pk))
        for c in WorkingCopy.objects.filter(wrapped_key__isnull=False).iterator()
    ]
    opened = []
    for row, kind, path in rows:
        name = f"{kind} {row.pk}"
        try:
            key = unwrap_file_key(ring, row.wrapped_key, label=f"inquiry/{kind}/{row.sha256}")
        except InquiryError as exc:
            result.problems.append(f"{name}: {exc.render()}")
            continue
        result.evidence_keys_ok += 1
        opened.append((name, path, key, row))
    return result, opened
