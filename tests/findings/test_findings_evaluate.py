"""Evaluation of findings built from database rows: verdicts, independence, consent and identities."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inquiry.cases.models import Consent
from inquiry.findings.evaluate import act_label, evaluate_finding

pytestmark = pytest.mark.django_db


def _codes(reasons):
    return {r.code for r in reasons}


def test_two_direct_witnesses_and_a_retelling_meet_the_standard_with_two_origins(met_finding, case_file):
    ev = evaluate_finding(met_finding)

    assert ev.met
    incident = next(v for v in ev.incidents if v.subject == act_label(case_file["imprisonment"].pk))
    assert incident.met
    assert len(incident.corroboration.source_ids) == 3
    assert incident.corroboration.independent_count == 2
    retold = next(o for o in incident.corroboration.origins if len(o.source_ids) == 2)
    assert set(retold.source_ids) == {case_file["s1"].code, case_file["s3"].code}
    assert "same_origin" in _codes(incident.reasons)


def test_single_hearsay_account_does_not_meet_the_standard_and_says_why(hearsay_finding):
    ev = evaluate_finding(hearsay_finding)

    assert not ev.met
    (incident,) = ev.incidents
    codes = _codes(incident.reasons)
    assert {"no_credible_direct_source", "not_corroborated", "standard_not_met"} <= codes
    assert "standard_not_met" in _codes(ev.reasons)


def test_withdrawn_consent_takes_the_witness_out_of_the_count(met_finding, case_file):
    Consent.objects.filter(source=case_file["s2"]).update(withdrawn_at=datetime.now(UTC))

    ev = evaluate_finding(met_finding)

    assert not ev.met
    assert "consent_withdrawn" in _codes(ev.reasons)
    assert case_file["s2"].code not in {c.code for c in ev.columns}


def test_matrix_marks_the_conduct_element_met_and_the_unevidenced_elements_as_gaps(met_finding, case_file):
    ev = evaluate_finding(met_finding)

    (crime,) = ev.matrix.crimes
    by_number = {e.number: e for e in crime.elements}
    assert by_number[1].status == "met"
    assert by_number[2].status == "met"  # a political prison camp shows the gravity element by its nature
    assert by_number[3].status == "no_evidence"
    assert 3 in crime.gaps
    label = act_label(case_file["imprisonment"].pk)
    assert ev.cell([label], case_file["s1"].code) == ("direct",)
    assert ev.cell([label], case_file["s3"].code) == ("hearsay",)


def test_evaluation_uses_witness_codes_and_never_opens_the_vault(met_finding, monkeypatch):
    from inquiry.vault import services as vault

    def refuse(*args, **kwargs):
        raise AssertionError("an identity was decrypted")

    monkeypatch.setattr(vault, "_decrypt_identity", refuse)
    monkeypatch.setattr(vault, "identity_reveal", refuse)

    ev = evaluate_finding(met_finding)

    assert {c.witness_code for c in ev.columns} >= {"TFX001", "TFX002"}


def test_the_same_evidence_gives_the_same_fingerprint_and_new_evidence_changes_it(met_finding, case_file, users):
    from inquiry.cases import services as cases

    before = evaluate_finding(met_finding).fingerprint()
    assert evaluate_finding(met_finding).fingerprint() == before

    cases.act_link_source(actor=users["investigator"], act=case_file["imprisonment"], source=case_file["s4"],
                          mode="direct", reliability="high")

    assert evaluate_finding(met_finding).fingerprint() != before


def test_links_coded_against_an_element_close_that_gap(met_finding, case_file, users):
    from inquiry.cases import services as cases

    inv = users["investigator"]
    for key in ("s1", "s2"):
        cases.act_link_source(actor=inv, act=case_file["imprisonment"], source=case_file[key], mode="direct",
                              reliability="high", elements=["7(1)(e):3"])
    (crime,) = evaluate_finding(met_finding).matrix.crimes
    by_number = {e.number: e for e in crime.elements}
    assert by_number[3].status == "met"
    assert 3 not in crime.gaps


def test_an_unknown_element_reference_is_refused_with_the_field(case_file, users):
    from inquiry.cases import services as cases
    from inquiry.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        cases.act_link_source(actor=users["investigator"], act=case_file["imprisonment"], source=case_file["s1"],
                              mode="direct", elements=["7(1)(z):9"])
    assert err.value.field == "elements"
