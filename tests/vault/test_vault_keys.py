"""The master key: generated privately, suppliable from outside, and refused loudly when it is wrong."""

from __future__ import annotations

import base64
import os
import stat

import pytest

from inquiry.errors import ConfigurationError
from inquiry.vault.crypto import new_key
from inquiry.vault.errors import VaultKeyError
from inquiry.vault.keys import format_keyring, load_keyring
from inquiry.vault.models import Witness
from inquiry.vault.services import identity_reveal, witness_create, witness_erase


def _witness(users, name="Pak Yong-ho (fictional)"):
    return witness_create(actor=users["investigator"], identity={"real_name": name})


def test_key_file_is_generated_on_first_use_readable_by_owner_only(users, settings):
    assert not settings.VAULT_KEY_FILE.exists()
    _witness(users)
    mode = stat.S_IMODE(settings.VAULT_KEY_FILE.stat().st_mode)
    assert mode == 0o600
    ring = load_keyring()
    assert ring.current == 1 and len(ring.versions[1]) == 32


def test_key_file_readable_by_others_is_refused(users, settings):
    _witness(users)
    os.chmod(settings.VAULT_KEY_FILE, 0o644)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        load_keyring()


def test_wrong_master_key_fails_with_a_typed_error(users, settings):
    witness = _witness(users)
    settings.VAULT_KEY_FILE.write_bytes(format_keyring({1: new_key()}))
    with pytest.raises(VaultKeyError) as err:
        identity_reveal(actor=users["protection"], witness=witness)
    assert "does not open" in str(err.value) and err.value.code == "vault_key"


def test_wrong_master_key_is_reported_by_vault_check_without_a_traceback(users, settings, capsys):
    from inquiry.cli import main

    witness = _witness(users)
    settings.VAULT_KEY_FILE.write_bytes(format_keyring({1: new_key()}))
    assert main(["vault", "check"]) == 1
    out = capsys.readouterr()
    assert f"witness {witness.code}" in out.out and "Traceback" not in out.out + out.err


def test_missing_key_file_is_not_silently_replaced_when_keys_exist(users, settings):
    _witness(users)
    settings.VAULT_KEY_FILE.unlink()
    with pytest.raises(VaultKeyError, match="missing"):
        _witness(users, "Another person")
    assert not settings.VAULT_KEY_FILE.exists()


def test_key_can_be_supplied_from_the_environment(users, settings, monkeypatch):
    monkeypatch.setenv("INQUIRY_VAULT_KEY", base64.b64encode(new_key()).decode())
    witness = _witness(users)
    assert identity_reveal(actor=users["protection"], witness=witness)["real_name"].startswith("Pak")
    assert not settings.VAULT_KEY_FILE.exists()


def test_short_environment_key_is_a_configuration_error(users, monkeypatch):
    monkeypatch.setenv("INQUIRY_VAULT_KEY", base64.b64encode(b"too short").decode())
    with pytest.raises(ConfigurationError, match="32 bytes"):
        _witness(users)


def test_erasure_is_refused_when_a_literal_environment_key_cannot_be_rotated(users, monkeypatch):
    monkeypatch.setenv("INQUIRY_VAULT_KEY", base64.b64encode(new_key()).decode())
    witness = _witness(users)
    with pytest.raises(ConfigurationError, match="INQUIRY_VAULT_KEY_FILE"):
        witness_erase(actor=users["protection"], witness=witness, reason="consent_withdrawn")
    witness.refresh_from_db()
    assert witness.shredded_at is None and witness.wrapped_key is not None


def test_erasure_rotates_an_external_key_file_in_place(
    users, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    external = tmp_path / "secrets" / "vault.key"
    external.parent.mkdir()
    external.write_text(base64.b64encode(new_key()).decode() + "\n")  # a bare key: version 1
    monkeypatch.setenv("INQUIRY_VAULT_KEY_FILE", str(external))
    gone, kept = _witness(users), _witness(users, "Kept Person")
    with django_capture_on_commit_callbacks(execute=True):
        witness_erase(actor=users["protection"], witness=gone, reason="witness_request")
    ring = load_keyring()
    assert sorted(ring.versions) == [2]
    assert identity_reveal(actor=users["protection"], witness=kept)["real_name"] == "Kept Person"
    assert Witness.objects.get(pk=kept.pk).key_version == 2


def test_erase_reason_must_come_from_the_closed_list(users):
    from inquiry.errors import InvalidInput

    witness = _witness(users)
    with pytest.raises(InvalidInput, match="consent_withdrawn"):
        witness_erase(actor=users["protection"], witness=witness, reason="she told me her name is ...")


@pytest.mark.parametrize("role", ["investigator", "commissioner", "analyst", "admin", "partner", "public"])
def test_only_protection_officer_can_erase(users, role):
    from inquiry.errors import PermissionDenied

    witness = _witness(users)
    with pytest.raises(PermissionDenied):
        witness_erase(actor=users[role], witness=witness, reason="safety")
