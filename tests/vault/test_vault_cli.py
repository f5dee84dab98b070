"""``inquiry vault status|check|rotate`` report the vault's state and never an identity."""

from __future__ import annotations

import io

import pytest

from inquiry.cli import main
from inquiry.evidence.services import evidence_add
from inquiry.vault.crypto import new_key
from inquiry.vault.keys import load_keyring, write_keyring
from inquiry.vault.services import identity_reveal, witness_create, witness_erase


@pytest.fixture
def vault(users):
    made = [
        witness_create(actor=users["investigator"], identity={"real_name": f"Hidden Name {i}"})
        for i in range(3)
    ]
    evidence_add(actor=users["investigator"], fileobj=io.BytesIO(b"file"), filename="f.bin")
    return made


def test_status_counts_witnesses_without_showing_identities(
    vault, users, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        witness_erase(actor=users["protection"], witness=vault[0], reason="safety")
    assert main(["vault", "status"]) == 0
    out = capsys.readouterr().out
    assert "master key: version 2" in out
    assert "witnesses: 3 (1 erased)" in out
    assert "witness keys under master version 2: 2" in out
    assert "Make a fresh backup" in out
    assert "Hidden Name" not in out


@pytest.mark.django_db(transaction=True)
def test_status_stops_warning_once_a_backup_follows_the_erasure(vault, users, tmp_path, capsys):
    witness_erase(actor=users["protection"], witness=vault[0], reason="safety")
    assert main(["backup", "--out", str(tmp_path / "after.tar")]) == 0
    capsys.readouterr()
    assert main(["vault", "status"]) == 0
    assert "fresh backup" not in capsys.readouterr().out


def test_check_opens_every_key_and_file(vault, capsys):
    assert main(["vault", "check", "--files"]) == 0
    assert (
        "ok: witness keys: 3 open, 0 erased; evidence keys: 1 open; evidence files: 1 verified"
        in capsys.readouterr().out
    )


def test_rotate_finishes_an_interrupted_rotation(
    vault, users, settings, capsys, django_capture_on_commit_callbacks
):
    ring = load_keyring()
    # A rotation that crashed after writing the new version but before re-wrapping anything.
    write_keyring(settings.VAULT_KEY_FILE, {**ring.versions, 2: new_key()})
    assert main(["vault", "status"]) == 0
    assert "old versions still held: v1" in capsys.readouterr().out
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["vault", "rotate"]) == 0
    assert sorted(load_keyring().versions) == [3]
    assert identity_reveal(actor=users["protection"], witness=vault[1])["real_name"] == "Hidden Name 1"
    assert main(["vault", "check", "--files"]) == 0
