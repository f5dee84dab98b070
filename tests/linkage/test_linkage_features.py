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


def _blocked_pairs(table) -> set[tuple[str, str]]:
    """The pairs the name-key rule of the model compares, run on DuckDB as Splink runs it."""
    import duckdb

    from inquiry.linkage.model import name_key_blocking_sql

    con = duckdb.connect()
    con.register("features", table)
    rows = con.execute(
        "WITH x AS (SELECT * EXCLUDE (block_keys), unnest(block_keys) AS block_keys FROM features) "
        f"SELECT DISTINCT l.unique_id, r.unique_id FROM x AS l JOIN x AS r ON {name_key_blocking_sql()} "
        "WHERE l.unique_id < r.unique_id").fetchall()
    return set(rows)


def _kims(**extra_by_id):
    return [LinkageRecord(record_id, ("Kim Yong Chol",), **fields) for record_id, fields in extra_by_id.items()]


def test_a_common_name_is_compared_only_within_two_birth_years_or_a_shared_place(monkeypatch):
    import inquiry.linkage.features as features

    monkeypatch.setattr(features, "RARE_KEY_FREQUENCY", 1)
    records = _kims(a={"birth_date": "1960", "last_seen_place": "Hoeryong"}, b={"birth_date": "1962-03-01"},
                    c={"birth_date": "1970"}, d={"last_seen_place": "Hoeryong"}, e={},
                    f={"birth_date": "1964", "birth_place": "Musan"}, g={"birth_date": "1960", "birth_place": "Musan"})
    table = build_feature_table(records, max_key_frequency=1)
    assert {key[:2] for key in table["block_keys"].iloc[0]} == {"c:", "s:"}
    pairs = _blocked_pairs(table)
    assert ("a", "b") in pairs and ("a", "c") not in pairs  # years within two, not ten
    assert ("a", "d") in pairs and ("a", "e") not in pairs  # undated: only with a place in common
    assert ("f", "g") in pairs and ("a", "f") not in pairs  # four years apart: only with the birth place


def test_an_undated_record_meets_every_record_of_a_moderately_common_name_and_a_rare_name_meets_all(monkeypatch):
    import inquiry.linkage.features as features

    monkeypatch.setattr(features, "RARE_KEY_FREQUENCY", 1)
    records = _kims(a={"birth_date": "1960"}, c={"birth_date": "1970"}, e={})
    moderate = build_feature_table(records, max_key_frequency=10)
    assert all(key.startswith("m:") for key in moderate["block_keys"].iloc[0])
    assert _blocked_pairs(moderate) == {("a", "e"), ("c", "e")}
    monkeypatch.setattr(features, "RARE_KEY_FREQUENCY", 10)
    rare = build_feature_table(records, max_key_frequency=10)
    assert _blocked_pairs(rare) == {("a", "c"), ("a", "e"), ("c", "e")}
