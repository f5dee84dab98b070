"""Checks run inside a freshly restored deployment, in its own process: ``python -m inquiry.vault.restore_check``.

Prints one JSON object: the audit chain verification and, when a master key is at hand, the key and
file check. It only reads.
"""

from __future__ import annotations

import json
import sys


def run(*, with_key: bool) -> dict:
    from django.db import DatabaseError

    from inquiry.audit.services import audit_verify
    from inquiry.errors import InquiryError
    from inquiry.vault.check import vault_check
    from inquiry.vault.progress import Progress

    out: dict = {}
    try:
        audit = audit_verify()
        out["audit_ok"] = audit.ok
        out["audit_report"] = (
            f"ok: {audit.checked} entries"
            if audit.ok
            else f"failed: entry {audit.first_broken_seq}: {audit.problem}"
        )
    except DatabaseError as exc:
        out["audit_ok"], out["audit_report"] = False, f"failed: the restored database cannot be read ({exc})"
    if with_key:
        try:
            check = vault_check(files=True, progress=Progress("restore: key check"))
            out["key_ok"] = check.ok
            out["key_report"] = "\n".join(
                [
                    *check.problems,
                    ("ok: " if check.ok else "failed: ")
                    + f"witness keys: {check.witness_keys_ok} open, {check.shredded} erased; "
                    f"evidence keys: {check.evidence_keys_ok} open; evidence files: {check.files_ok} verified",
                ]
            )
        except (InquiryError, DatabaseError) as exc:
            out["key_ok"], out["key_report"] = False, f"failed: {exc}"
    return out


if __name__ == "__main__":
    from inquiry.cli import _setup_django

    _setup_django()
    print(json.dumps(run(with_key="--with-key" in sys.argv[1:])))
