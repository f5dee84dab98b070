"""Who may put identities into the vault, who may read them, and that every read is audited."""

from __future__ import annotations

import re

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.errors import InvalidInput, PermissionDenied
from inquiry.vault.errors import IdentityErased
from inquiry.vault.models import Witness
from inquiry.vault.services import identity_reveal, identity_update, witness_create, witness_set_risk

IDENTITY = {
    "real_name": "Ri Sun-hui (fictional)",
    "other_names": ["리순희", "李順姫"],
    "contacts": ["+82-10-5555-0142"],
    "date_of_birth": "1971-03",
    "place_of_origin": "Hoeryong (fictional entry)",
    "relatives_inside": [{"name": "Ri Chol-man", "relation": "brother", "place": "Musan"}],
    "notes": "prefers interviews in the afternoon",
}
NON_REVEALERS = ["commissioner", "investigator", "analyst", "admin", "partner", "public", "outsider"]


@pytest.fixture
def witness(users):
    return witness_create(
        actor=users["investigator"], identity=IDENTITY, risk_level="high", relatives_inside=True
    )


def test_investigator_creates_witness_known_only_by_a_random_code(users):
    witness = witness_create(
        actor=users["investigator"], identity=IDENTITY, risk_level="severe", relatives_inside=True
    )
    assert re.fullmatch(r"W-[2-9A-HJKMNP-TV-Z]{6}", witness.code)
    assert b"Ri Sun" not in bytes(witness.ciphertext)
    entry = AuditEntry.objects.get(action="witness.created")
    assert entry.object_id == str(witness.pk) and witness.code in entry.detail
    assert "Ri Sun" not in entry.detail


def test_codes_of_many_witnesses_are_distinct(users):
    codes = {
        witness_create(actor=users["protection"], identity={"real_name": f"Person {i}"}).code
        for i in range(30)
    }
    assert len(codes) == 30


def test_protection_officer_reveals_identity_and_the_read_is_audited(users, witness):
    before = AuditEntry.objects.filter(action="identity.read").count()
    first = identity_reveal(actor=users["protection"], witness=witness)
    identity_reveal(actor=users["protection"], witness=witness)
    assert first["real_name"] == IDENTITY["real_name"]
    assert first["relatives_inside"] == IDENTITY["relatives_inside"]
    reads = AuditEntry.objects.filter(action="identity.read")
    assert reads.count() == before + 2
    assert all(r.actor == "protection" and r.object_id == str(witness.pk) for r in reads)


@pytest.mark.parametrize("role", NON_REVEALERS)
def test_no_other_role_can_reveal_an_identity(users, witness, role):
    with pytest.raises(PermissionDenied):
        identity_reveal(actor=users[role], witness=witness)
    assert AuditEntry.objects.filter(action="identity.read_denied", actor=role).count() == 1
    assert not AuditEntry.objects.filter(action="identity.read").exists()


def test_anonymous_user_cannot_reveal_an_identity(witness):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        identity_reveal(actor=AnonymousUser(), witness=witness)


@pytest.mark.parametrize("role", ["commissioner", "analyst", "admin", "partner", "public", "outsider"])
def test_roles_without_identity_write_cannot_create_witnesses(users, role):
    with pytest.raises(PermissionDenied):
        witness_create(actor=users[role], identity=IDENTITY)
    assert not Witness.objects.exists()


def test_bad_identity_field_is_named_without_echoing_the_value(users):
    with pytest.raises(InvalidInput) as err:
        witness_create(actor=users["investigator"], identity={"real_name": "Kim", "passport": "M1234567"})
    assert err.value.field == "passport" and "M1234567" not in str(err.value)
    with pytest.raises(InvalidInput) as err:
        witness_create(
            actor=users["investigator"], identity={"real_name": "Kim", "relatives_inside": [{"nam": "x"}]}
        )
    assert err.value.field == "relatives_inside[0]"
    with pytest.raises(InvalidInput):
        witness_create(actor=users["investigator"], identity=IDENTITY, risk_level="extreme")


def test_only_protection_officer_replaces_an_identity(users, witness):
    with pytest.raises(PermissionDenied):
        identity_update(actor=users["investigator"], witness=witness, identity={"real_name": "Overwritten"})
    identity_update(actor=users["protection"], witness=witness, identity={**IDENTITY, "notes": "moved"})
    assert identity_reveal(actor=users["protection"], witness=witness)["notes"] == "moved"


def test_investigator_may_raise_risk_but_only_protection_officer_may_lower_it(users, witness):
    witness_set_risk(actor=users["investigator"], witness=witness, risk_level="severe", relatives_inside=True)
    with pytest.raises(PermissionDenied):
        witness_set_risk(
            actor=users["investigator"], witness=witness, risk_level="low", relatives_inside=True
        )
    with pytest.raises(PermissionDenied):
        witness_set_risk(
            actor=users["investigator"], witness=witness, risk_level="severe", relatives_inside=False
        )
    lowered = witness_set_risk(
        actor=users["protection"], witness=witness, risk_level="low", relatives_inside=False
    )
    assert (lowered.risk_level, lowered.relatives_inside) == ("low", False)
    assert AuditEntry.objects.filter(action="witness.risk_changed").count() == 2


def test_identity_ciphertext_is_bound_to_its_witness_code(users, witness):
    """Copying one witness's ciphertext onto another record does not decrypt there."""
    from inquiry.vault.errors import VaultIntegrityError

    other = witness_create(actor=users["investigator"], identity={"real_name": "Someone else"})
    Witness.objects.filter(pk=other.pk).update(wrapped_key=witness.wrapped_key)
    with pytest.raises(Exception) as err:
        identity_reveal(actor=users["protection"], witness=other)
    assert err.type.__name__ in {"VaultKeyError", "VaultIntegrityError"}
    Witness.objects.filter(pk=witness.pk).update(ciphertext=bytes(other.ciphertext))
    with pytest.raises(VaultIntegrityError):
        identity_reveal(actor=users["protection"], witness=witness)


def test_erased_identity_cannot_be_revealed(users, witness, django_capture_on_commit_callbacks):
    from inquiry.vault.services import witness_erase

    with django_capture_on_commit_callbacks(execute=True):
        witness_erase(actor=users["protection"], witness=witness, reason="consent withdrawn")
    witness.refresh_from_db()
    assert witness.wrapped_key is None and witness.ciphertext is None and witness.nonce is None
    with pytest.raises(IdentityErased) as err:
        identity_reveal(actor=users["protection"], witness=witness)
    assert "erased" in str(err.value)
