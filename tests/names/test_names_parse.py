"""parse_name: scripts, surname/given split, readings and romanizations."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.names import PersonName, parse_name


def test_hangul_name_splits_one_syllable_surname():
    name = parse_name("김영철")
    assert (name.surname, name.given, name.script, name.lang) == ("김", "영철", "hangul", "ko")
    assert name.surname_cluster == "KIM"


@pytest.mark.parametrize("text,surname,given", [("남궁민", "남궁", "민"), ("황보관", "황보", "관"),
                                                ("제갈성렬", "제갈", "성렬"), ("선우용녀", "선우", "용녀")])
def test_two_syllable_hangul_surnames_are_split_whole(text, surname, given):
    name = parse_name(text)
    assert (name.surname, name.given) == (surname, given)


def test_comma_form_puts_the_surname_first():
    name = parse_name("KIM, Yong Chol")
    assert (name.surname, name.given) == ("KIM", "Yong Chol")


def test_western_order_is_recognised_by_a_known_korean_surname_at_the_end():
    name = parse_name("Yong Chol Kim")
    assert (name.surname, name.given) == ("Kim", "Yong Chol")


def test_capitalised_word_marks_the_surname_on_un_style_lists():
    assert parse_name("Megumi YOKOTA").surname == "YOKOTA"
    assert parse_name("YOKOTA Megumi").surname == "YOKOTA"


def test_japanese_name_is_family_first_and_read_with_hepburn():
    name = parse_name("横田めぐみ")
    assert (name.surname, name.given, name.lang, name.script) == ("横田", "めぐみ", "ja", "kanji+kana")
    assert name.romanization["hepburn"] == "Yokota Megumi"


def test_hanja_name_reads_with_name_reading_not_common_reading():
    name = parse_name("金英哲", lang="ko")
    assert name.hangul == "김영철"  # 金 is 김 in names, 금 otherwise
    assert name.script == "hanja"
    assert name.romanization["dprk"] == "Kim Yong Chol"


def test_pure_han_name_without_language_keeps_korean_and_japanese_readings():
    name = parse_name("金英哲")
    assert name.lang is None and name.script == "han"
    assert {r.lang for r in name.readings} == {"ko", "ja"}
    assert "hepburn" in name.romanization and "rr" in name.romanization


def test_han_name_declared_japanese_has_only_the_japanese_reading():
    name = parse_name("有本恵子", lang="ja")
    assert {r.lang for r in name.readings} == {"ja"}
    assert name.romanization["hepburn"] == "Arimoto Keiko"


def test_korean_romanizations_follow_rr_mr_and_dprk_conventions():
    roman = parse_name("김영철").romanization
    assert roman == {"rr": "Gim Yeong-cheol", "mr": "Kim Yŏng-ch'ŏl", "dprk": "Kim Yong Chol"}
    assert parse_name("리설주").romanization["dprk"] == "Ri Sol Ju"  # initial ㄹ kept, DPRK style
    assert parse_name("박봉주").romanization["mr"] == "Pak Pong-ju"  # voiced after a voiced final


def test_person_name_is_frozen_and_keeps_the_original_string():
    name = parse_name("  Kim  Yong-chol ")
    assert isinstance(name, PersonName)
    assert name.original == "  Kim  Yong-chol "
    with pytest.raises(AttributeError):
        name.surname = "Pak"  # type: ignore[misc]


def test_mixed_script_string_keeps_readings_from_every_part():
    name = parse_name("김영철 (Kim Young-chul)")
    assert name.script == "mixed"
    assert name.romanization["latin"] == "Kim Young-chul"
    assert {r.lang for r in name.readings} == {"ko"}  # the Latin part is read as Korean too
    assert {r.given_key for r in name.readings} == {"yoNcol", "yoNcul"}


@pytest.mark.parametrize("bad", ["", "   ", "1234", "--"])
def test_text_without_letters_is_rejected_with_a_typed_error(bad):
    with pytest.raises(InvalidInput) as err:
        parse_name(bad)
    assert err.value.field == "name"


def test_unknown_language_is_rejected_with_a_typed_error():
    with pytest.raises(InvalidInput) as err:
        parse_name("Kim", lang="zh")
    assert err.value.field == "lang"


def test_non_text_is_rejected_with_a_typed_error():
    with pytest.raises(InvalidInput):
        parse_name(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Dr. Kim Yong-chol", "Kim Yong Chol Jr.", "KIM, Mr. Yong Chol"])
def test_honorifics_and_suffixes_are_not_part_of_the_name(text):
    name = parse_name(text)
    assert (name.surname_cluster, name.given_norm) == ("KIM", "yongcol")


def test_hanja_mixed_into_a_hangul_name_is_read_as_korean():
    assert parse_name("金영철").hangul == "김영철"


def test_japanese_middle_dot_separates_name_parts():
    name = parse_name("キム・ヨンチョル")
    assert (name.surname, name.given) == ("キム", "ヨンチョル")


def test_single_word_latin_name_keeps_everything_as_given_name():
    name = parse_name("Kimjongun")
    assert name.surname == "" and name.given == "Kimjongun"
