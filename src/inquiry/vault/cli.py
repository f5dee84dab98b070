"""``inquiry vault status|check|rotate``: the state of the vault, never an identity."""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from pathlib import Path

from django.conf import settings

from inquiry.vault.progress import Progress


def register(subparsers) -> None:
    parser = subparsers.add_parser("vault", help="the witness vault: key status, key check, key rotation")
    sub = parser.add_subparsers(dest="vault_command", metavar="ACTION")
    status = sub.add_parser("status", help="key version and witness counts (no identities)")
    status.set_defaults(func=cmd_status)
    check = sub.add_parser("check", help="check that the master key opens every stored key")
    check.add_argument(
        "--files", action="store_true", help="also decrypt every evidence file and check its SHA-256"
    )
    check.set_defaults(func=cmd_check)
    rotate = sub.add_parser(
        "rotate", help="re-wrap every key under a new master key version and destroy the old ones"
    )
    rotate.set_defaults(func=cmd_rotate)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def _key_line() -> str:
    from inquiry.errors import InquiryError
    from inquiry.vault.keys import load_keyring

    try:
        ring = load_keyring(create=False)
    except InquiryError as exc:
        return f"master key: unavailable ({exc.render()})"
    extra = (
        ""
        if len(ring.versions) == 1
        else (
            f"; old versions still held: {', '.join(f'v{v}' for v in sorted(ring.versions) if v != ring.current)} "
            "(an interrupted rotation: run `inquiry vault rotate`)"
        )
    )
    return f"master key: version {ring.current} from {ring.origin}{extra}"


def cmd_status(args) -> int:
    from inquiry.evidence.models import EvidenceFile
    from inquiry.vault.backup import LAST_BACKUP_FILE
    from inquiry.vault.selectors import vault_counts

    counts = vault_counts()
    print(_key_line())
    print(f"witnesses: {counts['witnesses']} ({counts['shredded']} erased)")
    for version, n in sorted(counts["by_key_version"].items()):
        print(f"witness keys under master version {version}: {n}")
    print(f"evidence originals: {EvidenceFile.objects.count()}")
    try:
        last = json.loads((Path(settings.DATA_DIR) / LAST_BACKUP_FILE).read_text())
    except (OSError, ValueError):
        last = None
    print(f"last backup: {last['created_at'][:19] + 'Z' if last else 'none recorded'}")
    erased = counts["last_erasure"]
    if erased and (not last or erased > datetime.fromisoformat(last["created_at"])):
        print(
            "warning: a witness was erased after the last backup; older backups can no longer be decrypted. "
            "Make a fresh backup now (`inquiry backup`)."
        )
    return 0


def cmd_check(args) -> int:
    from inquiry.vault.check import vault_check

    result = vault_check(files=args.files, progress=Progress("vault check") if args.files else None)
    for problem in result.problems:
        print(f"problem: {problem}")
    summary = (
        f"witness keys: {result.witness_keys_ok} open, {result.shredded} erased; "
        f"evidence keys: {result.evidence_keys_ok} open"
    )
    if args.files:
        summary += f"; evidence files: {result.files_ok} verified"
    print(("ok: " if result.ok else "failed: ") + summary)
    return 0 if result.ok else 1


def cmd_rotate(args) -> int:
    from inquiry.vault.services import vault_rotate_key

    version = vault_rotate_key(actor=f"cli:{getpass.getuser()}")
    print(
        f"ok: master key now version {version}; older versions destroyed. Older backups can no longer be "
        "decrypted: make a fresh backup now."
    )
    return 0
