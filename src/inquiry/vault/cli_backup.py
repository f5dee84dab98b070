"""``inquiry backup [--out FILE]`` and ``inquiry restore FILE --data-dir DIR``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from inquiry.vault.progress import Progress


def register(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="write a consistent backup archive (without the master key)"
    )
    backup.add_argument(
        "--out", type=Path, help="archive to write (default: ./inquiry-backup-<UTC time>.tar)"
    )
    backup.set_defaults(func=cmd_backup)
    restore = subparsers.add_parser(
        "restore", help="restore a backup archive into a new, empty data directory"
    )
    restore.add_argument("archive", type=Path, help="the backup archive")
    restore.add_argument("--data-dir", type=Path, required=True, help="the new, empty data directory")
    restore.add_argument(
        "--database-url", help="empty PostgreSQL database for a PostgreSQL backup (default: DATABASE_URL)"
    )
    restore.add_argument(
        "--key-file", type=Path, help="master key file to install into the new data directory"
    )
    restore.set_defaults(func=cmd_restore)


def cmd_backup(args) -> int:
    from inquiry.vault.backup import backup_create

    out = args.out or Path.cwd() / f"inquiry-backup-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar"
    result = backup_create(out=out, progress=Progress("backup"))
    for warning in result.manifest["warnings"]:
        print(f"warning: {warning}")
    audit = result.manifest["audit"]
    print(f"ok: {result.path}")
    print(f"archive SHA-256: {result.sha256} (record it apart from the archive)")
    print(
        f"contents: {len(result.manifest['members'])} members, {audit['entries']} audit entries, "
        f"master key versions needed: {', '.join(map(str, result.manifest['key_versions_needed'])) or 'none'}"
    )
    print("The master key is not in the archive. Keep the key file apart from the backups, e.g. offline.")
    return 0


def cmd_restore(args) -> int:
    from inquiry.vault.backup import backup_restore

    result = backup_restore(
        archive=args.archive,
        data_dir=args.data_dir,
        database_url=args.database_url,
        key_file=args.key_file,
        progress=Progress("restore"),
    )
    print(f"manifest: ok ({len(result.manifest['members'])} members match their SHA-256)")
    print(f"audit: {result.audit_report}")
    if result.key_ok is not None:
        print(f"key check: {result.key_report}")
    for note in result.notes:
        print(f"note: {note}")
    print(("ok: restored into " if result.ok else "failed: restored into ") + str(result.data_dir))
    return 0 if result.ok else 1
