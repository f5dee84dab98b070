"""Erasing a witness destroys the evidence of the witness's sources; other evidence survives the key rotation."""

from __future__ import annotations

import io

import pytest

from inquiry.cases.models import Source
from inquiry.errors import Conflict, InvalidInput
from inquiry.evidence import store
from inquiry.evidence.models import CustodyEvent
from inquiry.evidence.services import evidence_add, evidence_read, working_copy_add, working_copy_read
from inquiry.vault.errors import EvidenceErased
from inquiry.vault.keys import load_keyring
from inquiry.vault.services import witness_create, witness_erase


@pytest.fixture
def setup(users):
    witness = witness_create(actor=users["investigator"], identity={"real_name": "Fictional Witness"})
    source = Source.objects.create(
        code="INT-001", kind=Source.Kind.INTERVIEW, title="Interview", witness=witness
    )
    own = evidence_add(
        actor=users["investigator"], fileobj=io.BytesIO(b"voice recording"), filename="a.wav", source=source
    )
    copy = working_copy_add(
        actor=users["investigator"], original=own, fileobj=io.BytesIO(b"transcript"), purpose="transcript"
    )
    other = evidence_add(
        actor=users["investigator"], fileobj=io.BytesIO(b"satellite image"), filename="b.tif"
    )
    return {"witness": witness, "source": source, "own": own, "copy": copy, "other": other}


def test_erasure_destroys_the_witness_evidence_and_keeps_the_rest(
    users, setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        witness_erase(actor=users["protection"], witness=setup["witness"], reason="consent_withdrawn")
    own, copy, other = setup["own"], setup["copy"], setup["other"]
    with pytest.raises(EvidenceErased):
        evidence_read(actor=users["analyst"], evidence=own)
    with pytest.raises(EvidenceErased):
        working_copy_read(actor=users["analyst"], copy=copy)
    assert not store.original_path(own.sha256).exists()
    assert not store.working_path(copy.sha256, copy.pk).exists()
    assert CustodyEvent.objects.filter(evidence=own, action="destroyed").exists()
    # The surviving evidence was re-wrapped under the new master version and still reads.
    assert load_keyring().current == 2
    assert b"".join(evidence_read(actor=users["analyst"], evidence=other)) == b"satellite image"


def test_destroyed_content_cannot_be_stored_again_under_its_old_record(
    users, setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        witness_erase(actor=users["protection"], witness=setup["witness"], reason="witness_request")
    with pytest.raises(Conflict):
        evidence_add(
            actor=users["investigator"], fileobj=io.BytesIO(b"voice recording"), filename="again.wav"
        )
    with pytest.raises(InvalidInput, match="erased witness"):
        evidence_add(
            actor=users["investigator"], fileobj=io.BytesIO(b"new"), filename="c.wav", source=setup["source"]
        )


def test_witness_evidence_reads_normally_before_erasure(users, setup):
    assert b"".join(evidence_read(actor=users["commissioner"], evidence=setup["own"])) == b"voice recording"
    assert b"".join(working_copy_read(actor=users["commissioner"], copy=setup["copy"])) == b"transcript"
