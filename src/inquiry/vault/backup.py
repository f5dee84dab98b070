"""Backups: a consistent snapshot of the database and the evidence store, with a manifest of SHA-256s.

The archive is a plain tar (the evidence is encrypted, so compression would gain nothing)::

    database/inquiry.sqlite3 | database/inquiry.pgdump   the snapshot (identities are ciphertext)
    evidence/originals/…, evidence/working/…            the encrypted files the snapshot refers to
    manifest.json                                       members with size and SHA-256, audit head, counts

The master key is never in a backup. Keep it apart (see docs/security.md): a backup without its key
reveals nothing, and the key without a backup reveals nothing either.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from inquiry.datadir import write_private
from inquiry.errors import ConfigurationError, InvalidInput
from inquiry.vault.wrapping import master_version

__all__ = ["backup_create", "backup_restore", "BackupResult", "RestoreResult", "LAST_BACKUP_FILE"]

FORMAT = "inquiry-backup"
FORMAT_VERSION = 1
LAST_BACKUP_FILE = "backup.last"
_BUF = 1024 * 1024
_SAFE_MEMBER = re.compile(
    r"^(manifest\.json|database/inquiry\.(sqlite3|pgdump)|"
    r"evidence/originals/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}|evidence/working/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\.\d+)$"
)
Progress = Callable[[str, int, int], None]


@dataclass
class BackupResult:
    path: Path
    sha256: str
    manifest: dict


@dataclass
class RestoreResult:
    data_dir: Path
    manifest: dict
    audit_ok: bool = False
    audit_report: str = ""
    key_ok: bool | None = None  # None: no master key was available to check with
    key_report: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.audit_ok and self.key_ok is not False


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_BUF):
            digest.update(chunk)
    return digest.hexdigest()


# -- snapshot ----------------------------------------------------------------------------------------


def _snapshot_facts(cur) -> dict:
    """What the manifest records, read inside the snapshot so it matches the dumped data exactly."""

    def rows(sql):
        cur.execute(sql)
        return cur.fetchall()

    head = rows("SELECT seq, entry_hash FROM audit_auditentry ORDER BY seq DESC LIMIT 1")
    entries = rows("SELECT COUNT(*) FROM audit_auditentry")[0][0]
    witnesses = rows("SELECT COUNT(*), COUNT(shredded_at) FROM vault_witness")[0]
    originals = [r[0] for r in rows("SELECT sha256 FROM evidence_evidencefile WHERE wrapped_key IS NOT NULL")]
    copies = [
        (r[0], r[1])
        for r in rows("SELECT id, sha256 FROM evidence_workingcopy WHERE wrapped_key IS NOT NULL")
    ]
    versions = {
        int(r[0])
        for r in rows("SELECT DISTINCT key_version FROM vault_witness WHERE wrapped_key IS NOT NULL")
    }
    for table in ("evidence_evidencefile", "evidence_workingcopy"):
        for (blob,) in rows(f"SELECT wrapped_key FROM {table} WHERE wrapped_key IS NOT NULL"):
            if (v := master_version(blob)) is not None:
                versions.add(v)
    return {
        "audit": {
            "entries": entries,
            "head_seq": head[0][0] if head else 0,
            "head_hash": head[0][1] if head else "",
        },
        "witnesses": {"total": witnesses[0], "shredded": witnesses[1]},
        "key_versions_needed": sorted(versions),
        "_originals": originals,
        "_copies": copies,
    }


def _is_memory_db(name: str) -> bool:
    return name == ":memory:" or "mode=memory" in name


def _snapshot_sqlite(dest: Path) -> dict:
    connection.ensure_connection()
    name = str(connection.settings_dict["NAME"])
    # The online backup API copies a consistent image even while others write (WAL included).
    if _is_memory_db(name):
        source, own = connection.connection, False
    else:
        source, own = sqlite3.connect(f"file:{name}?mode=ro", uri=True), True
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        facts = _snapshot_facts(target.cursor())
    finally:
        target.close()
        if own:
            source.close()
    return facts


def _pg_params() -> tuple[list[str], dict[str, str]]:
    sd = connection.settings_dict
    args = ["--dbname", str(sd["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if sd.get(key):
            args += [flag, str(sd[key])]
    env = dict(os.environ)
    if sd.get("PASSWORD"):
        env["PGPASSWORD"] = str(sd["PASSWORD"])  # never on the command line, where ps would show it
    return args, env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ConfigurationError(
            detail=f"{name} was not found; install the PostgreSQL client tools "
            "(the same major version as the server or newer)"
        )
    return found


def _snapshot_postgres(dest: Path) -> dict:
    import psycopg

    sd = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(
        dbname=sd["NAME"],
        user=sd.get("USER") or None,
        password=sd.get("PASSWORD") or None,
        host=sd.get("HOST") or None,
        port=str(sd["PORT"]) if sd.get("PORT") else None,
    )
    pg_dump = _tool("pg_dump")
    with psycopg.connect(conninfo) as pg:
        pg.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        pg.read_only = True
        with pg.cursor() as cur:
            # pg_dump joins this exported snapshot, so the dump and the facts describe the same instant.
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]
            facts = _snapshot_facts(cur)
            args, env = _pg_params()
            done = subprocess.run(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", "--file", str(dest), *args],
                env=env,
                capture_output=True,
                text=True,
            )
        pg.rollback()
    if done.returncode != 0:
        raise ConfigurationError(detail=f"pg_dump failed: {done.stderr.strip()[:500]}")
    return facts


class _HashingReader:
    def __init__(self, fh):
        self.fh, self.digest = fh, hashlib.sha256()

    def read(self, n=-1):
        data = self.fh.read(n)
        self.digest.update(data)
        return data


def _add(tar: tarfile.TarFile, name: str, path: Path, members: list[dict]) -> None:
    info = tarfile.TarInfo(name)
    info.size = path.stat().st_size
    info.mode = 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    with open(path, "rb") as fh:
        reader = _HashingReader(fh)
        tar.addfile(info, reader)
    members.append({"name": name, "size": info.size, "sha256": reader.digest.hexdigest()})


def backup_create(*, out: Path, progress: Progress | None = None) -> BackupResult:
    """Write a backup archive to ``out`` (mode 0600, written under a temporary name, then renamed)."""
    from inquiry.evidence import store

    out = Path(out).expanduser().resolve()
    if out.exists():
        raise InvalidInput(
            "{path} already exists; a backup never overwrites a file.", field="out", path=str(out)
        )
    if not out.parent.is_dir():
        raise InvalidInput("The folder {path} does not exist.", field="out", path=str(out.parent))
    engine = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    partial = out.with_name(out.name + ".partial")
    members: list[dict] = []
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="inquiry-backup-") as tmp:
        if progress:
            progress("database snapshot", 0, 1)
        db_name = "database/inquiry.pgdump" if engine == "postgresql" else "database/inquiry.sqlite3"
        db_file = Path(tmp) / "db"
        facts = _snapshot_postgres(db_file) if engine == "postgresql" else _snapshot_sqlite(db_file)
        if progress:
            progress("database snapshot", 1, 1)
        files = [
            (f"evidence/originals/{s[:2]}/{s[2:4]}/{s}", store.original_path(s))
            for s in facts.pop("_originals")
        ]
        files += [
            (f"evidence/working/{s[:2]}/{s[2:4]}/{s}.{i}", store.working_path(s, i))
            for i, s in facts.pop("_copies")
        ]
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with (
                os.fdopen(fd, "wb") as fh,
                tarfile.open(fileobj=fh, mode="w", format=tarfile.PAX_FORMAT) as tar,
            ):
                _add(tar, db_name, db_file, members)
                for done, (name, path) in enumerate(files, 1):
                    if path.exists():
                        _add(tar, name, path, members)
                    else:
                        warnings.append(f"{name} is referenced by the database but missing from the store")
                    if progress:
                        progress("evidence files", done, len(files))
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "engine": engine,
                    "database_member": db_name,
                    **facts,
                    "evidence_files": len(files) - len(warnings),
                    "master_key": "not included: restore needs the key file kept apart from backups",
                    "members": members,
                    "warnings": warnings,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
                info = tarfile.TarInfo("manifest.json")
                info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now(UTC).timestamp())
                tar.addfile(info, io.BytesIO(data))
            os.replace(partial, out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    digest = _sha256_file(out)
    write_private(
        Path(settings.DATA_DIR) / LAST_BACKUP_FILE,
        json.dumps(
            {"created_at": datetime.now(UTC).isoformat(), "path": str(out), "sha256": digest}
        ).encode(),
    )
    return BackupResult(out, digest, manifest)


# -- restore -----------------------------------------------------------------------------------------


def _open_archive(archive: Path) -> tuple[tarfile.TarFile, dict]:
    if not archive.is_file():
        raise InvalidInput("The backup archive {path} does not exist.", field="archive", path=str(archive))
    try:
        tar = tarfile.open(archive, "r:")
        member = tar.getmember("manifest.json")
        manifest = json.loads(tar.extractfile(member).read())
    except (tarfile.TarError, KeyError, OSError, ValueError, AttributeError):
        raise InvalidInput(
            "{path} is not a readable Inquiry backup (it is damaged, incomplete or of another kind).",
            field="archive",
            path=str(archive),
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        tar.close()
        raise InvalidInput(
            "{path} is not an Inquiry backup of a format this version can restore.",
            field="archive",
            path=str(archive),
        )
    return tar, manifest


def _check_members(tar: tarfile.TarFile, manifest: dict, archive: Path) -> dict[str, dict]:
    listed = {m["name"]: m for m in manifest.get("members", [])}
    present = {}
    for info in tar.getmembers():
        if info.name == "manifest.json":
            continue
        if not info.isreg() or not _SAFE_MEMBER.match(info.name):
            raise InvalidInput(
                "{path} holds an unexpected member {member}; it was not made by Inquiry.",
                field="archive",
                path=str(archive),
                member=info.name,
            )
        present[info.name] = info
    missing = sorted(set(listed) - set(present))
    extra = sorted(set(present) - set(listed))
    if missing or extra:
        raise InvalidInput(
            "{path} does not match its manifest: {member} is {problem}.",
            field="archive",
            path=str(archive),
            member=(missing or extra)[0],
            problem="missing" if missing else "not listed",
        )
    if manifest.get("database_member") not in listed:
        raise InvalidInput("{path} holds no database snapshot.", field="archive", path=str(archive))
    return present


def _check_target(data_dir: Path) -> None:
    if data_dir.exists():
        if not data_dir.is_dir():
            raise InvalidInput("{path} is not a folder.", field="data_dir", path=str(data_dir))
        # A key file put there beforehand is welcome; anything else means this is not a fresh data directory.
        others = sorted(p.name for p in data_dir.iterdir() if p.name != "vault.key")
        if others:
            raise InvalidInput(
                "The target {path} is not empty (it holds {name}); restore only into a new, empty "
                "data directory.",
                field="data_dir",
                path=str(data_dir),
                name=others[0],
            )


def _pg_target(url: str | None):
    import dj_database_url
    import psycopg

    url = url or os.environ.get("DATABASE_URL")
    if not url:
        raise InvalidInput(
            "This backup is of a PostgreSQL database: give the empty target database with "
            "--database-url (or DATABASE_URL).",
            field="database_url",
        )
    cfg = dj_database_url.parse(url)
    if "postgresql" not in cfg["ENGINE"]:
        raise InvalidInput(
            "This backup is of a PostgreSQL database and cannot be restored into {engine}.",
            field="database_url",
            engine=cfg["ENGINE"].rsplit(".", 1)[-1],
        )
    conninfo = psycopg.conninfo.make_conninfo(
        dbname=cfg["NAME"],
        user=cfg.get("USER") or None,
        password=cfg.get("PASSWORD") or None,
        host=cfg.get("HOST") or None,
        port=str(cfg["PORT"]) if cfg.get("PORT") else None,
    )
    try:
        with psycopg.connect(conninfo) as pg:
            tables = pg.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]
    except psycopg.OperationalError as exc:
        raise InvalidInput(
            "The target database cannot be reached: {problem}",
            field="database_url",
            problem=str(exc).strip().splitlines()[0],
        ) from None
    if tables:
        raise InvalidInput(
            "The target database {name} is not empty ({count} tables); restore only into a new, "
            "empty database.",
            field="database_url",
            name=cfg["NAME"],
            count=tables,
        )
    return url, cfg


def _extract(tar: tarfile.TarFile, info: tarfile.TarInfo, dest: Path, expected: dict) -> None:
    from inquiry.evidence.store import private_dirs

    private_dirs(dest.parent)
    digest = hashlib.sha256()
    src = tar.extractfile(info)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while chunk := src.read(_BUF):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected["sha256"] or info.size != expected["size"]:
        raise InvalidInput(
            "The backup member {member} is corrupt: its SHA-256 does not match the manifest.",
            field="archive",
            member=info.name,
        )


def _run_checks(env: dict[str, str], *, with_key: bool) -> dict:
    args = [sys.executable, "-m", "inquiry.vault.restore_check"] + (["--with-key"] if with_key else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        problem = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"audit_ok": False, "audit_report": f"failed: the checks did not run ({problem})"}


def backup_restore(
    *,
    archive: Path,
    data_dir: Path,
    database_url: str | None = None,
    key_file: Path | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore into a new, empty data directory, check every member against the manifest, then verify."""
    archive = Path(archive).expanduser().resolve()
    data_dir = Path(data_dir).expanduser().resolve()
    tar, manifest = _open_archive(archive)
    with tar:
        present = _check_members(tar, manifest, archive)
        _check_target(data_dir)
        engine = manifest.get("engine")
        pg = _pg_target(database_url) if engine == "postgresql" else None
        if engine == "sqlite" and database_url and not database_url.startswith("sqlite"):
            raise InvalidInput(
                "This backup is of a SQLite database; it is restored into the data directory, "
                "not into {url}.",
                field="database_url",
                url=database_url.split("@")[-1],
            )
        if key_file is not None and not Path(key_file).is_file():
            raise InvalidInput("The key file {path} does not exist.", field="key_file", path=str(key_file))
        created = not data_dir.exists()
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        listed = {m["name"]: m for m in manifest["members"]}
        try:
            with tempfile.TemporaryDirectory(prefix="inquiry-restore-") as tmp:
                for done, (name, info) in enumerate(sorted(present.items()), 1):
                    if name == manifest["database_member"]:
                        dest = (
                            data_dir / "inquiry.sqlite3"
                            if engine == "sqlite"
                            else Path(tmp) / "inquiry.pgdump"
                        )
                    else:
                        dest = data_dir / name
                    _extract(tar, info, dest, listed[name])
                    if progress:
                        progress("checking and restoring members", done, len(present))
                if pg is not None:
                    if progress:
                        progress("pg_restore", 0, 1)
                    _pg_restore(Path(tmp) / "inquiry.pgdump", pg[1])
        except BaseException:
            _undo(data_dir, created)
            raise
    head = manifest.get("audit", {})
    if head.get("head_seq"):
        write_private(
            data_dir / "audit.head", json.dumps({"seq": head["head_seq"], "hash": head["head_hash"]}).encode()
        )
    if key_file is not None:
        write_private(data_dir / "vault.key", Path(key_file).read_bytes())
    return _verify_restored(data_dir, manifest, pg[0] if pg else None, progress)


