"""The one step every fold shares: marks off the letters, hangul syllables whole."""

from __future__ import annotations

import unicodedata

import pytest

from inquiry.folding import without_marks
from inquiry.linkage.places import fold_place
from inquiry.names.latin import latin_key
from inquiry.people.naming import fold
from inquiry.profiles.text import fold_latin


@pytest.mark.parametrize(("text", "plain"), [
    ("Kim Yŏng-ch'ŏl", "Kim Yong-ch'ol"), ("Kŭk-ryŏl", "Kuk-ryol"), ("Yōko", "Yoko"),
    ("Ｋｉｍ", "Kim"),  # full-width, as some partner lists type it
])
def test_marks_come_off_latin_letters(text, plain):
    assert without_marks(text) == plain


def test_hangul_comes_back_as_whole_syllables_even_when_given_as_jamo():
    jamo = unicodedata.normalize("NFD", "조선 평양")
    assert jamo != "조선 평양"
    assert without_marks(jamo) == "조선 평양"


def test_every_fold_starts_from_the_same_step():
    assert fold("Kim Yŏng-ch'ŏl") == "kim yongchol"
    assert fold_latin("Yŏngbyŏn-gun") == "yongbyongun"
    assert fold_place("Hoeryŏng-si") == fold_place("Hoeryong")
    assert latin_key("Yŏng-ch'ŏl") == latin_key("Yong-chol")
    assert fold(unicodedata.normalize("NFD", "김영철")) == "김영철"
