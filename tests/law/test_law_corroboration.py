"""Only independent sources count."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.law import InfoLink, SourceRef, Weights, corroborate


def _sources(*refs: SourceRef) -> dict[str, SourceRef]:
    return {s.id: s for s in refs}


def _links(*pairs: tuple[str, str]) -> list[InfoLink]:
    return [InfoLink("A1", source_id, mode) for source_id, mode in pairs]


def test_same_witness_heard_twice_counts_once():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="TSH024"),
        SourceRef("S2", "public_hearing", witness_code=" tsh024 "),
    )
    result = corroborate(_links(("S1", "direct"), ("S2", "direct")), sources)
    assert result.independent_count == 1
    assert result.origins[0].source_ids == ("S1", "S2")


def test_witness_and_partner_report_retelling_that_witness_count_once():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="TSH024"),
        SourceRef("P1", "partner_submission", derived_from=("S1",)),
    )
    assert corroborate(_links(("S1", "direct"), ("P1", "hearsay")), sources).independent_count == 1


def test_partner_report_naming_the_witness_as_informant_counts_with_that_witness():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="TSH024"),
        SourceRef("P1", "partner_submission", original_informant="TSH024"),
    )
    assert corroborate(_links(("S1", "direct"), ("P1", "hearsay")), sources).independent_count == 1


def test_report_of_a_report_traces_back_to_the_original_even_when_the_middle_is_not_linked():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="TSH024"),
        SourceRef("P1", "partner_submission", derived_from=("S1",)),
        SourceRef("O1", "open_source", derived_from=("P1",)),
    )
    assert corroborate(_links(("S1", "direct"), ("O1", "documentary")), sources).independent_count == 1


def test_two_hearsay_accounts_from_one_original_informant_count_once():
    sources = _sources(
        SourceRef("S5", "interview", witness_code="W5", original_informant="INF1"),
        SourceRef("S6", "interview", witness_code="W6", original_informant="INF1"),
    )
    result = corroborate(_links(("S5", "hearsay"), ("S6", "hearsay")), sources)
    assert result.independent_count == 1
    assert result.origins[0].key == "witness:INF1"


def test_two_independent_direct_witnesses_count_twice():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="TSH024", reliability="high"),
        SourceRef("S4", "interview", witness_code="TBG031", reliability="high"),
    )
    result = corroborate(_links(("S1", "direct"), ("S4", "direct")), sources)
    assert result.independent_count == 2
    assert result.weighted_score == pytest.approx(2.0)


def test_non_credible_and_missing_sources_are_reported_not_counted():
    sources = _sources(SourceRef("S1", "interview", witness_code="W1", credible=False))
    result = corroborate(_links(("S1", "direct"), ("S9", "direct")), sources)
    assert result.independent_count == 0
    assert result.excluded == ("S1",) and result.unknown_sources == ("S9",)


def test_origin_is_weighed_by_its_best_information():
    sources = _sources(
        SourceRef("S1", "interview", witness_code="W1", reliability="medium"),
        SourceRef("S2", "interview", witness_code="W1", reliability="medium"),
    )
    result = corroborate(_links(("S1", "hearsay"), ("S2", "direct")), sources)
    weights = Weights()
    assert result.origins[0].weight == pytest.approx(weights.of("direct", "medium"))
    assert result.origins[0].best_mode == "direct"


def test_direct_hearsay_and_documentary_information_weigh_differently():
    weights = Weights()
    assert weights.of("direct", "high") > weights.of("documentary", "high") > weights.of("hearsay", "high")


def test_weights_can_be_configured_and_bad_values_are_refused():
    custom = Weights.from_mapping({"mode": {"hearsay": 0.1}})
    assert custom.of("hearsay", "high") == pytest.approx(0.1)
    assert custom.of("direct", "high") == pytest.approx(1.0)
    with pytest.raises(InvalidInput):
        Weights.from_mapping({"mode": {"hearsay": 3}})


def test_source_from_mapping_refuses_an_unknown_kind_naming_the_row():
    with pytest.raises(InvalidInput) as info:
        SourceRef.from_mapping({"id": "S1", "kind": "rumour"}, row=4)
    assert (info.value.row, info.value.field) == (4, "kind")


def test_link_refuses_an_unknown_mode():
    with pytest.raises(InvalidInput) as info:
        InfoLink("A1", "S1", "telepathy")
    assert info.value.field == "mode"
