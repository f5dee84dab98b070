"""No identifying plaintext anywhere at rest: database, evidence store, backups, logs.

Witness identities (fictional) in hangul, kanji and latin letters, with phone numbers, addresses and
relatives, go in through the services; then every byte the system keeps is searched for them.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from inquiry.cases.models import Source
from inquiry.evidence.services import evidence_add, evidence_read
from inquiry.vault.backup import backup_create
from inquiry.vault.services import identity_reveal, witness_create

pytestmark = pytest.mark.django_db(transaction=True)

IDENTITIES = [
    {
        "real_name": "김순옥",
        "other_names": ["金順玉", "Kim Sun-ok"],
        "contacts": ["+82-10-7734-2291"],
        "date_of_birth": "1968-04-17",
        "place_of_origin": "Chongjin Sunam-guyok 31-ban",
        "relatives_inside": [{"name": "박영철", "relation": "husband", "place": "Kaechon"}],
        "notes": "stays at 221 Fictional-ro Haeundae-gu",
    },
    {
        "real_name": "田中博子",
        "other_names": ["たなかひろこ", "Tanaka Hiroko"],
        "contacts": ["+81-90-4418-6620"],
        "place_of_origin": "新潟県佐渡市両津湊9-9",
        "relatives_inside": [{"name": "田中一郎", "relation": "son", "place": "Hamhung"}],
    },
    {
        "real_name": "Zdravka Quillfeather",
        "contacts": ["quillfeather.z@example.invalid", "+44 7700 900461"],
        "relatives_inside": [{"name": "Ondrej Quillfeather", "relation": "father", "place": "Yodok"}],
    },
]
MARKER = "EVIDENCE-PLAINTEXT-MARKER-93XQ"
# Not identifying, stored in the clear on purpose: finding it proves the scan reads the committed data.
CONTROL = "CONTROL-SOURCE-TITLE-5KZ"


def _needles() -> list[str]:
    out = {MARKER}
    for identity in IDENTITIES:
        for key, value in identity.items():
            if key == "relatives_inside":
                out.update(r["name"] for r in value)
            elif isinstance(value, list):
                out.update(value)
            else:
                out.add(value)
    return sorted(out)


def _leaks(blob: bytes, where: str, *, utf16: bool = False, hex_too: bool = False) -> list[str]:
    found = []
    for needle in _needles():
        forms = {"utf-8": needle.encode()}
        if utf16:
            forms["utf-16-le"] = needle.encode("utf-16-le")
        if hex_too:  # bytea columns appear hex-encoded in a plain pg_dump
            forms["hex"] = needle.encode().hex().encode()
        found += [f"{needle!r} ({form}) in {where}" for form, pattern in forms.items() if pattern in blob]
    return found


def _database_bytes(tmp_path: Path) -> list[tuple[str, bytes, dict]]:
    if connection.vendor == "postgresql":
        if not shutil.which("pg_dump"):
            pytest.skip("pg_dump is not installed")
        from inquiry.vault.backup import _pg_params

        args, env = _pg_params()
        dump = subprocess.run(
            ["pg_dump", "--format=plain", *args], env=env, capture_output=True, check=True
        ).stdout
        return [("pg_dump of the test database", dump, {"hex_too": True})]
    connection.ensure_connection()
    name = str(connection.settings_dict["NAME"])
    if "mode=memory" in name or name == ":memory:":
        return [("the in-memory SQLite database image", connection.connection.serialize(), {"utf16": True})]
    files = [Path(name), Path(name + "-wal"), Path(name + "-shm")]
    return [(str(p), p.read_bytes(), {"utf16": True}) for p in files if p.exists()]


def test_no_identifying_string_is_stored_anywhere(users, settings, tmp_path, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    witnesses = [
        witness_create(actor=users["investigator"], identity=i, risk_level="severe", relatives_inside=True)
        for i in IDENTITIES
    ]
    source = Source.objects.create(
        code="SRC-0001", kind=Source.Kind.INTERVIEW, title=CONTROL, witness=witnesses[0]
    )
    linked = evidence_add(
        actor=users["investigator"],
        fileobj=io.BytesIO((MARKER + " recording\n").encode() * 500),
        filename="recording.wav",
        media_type="audio/wav",
        source=source,
    )
    loose = evidence_add(
        actor=users["investigator"],
        fileobj=io.BytesIO((MARKER + " photo\n").encode() * 500),
        filename="photo.jpg",
        media_type="image/jpeg",
    )
    # Reading back works, so the stores really hold the data, just never in the clear.
    assert identity_reveal(actor=users["protection"], witness=witnesses[0])["real_name"] == "김순옥"
    assert MARKER.encode() in b"".join(evidence_read(actor=users["analyst"], evidence=linked))
    assert MARKER.encode() in b"".join(evidence_read(actor=users["analyst"], evidence=loose))

    leaks: list[str] = []
    controls = 0
    for where, blob, forms in _database_bytes(tmp_path):
        leaks += _leaks(blob, where, **forms)
        controls += CONTROL.encode() in blob
    for path in Path(settings.EVIDENCE_DIR).rglob("*"):
        if path.is_file():
            leaks += _leaks(path.read_bytes(), str(path))

    archive = backup_create(out=tmp_path / "backup.tar").path
    leaks += _leaks(archive.read_bytes(), "the backup archive", utf16=True)
    extracted = tmp_path / "extracted"
    with tarfile.open(archive) as tar:
        tar.extractall(extracted, filter="data")
    for path in extracted.rglob("*"):
        if path.is_file():
            leaks += _leaks(path.read_bytes(), f"backup member {path.relative_to(extracted)}", utf16=True)
            if path.suffix == ".pgdump" and shutil.which("pg_restore"):
                plain = subprocess.run(
                    ["pg_restore", "--file=-", str(path)], capture_output=True, check=True
                ).stdout
                leaks += _leaks(plain, "the backup's database dump", hex_too=True)
                controls += CONTROL.encode() in plain
            controls += CONTROL.encode() in path.read_bytes()

    captured = capsys.readouterr()
    logs = "\n".join(r.getMessage() for r in caplog.records) + caplog.text + captured.out + captured.err
    leaks += _leaks(logs.encode(), "log and console output")
    assert leaks == []
    assert controls >= 2, "the scanned bytes do not hold the committed data"
    assert len(list(extracted.rglob("*"))) > 2


@pytest.mark.django_db(transaction=False)
def test_the_scan_finds_an_identity_planted_in_any_of_the_checked_encodings():
    needle = IDENTITIES[0]["real_name"]
    assert _leaks(b"..." + needle.encode("utf-16-le") + b"...", "x", utf16=True)
    assert _leaks(b"\\x" + needle.encode().hex().encode(), "x", hex_too=True)
    assert _leaks(needle.encode(), "x")
    assert not _leaks(b"nothing to see", "x", utf16=True, hex_too=True)
