"""names_match, name_similarity, name_keys and canonical_forms across scripts and spellings."""

from __future__ import annotations

import pytest

from inquiry.names import canonical_forms, name_keys, name_similarity, names_match, parse_name
from inquiry.names.latin import latin_key


@pytest.mark.parametrize("a,b", [
    ("김영철", "Kim Yong Chol"),
    ("金英哲", "Kim Yŏng-ch'ŏl"),
    ("KIM, Yong Chol", "Gim Yeong-cheol"),
    ("O, Ku'k-ryo'l", "오극렬"),
    ("최룡해", "Choe Ryong-hae"),
    ("Choe Ryong Hae", "Choi Yong-hae"),
    ("리설주", "Lee Seol-ju"),
    ("Park Bong-ju", "Pak Pong Ju"),
    ("Kim Yong Chol", "Yong Chol Kim"),
    ("Roh Tae-woo", "No T'ae-u"),
    ("Ri Man Gon", "Ri Man'gŏn"),
    ("横田めぐみ", "Megumi Yokota"),
    ("有本恵子", "ARIMOTO Keiko"),
    ("市川修一", "Shūichi Ichikawa"),
])
def test_spelling_variants_of_one_name_match(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize("a,b", [
    ("김영철", "김영춘"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("Kim Jong Nam", "Kim Yong Nam"),
    ("Kim Pyong Il", "Kim Yong Il"),
    ("Kim Yong Chol", "Pak Yong Chol"),
    ("蓮池薫", "松木薫"),
])
def test_different_names_do_not_match(a, b):
    assert not names_match(a, b)


@pytest.mark.parametrize("spelling", ["Yong Chol", "Yong-chol", "Yongchol", "yong chol", "Yŏng-ch'ŏl",
                                      "Yeong-cheol", "Yo'ng-cho'l"])
def test_given_name_spacing_hyphens_breves_and_apostrophes_fold_to_one_key(spelling):
    assert latin_key(spelling) == latin_key("Yong Chol")


@pytest.mark.parametrize("spelling", ["Lee", "Yi", "Rhee", "I", "Ri", "Li", "Rhie"])
def test_spellings_of_the_surname_yi_share_its_cluster(spelling):
    assert parse_name(f"{spelling} Sol Ju").surname_cluster == parse_name("이설주").surname_cluster == "LEE"


def test_korean_reading_of_a_japanese_declared_han_name_is_not_used():
    assert names_match("金英哲", "Kim Yong Chol")
    assert not names_match("金英哲", "Kim Yong Chol", lang_a="ja")


def test_similarity_is_symmetric_and_bounded():
    pairs = [("김영철", "Kim Yong Chol"), ("Kim Jong Un", "横田めぐみ"), ("Ri Sol Ju", "Lee Seol-ju")]
    for a, b in pairs:
        s = name_similarity(a, b)
        assert 0.0 <= s <= 1.0
        assert s == pytest.approx(name_similarity(b, a))


def test_variants_share_a_blocking_key_and_unrelated_names_do_not():
    variants = ["김영철", "金英哲", "Kim Yong Chol", "KIM, Yong-chol", "Gim Yeong-cheol", "Kim Yŏng-ch'ŏl"]
    keysets = [name_keys(v) for v in variants]
    common = set.intersection(*keysets)
    assert common
    assert not name_keys("Pak Pong Ju") & common
    assert not name_keys("Kim Jong Un") & common


def test_canonical_forms_are_script_independent():
    assert canonical_forms("김영철")[0] == canonical_forms("Kim Yong-chol")[0] == "KIM yongcol"
    assert canonical_forms(parse_name("金英哲", lang="ko")) == ["KIM yongcol"]


def test_api_accepts_parsed_names_and_strings_alike():
    parsed = parse_name("Ri Sol Ju")
    assert name_similarity(parsed, "리설주") == name_similarity("Ri Sol Ju", "리설주")
    assert name_keys(parsed) == name_keys("Ri Sol Ju")


def test_unsplit_latin_name_still_matches_its_split_form():
    assert names_match("Kimjongun", "Kim Jong Un")


def test_blocking_keys_survive_ㄹ_assimilation_in_romanization():
    assert name_keys("Han Song Ryol") & name_keys("Han Seongnyeol")


@pytest.mark.parametrize("katakana,korean", [("キム・ヨンチョル", "김영철"), ("リ・ソルジュ", "Ri Sol Ju"),
                                             ("チェ・リョンヘ", "Choe Ryong-hae"), ("シン・グァンス", "신광수")])
def test_korean_names_written_in_katakana_match_their_korean_spellings(katakana, korean):
    assert names_match(katakana, korean)


def test_katakana_korean_reading_keeps_consonant_differences():
    assert not names_match("キム・ヨンチョル", "김영춘")


def test_japanese_katakana_name_gets_no_korean_reading():
    assert {r.lang for r in parse_name("ヨコタ メグミ").readings} == {"ja"}


@pytest.mark.parametrize("japanese_form,hangul", [("崔竜海", "최룡해"), ("黄炳瑞", "황병서"), ("張成沢", "장성택"),
                                                  ("金与正", "김여정")])
def test_japanese_glyph_forms_of_hanja_read_as_korean(japanese_form, hangul):
    assert parse_name(japanese_form, lang="ko").hangul == hangul


def test_unreadable_characters_give_no_partial_japanese_reading():
    # cutlet cannot read 姬 or 兒; a partial reading would make 金賢姬 and 金姸兒 both "Kin Ken"
    assert not names_match("金賢姬", "金姸兒")
