from __future__ import annotations

import pytest

from inquiry.profiles.text import fold_latin, fold_latin_loose, rok_spelling, strip_suffix


@pytest.mark.parametrize(
    ("dprk", "rok"),
    [
        ("녕변군", "영변군"),
        ("량강도", "양강도"),
        ("라선", "나선"),
        ("리설주", "이설주"),
        ("로동단련대", "노동단련대"),
        ("평양", "평양"),
    ],
)
def test_rok_spelling_applies_the_initial_sound_rule_to_the_first_syllable(dprk, rok):
    assert rok_spelling(dprk) == rok


def test_rok_spelling_leaves_later_syllables_alone():
    assert rok_spelling("개천 제14호 관리소") == "개천 제14호 관리소"
    assert rok_spelling("룡강 리원") == "용강 이원"


def test_fold_latin_drops_diacritics_apostrophes_hyphens_and_case():
    assert fold_latin("P'yŏngan-pukto") == fold_latin("pyongan pukto") == "pyonganpukto"
    assert fold_latin("Ch’ŏngjin") == "chongjin"


@pytest.mark.parametrize(
    ("dprk", "rok"),
    [("nyongbyon", "yongbyon"), ("ryanggang", "yanggang"), ("rason", "nason"), ("phyongyang", "pyongyang")],
)
def test_loose_fold_maps_dprk_romanisation_to_the_rok_reading(dprk, rok):
    assert fold_latin_loose(dprk) == rok


def test_strip_suffix_removes_unit_suffixes_only():
    assert strip_suffix("영변군") == "영변"
    assert strip_suffix("Yŏngbyŏn-gun") == "Yŏngbyŏn"
    assert strip_suffix("Kaesong City") == "Kaesong"
    assert strip_suffix("Sunan") is None
