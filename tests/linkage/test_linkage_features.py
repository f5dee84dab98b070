"""Feature normalisation: values written in different scripts must compare equal."""

from __future__ import annotations

import pytest

from inquiry.linkage import LinkageRecord
from inquiry.linkage.features import build_feature_table
from inquiry.linkage.places import fold_place


@pytest.mark.parametrize(("korean", "latin"), [("조선", "DPRK"), ("북한", "North Korea"), ("한국", "ROK"),
                                                ("일본", "Japan")])
def test_hangul_nationality_equals_its_latin_alias(korean, latin):
    records = [LinkageRecord("a", ("김영철",), nationality=korean), LinkageRecord("b", ("Kim Yong Chol",),
                                                                             nationality=latin)]
    table = build_feature_table(records)
    assert table["nationality"].iloc[0] == table["nationality"].iloc[1]


def test_unknown_hangul_place_loses_its_unit_suffix_like_a_latin_one():
    # Not a gazetteer place: compared by folded text, so 시 must be stripped as a syllable.
    assert fold_place("가나다시") == fold_place("가나다")
    assert fold_place("Ganada-si") == fold_place("ganada")
