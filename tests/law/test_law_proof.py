"""The standard of proof, per incident and per pattern, with structured reasons."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.law import Act, InfoLink, SourceRef, StandardOfProof, evaluate_incident, evaluate_pattern
from inquiry.profiles import load_profile

SOURCES = {
    s.id: s
    for s in [
        SourceRef("S1", "interview", witness_code="TSH024", reliability="high"),
        SourceRef("S2", "interview", witness_code="TSH024", reliability="high"),
        SourceRef("S3", "public_hearing", witness_code="TBG031", reliability="high"),
        SourceRef("S4", "interview", witness_code="TLC022", reliability="medium"),
        SourceRef("H1", "interview", witness_code="W7", original_informant="INF9", reliability="low"),
        SourceRef("H2", "interview", witness_code="W8", original_informant="INF8", reliability="medium"),
        SourceRef("D1", "document", reliability="high"),
        SourceRef("D2", "document", reliability="medium"),
        SourceRef("X1", "interview", witness_code="W9", reliability="high", credible=False),
    ]
}


def _links(act: str, *pairs: tuple[str, str]) -> tuple[InfoLink, ...]:
    return tuple(InfoLink(act, s, m) for s, m in pairs)


def _codes(verdict) -> list[str]:
    return [r.code for r in verdict.reasons]


def test_direct_witness_corroborated_by_an_independent_source_meets_the_standard():
    verdict = evaluate_incident("A1", _links("A1", ("S1", "direct"), ("S3", "direct")), SOURCES)
    assert verdict.met and verdict.status == "met"
    assert {"credible_direct_source", "corroborated", "standard_met"} <= set(_codes(verdict))


def test_one_witness_heard_twice_is_not_corroboration():
    verdict = evaluate_incident("A1", _links("A1", ("S1", "direct"), ("S2", "direct")), SOURCES)
    assert not verdict.met
    assert "same_origin" in _codes(verdict) and "not_corroborated" in _codes(verdict)
    reason = next(r for r in verdict.reasons if r.code == "not_corroborated")
    assert reason.params == {"count": 1, "required": 2}
    assert "1" in reason.message and "2" in reason.message


def test_hearsay_alone_does_not_meet_the_standard_without_a_direct_source():
    verdict = evaluate_incident("A1", _links("A1", ("H2", "hearsay"), ("S4", "hearsay")), SOURCES)
    assert not verdict.met
    assert "no_credible_direct_source" in _codes(verdict)


def test_low_reliability_hearsay_is_too_weak_to_corroborate():
    verdict = evaluate_incident("A1", _links("A1", ("S1", "direct"), ("H1", "hearsay")), SOURCES)
    assert not verdict.met
    assert "weak_origin" in _codes(verdict)


def test_reliable_document_suffices_alone_but_a_medium_one_does_not():
    high = evaluate_incident("A1", _links("A1", ("D1", "documentary")), SOURCES)
    medium = evaluate_incident("A1", _links("A1", ("D2", "documentary")), SOURCES)
    assert high.met and "documentary_sufficient" in _codes(high)
    assert not medium.met and "documentary_insufficient" in _codes(medium)


def test_non_credible_source_is_excluded_with_a_reason():
    verdict = evaluate_incident("A1", _links("A1", ("X1", "direct"), ("S3", "direct")), SOURCES)
    assert not verdict.met
    assert "source_not_credible" in _codes(verdict)


def test_no_information_is_not_met():
    verdict = evaluate_incident("A1", (), SOURCES)
    assert not verdict.met and "no_information" in _codes(verdict)


def test_every_reason_has_an_english_sentence_and_params():
    verdict = evaluate_incident(
        "A1", _links("A1", ("S1", "direct"), ("S2", "direct"), ("D2", "documentary")), SOURCES
    )
    for reason in verdict.reasons:
        assert reason.message.endswith(".") and "{" not in reason.message


def test_a_stricter_configured_standard_changes_the_verdict():
    strict = StandardOfProof(min_independent_origins=3, documentary_alone_min_reliability=None)
    links = _links("A1", ("S1", "direct"), ("S3", "direct"), ("D1", "documentary"))
    assert evaluate_incident("A1", links, SOURCES).met
    assert not evaluate_incident(
        "A1", _links("A1", ("S1", "direct"), ("S3", "direct")), SOURCES, standard=strict
    ).met
    assert evaluate_incident("A1", links, SOURCES, standard=strict).met


def test_standard_is_loaded_from_the_profile():
    standard = StandardOfProof.from_profile(load_profile())
    assert standard.code == "reasonable_grounds"
    assert standard.label["ko"] == "믿을 만한 합리적 근거"
    assert standard.weights.of("hearsay", "high") < standard.weights.of("direct", "high")


def test_unknown_standard_name_is_refused():
    with pytest.raises(InvalidInput) as info:
        StandardOfProof.from_profile(load_profile(), name="beyond_reasonable_doubt")
    assert info.value.field == "default"


def _act(act_id: str, act_type: str, *pairs: tuple[str, str]) -> Act:
    return Act(act_id, act_type, _links(act_id, *pairs))


def test_pattern_is_met_with_enough_incidents_from_enough_independent_origins():
    acts = [
        _act("A1", "FORCED_LABOUR", ("S1", "direct"), ("S3", "direct")),
        _act("A2", "FORCED_LABOUR", ("S3", "direct"), ("S4", "direct")),
        _act("A3", "DEATH_IN_CUSTODY", ("D1", "documentary")),
    ]
    verdict = evaluate_pattern("CAMPS", acts, SOURCES)
    assert verdict.met and len(verdict.incidents) == 3


def test_pattern_resting_on_one_witness_is_not_met_however_many_incidents():
    acts = [_act(f"A{i}", "FORCED_LABOUR", ("S1", "direct"), ("S2", "direct")) for i in range(5)]
    acts += [_act("B1", "FORCED_LABOUR", ("S1", "direct"), ("S3", "direct"))]
    verdict = evaluate_pattern("CAMPS", acts, SOURCES)
    assert not verdict.met
    incidents = next(r for r in verdict.reasons if r.code == "pattern_incidents")
    assert incidents.params["met"] == 1


def test_pattern_ignores_acts_whose_type_is_outside_it():
    profile = load_profile()
    patterns = {code: t.patterns for code, t in profile.act_types.items()}
    acts = [_act("A1", "SONGBUN_DISCRIMINATION", ("S1", "direct"), ("S3", "direct"))]
    verdict = evaluate_pattern("CAMPS", acts, SOURCES, act_type_patterns=patterns)
    assert verdict.incidents == () and "act_outside_pattern" in _codes(verdict)
