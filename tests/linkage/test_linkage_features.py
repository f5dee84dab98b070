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


def test_birthday_and_month_survive_a_year_slip_and_vaguer_dates_have_none():
    records = [LinkageRecord("a", ("김영철",), birth_date="1960-05-03"),
               LinkageRecord("b", ("Kim Yong Chol",), birth_date="1961-05-03"),
               LinkageRecord("c", ("Kim Yong Chol",), birth_date="1961-05"),
               LinkageRecord("d", ("Kim Yong Chol",), birth_date="about 1960")]
    table = build_feature_table(iter(records)).set_index("unique_id")  # any iterable, read once
    assert table.loc["a", "birth_md"] == table.loc["b", "birth_md"] == 503
    assert table.loc["a", "birth_month"] == table.loc["c", "birth_month"] == 5
    assert table["birth_md"].isna()[["c", "d"]].all() and table["birth_month"].isna()["d"]
