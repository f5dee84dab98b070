"""link_records on small fixtures with known answers (priors only: too few records to train)."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.linkage import LinkageRecord, link_records

KIM = [  # one man, four lists, four spellings
    LinkageRecord("hangul", ("김영철",), birth_date="1960", sex="남", birth_place="회령", source="A",
                  facility="제15호 관리소"),
    LinkageRecord("mr", ("Kim Yŏng-ch'ŏl",), birth_date="1959/1961", sex="M", birth_place="Hoeryŏng-si",
                  source="B"),
    LinkageRecord("rr", ("Gim Yeong-cheol",), birth_date="1960-05", sex="m", birth_place="Hoeryeong-si",
                  source="C", facility="Camp 15"),
    LinkageRecord("dprk", ("KIM Yong Chol",), birth_date="about 1960", sex="m", birth_place="Hoeryong", source="D"),
]
OTHER_KIM = LinkageRecord("other", ("KIM, Yong Chol",), birth_date="1975", sex="m", birth_place="Kaesong",
                          source="E")
LEE = [
    LinkageRecord("lee-hangul", ("이순실",), birth_date="1970", sex="f", birth_place="평양", source="A",
                  relatives=("리철",)),
    LinkageRecord("lee-dprk", ("Ri Sun Sil",), birth_date="1970", sex="F", birth_place="Pyongyang", source="D",
                  relatives=("Ri Chol",)),
]
RECORDS = [*KIM, OTHER_KIM, *LEE]


@pytest.fixture(scope="module")
def result():
    return link_records(RECORDS)


def _together(result, a: str, b: str) -> bool:
    return result.clusters[a] == result.clusters[b]


def test_same_person_in_hangul_mr_rr_and_dprk_spellings_is_one_cluster(result):
    assert {result.clusters[r.record_id] for r in KIM} == {result.clusters["dprk"]}
    assert result.cluster_sizes()[result.clusters["dprk"]] == len(KIM)


def test_two_kim_yong_chols_with_incompatible_birth_dates_and_places_do_not_link(result):
    assert not any(_together(result, "other", r.record_id) for r in KIM)
    # Pairs below the review band are not kept at all; any kept pair is below the threshold.
    kept = [p for p in result.pairs if "other" in (p.id_a, p.id_b)]
    assert all(p.probability < result.threshold and p.explanation["birth_date"]["match_weight"] < 0 for p in kept)


def test_hangul_and_dprk_spellings_of_lee_with_a_common_relative_link(result):
    assert _together(result, "lee-hangul", "lee-dprk")
    pair = next(p for p in result.pairs if {p.id_a, p.id_b} == {"lee-dprk", "lee-hangul"})
    assert pair.explanation["relatives"]["level"] == "a relative in common"


def test_each_pair_explains_its_match_weight_comparison_by_comparison(result):
    for pair in result.pairs:
        parts = [v["match_weight"] for v in pair.explanation.values() if isinstance(v, dict)]
        assert pair.explanation["prior"] + sum(parts) == pytest.approx(pair.match_weight, abs=1e-6)
        assert all(isinstance(v["level"], str) for v in pair.explanation.values() if isinstance(v, dict))


def test_review_queue_holds_the_uncertain_band_most_uncertain_first(result):
    low, high = result.review_band
    assert all(low <= p.probability < high for p in result.review_queue)
    distances = [abs(p.probability - 0.5) for p in result.review_queue]
    assert distances == sorted(distances)
    in_band = [p for p in result.pairs if low <= p.probability < high]
    assert len(result.review_queue) == len(in_band)


def test_not_same_judgement_splits_what_the_model_joins_without_a_path_around_it():
    split = link_records(RECORDS, judgements={("mr", "hangul"): False})
    assert not _together(split, "hangul", "mr")
    judged = next(p for p in split.pairs if {p.id_a, p.id_b} == {"hangul", "mr"})
    assert judged.judgement is False
    assert all(p.judgement is None for p in split.review_queue)


def test_same_judgement_joins_records_the_model_keeps_apart_and_recomputing_without_it_undoes_it(result):
    joined = link_records(RECORDS, judgements=[("other", "dprk", True)])
    assert _together(joined, "other", "dprk")
    assert not _together(result, "other", "dprk")  # the same records without the judgement


def test_a_judgement_on_an_unknown_record_is_refused():
    with pytest.raises(InvalidInput) as caught:
        link_records(RECORDS[:2], judgements={("hangul", "nobody"): True})
    assert caught.value.field == "judgements"


def test_duplicate_record_id_names_the_row():
    with pytest.raises(InvalidInput) as caught:
        link_records([KIM[0], KIM[1], LinkageRecord("hangul", ("Kim",))])
    assert (caught.value.row, caught.value.field) == (3, "record_id")


def test_malformed_birth_date_names_the_row():
    with pytest.raises(InvalidInput) as caught:
        link_records([KIM[0], LinkageRecord("x", ("Kim Yong Chol",), birth_date="sometime in the sixties")])
    assert (caught.value.row, caught.value.field) == (2, "birth_date")


def test_unknown_engine_is_refused():
    with pytest.raises(InvalidInput) as caught:
        link_records(KIM, engine="excel")
    assert caught.value.field == "engine"


def _homonyms_in_one_list():
    # Two men called Kim Yong Chol in list A (different camps), one record in list B that fits
    # both, and unrelated people so that the prior share of matches is realistic (1 in 23).
    filler = [LinkageRecord(f"f{i}", (name,), birth_date=str(1930 + 2 * i), source="C")
              for i, name in enumerate(["박순옥", "최명희", "정광호", "강영수", "조미선", "윤철호", "장혜숙", "임동수",
                                        "한금순", "오석진", "서명수", "신옥희", "권태식", "황정숙", "안춘길", "송미란",
                                        "유경애", "홍기철", "고은실", "문상훈"])]
    return [
        LinkageRecord("a1", ("KIM Yong Chol",), birth_date="1960", sex="m", facility="Camp 15", source="A"),
        LinkageRecord("a2", ("Kim Yong Chol",), birth_date="1961", sex="m", facility="Camp 16", source="A"),
        LinkageRecord("b", ("김영철",), birth_date="1960", sex="m", source="B"),
        *filler,
    ]


def test_two_homonyms_of_one_source_list_stay_apart_while_each_could_match_the_other_list():
    records = _homonyms_in_one_list()
    result = link_records(records)
    assert result.model["source_exclusive"] is True
    assert not _together(result, "a1", "a2")
    assert _together(result, "a1", "b") or _together(result, "a2", "b")
    # Treating the source as no list at all, the chain a1 - b - a2 closes.
    loose = link_records(records, source_exclusive=False)
    assert _together(loose, "a1", "a2") and _together(loose, "a1", "b")


def test_link_records_reads_records_from_a_generator():
    result = link_records(r for r in RECORDS)
    assert result.model["records"] == len(RECORDS)
    assert _together(result, "lee-hangul", "lee-dprk")