def _undo(data_dir: Path, created: bool) -> None:
    for child in data_dir.iterdir():
        if child.name == "vault.key":
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    if created and not any(data_dir.iterdir()):
        data_dir.rmdir()


def _pg_restore(dump: Path, cfg: dict) -> None:
    args = ["--dbname", str(cfg["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if cfg.get(key):
            args += [flag, str(cfg[key])]
    env = dict(os.environ)
    if cfg.get("PASSWORD"):
        env["PGPASSWORD"] = str(cfg["PASSWORD"])
    done = subprocess.run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *args,
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ConfigurationError(detail=f"pg_restore failed: {done.stderr.strip()[:500]}")


def _verify_restored(data_dir: Path, manifest: dict, pg_url: str | None, progress) -> RestoreResult:
    """Run the restored deployment's own checks, in a separate process configured for it."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DATABASE_URL_FILE")}
    env["INQUIRY_DATA_DIR"] = str(data_dir)
    if pg_url:
        env["DATABASE_URL"] = pg_url
    result = RestoreResult(data_dir, manifest)
    has_key = (data_dir / "vault.key").exists() or any(
        k in env for k in ("INQUIRY_VAULT_KEY", "INQUIRY_VAULT_KEY_FILE")
    )
    if progress:
        progress("audit chain and key check", 0, 1)
    checks = _run_checks(env, with_key=has_key)
    result.audit_ok, result.audit_report = bool(checks.get("audit_ok")), checks.get("audit_report", "")
    if has_key:
        result.key_ok, result.key_report = bool(checks.get("key_ok")), checks.get("key_report", "")
    else:
        result.notes.append(
            f"No master key was given: copy the deployment's key file to {data_dir / 'vault.key'} "
            "(mode 0600) or set INQUIRY_VAULT_KEY_FILE, then run `inquiry vault check --files`."
        )
    if progress:
        progress("audit chain and key check", 1, 1)
    return result
