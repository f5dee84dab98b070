"""Backups restore into a fresh data directory, verify themselves, and forget erased witnesses."""

from __future__ import annotations

import io
import json
import secrets
import shutil
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from inquiry.cli import main
from inquiry.evidence.services import evidence_add
from inquiry.vault.backup import backup_create, backup_restore
from inquiry.vault.crypto import InvalidTag, WrappedKey
from inquiry.vault.keys import load_keyring
from inquiry.vault.services import witness_create, witness_erase

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restore_target():
    """Where a restore goes: a fresh PostgreSQL database on PostgreSQL, nothing extra on SQLite."""
    if connection.vendor != "postgresql":
        yield None
        return
    import psycopg

    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("pg_dump/pg_restore are not installed")
    sd = connection.settings_dict
    name = f"inquiry_restore_{secrets.token_hex(4)}"
    admin = psycopg.conninfo.make_conninfo(
        dbname="postgres",
        user=sd.get("USER") or None,
        password=sd.get("PASSWORD") or None,
        host=sd.get("HOST") or None,
        port=str(sd["PORT"]) if sd.get("PORT") else None,
    )
    with psycopg.connect(admin, autocommit=True) as pg:
        pg.execute(f'CREATE DATABASE "{name}"')
    auth = sd.get("USER") or ""
    if sd.get("PASSWORD"):
        auth += f":{sd['PASSWORD']}"
    yield f"postgres://{auth}@{sd.get('HOST') or 'localhost'}:{sd.get('PORT') or 5432}/{name}"
    with psycopg.connect(admin, autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _stored_witness_key(data_dir: Path, url: str | None, witness_id: int) -> bytes:
    """The wrapped key of a witness as the restored database holds it."""
    if url is None:
        with sqlite3.connect(data_dir / "inquiry.sqlite3") as db:
            return bytes(
                db.execute("SELECT wrapped_key FROM vault_witness WHERE id = ?", [witness_id]).fetchone()[0]
            )
    import psycopg

    with psycopg.connect(url) as pg:
        return bytes(
            pg.execute("SELECT wrapped_key FROM vault_witness WHERE id = %s", [witness_id]).fetchone()[0]
        )


@pytest.fixture
def populated(users):
    kept = witness_create(actor=users["investigator"], identity={"real_name": "Kept Witness (fictional)"})
    gone = witness_create(actor=users["investigator"], identity={"real_name": "Erased Witness (fictional)"})
    evidence = evidence_add(
        actor=users["investigator"],
        fileobj=io.BytesIO(b"a photograph" * 1000),
        filename="photo.jpg",
        media_type="image/jpeg",
    )
    return {"kept": kept, "gone": gone, "evidence": evidence}


@pytest.mark.slow
def test_backup_restores_into_a_fresh_data_dir_and_verifies(populated, tmp_path, settings, restore_target):
    archive = backup_create(out=tmp_path / "b.tar").path
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert "vault.key" not in " ".join(names)
    assert {m["name"] for m in manifest["members"]} | {"manifest.json"} == set(names)
    assert manifest["witnesses"] == {"total": 2, "shredded": 0}
    target = tmp_path / "restored"
    result = backup_restore(
        archive=archive, data_dir=target, database_url=restore_target, key_file=settings.VAULT_KEY_FILE
    )
    assert result.audit_ok, result.audit_report
    assert result.audit_report.startswith(f"ok: {manifest['audit']['entries']} entries")
    assert result.key_ok, result.key_report
    assert "evidence files: 1 verified" in result.key_report
    assert (target / "vault.key").stat().st_mode & 0o077 == 0


@pytest.mark.slow
def test_backup_made_before_an_erasure_cannot_decrypt_the_erased_witness(
    populated, users, tmp_path, settings, restore_target
):
    gone = populated["gone"]
    archive = backup_create(out=tmp_path / "before.tar").path
    witness_erase(actor=users["protection"], witness=gone, reason="consent_withdrawn")
    current = load_keyring()
    assert sorted(current.versions) == [2]  # version 1 is destroyed
    target = tmp_path / "restored"
    result = backup_restore(
        archive=archive, data_dir=target, database_url=restore_target, key_file=settings.VAULT_KEY_FILE
    )
    assert result.audit_ok
    assert result.key_ok is False
    assert f"witness {gone.code}" in result.key_report and "version 1" in result.key_report
    # At the level of the cipher: no key that exists now opens the old wrapped key, whatever it claims to be.
    old = WrappedKey.from_bytes(_stored_witness_key(target, restore_target, gone.pk))
    assert old.ref == 1 and 1 not in current.versions
    for kek in current.versions.values():
        for claimed in (old.ref, *current.versions):
            relabelled = WrappedKey(old.kind, claimed, old.nonce, old.ciphertext)
            with pytest.raises(InvalidTag):
                relabelled.unwrap(kek=kek, aad=f"inquiry/witness-key/{gone.code}".encode())


@pytest.mark.slow
def test_restore_cli_reports_success_and_the_key_location(
    populated, tmp_path, settings, capsys, restore_target
):
    archive = tmp_path / "cli.tar"
    assert main(["backup", "--out", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "archive SHA-256" in out and "not in the archive" in out
    args = ["restore", str(archive), "--data-dir", str(tmp_path / "r")]
    if restore_target:
        args += ["--database-url", restore_target]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "manifest: ok" in out and "audit: ok:" in out
    assert "note: No master key was given" in out


def test_restore_refuses_a_corrupt_member(populated, tmp_path, capsys, restore_target):
    archive = backup_create(out=tmp_path / "b.tar").path
    data = bytearray(archive.read_bytes())
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("evidence/"))
    data[member.offset_data + 10] ^= 0xFF
    archive.write_bytes(bytes(data))
    target = tmp_path / "r"
    args = ["restore", str(archive), "--data-dir", str(target)]
    assert main(args + (["--database-url", restore_target] if restore_target else [])) == 2
    assert f"{member.name} is corrupt" in capsys.readouterr().err
    assert not target.exists()


def test_restore_refuses_a_non_empty_target(populated, tmp_path, capsys):
    archive = backup_create(out=tmp_path / "b.tar").path
    target = tmp_path / "busy"
    target.mkdir()
    (target / "inquiry.sqlite3").write_bytes(b"someone's live database")
    assert main(["restore", str(archive), "--data-dir", str(target)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (target / "inquiry.sqlite3").read_bytes() == b"someone's live database"


def test_restore_reports_missing_and_foreign_archives(tmp_path, capsys, db):
    assert main(["restore", str(tmp_path / "nope.tar"), "--data-dir", str(tmp_path / "r")]) == 2
    assert "does not exist" in capsys.readouterr().err
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"this is not a tar file at all" * 100)
    assert main(["restore", str(junk), "--data-dir", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "not a readable Inquiry backup" in err and "Traceback" not in err
