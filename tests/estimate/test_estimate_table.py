"""Reading and validating overlap tables."""

from __future__ import annotations

import numpy as np
import pytest

from inquiry.errors import InvalidInput
from inquiry.estimate import read_overlap_table, table_from_arrays, table_from_clusters


def read(text: str, **kw):
    return read_overlap_table(text.encode("utf-8"), **kw)


def test_repeated_patterns_are_summed():
    table = read("A,B,Freq\n1,0,3\n0,1,4\n1,0,2\n1,1,1\n")
    cells = dict(zip(map(tuple, table.patterns.tolist()), table.counts.tolist(), strict=True))
    assert cells == {(1, 0): 5, (0, 1): 4, (1, 1): 1}
    assert table.n_observed == 10


@pytest.mark.parametrize("name", ["Freq", "count", "freq", "n", "COUNT"])
def test_count_column_is_found_by_any_accepted_name(name):
    table = read(f"A,B,{name}\n1,0,3\n0,1,4\n1,1,1\n")
    assert table.lists == ("A", "B")


def test_count_column_may_come_first_and_semicolons_are_read():
    table = read("count;X;Y;Z\n2;1;0;0\n3;0;1;1\n")
    assert table.lists == ("X", "Y", "Z")
    assert table.n_observed == 5


def test_a_list_value_other_than_0_or_1_names_the_row_and_column():
    with pytest.raises(InvalidInput) as err:
        read("A,B,Freq\n1,0,3\n2,1,4\n")
    assert err.value.row == 3 and err.value.field == "A"
    assert "'2'" in str(err.value)


@pytest.mark.parametrize(("value", "word"), [("-1", "negative"), ("2.5", "whole"), ("many", "not a number")])
def test_bad_counts_name_the_row_and_the_problem(value, word):
    with pytest.raises(InvalidInput) as err:
        read(f"A,B,Freq\n1,0,3\n0,1,{value}\n")
    assert err.value.row == 3 and err.value.field == "Freq"
    assert word in str(err.value)


def test_a_count_written_as_a_whole_float_is_accepted():
    assert read("A,B,Freq\n1,0,3.0\n0,1,4\n1,1,1\n").n_observed == 8


def test_fewer_than_two_lists_is_refused():
    with pytest.raises(InvalidInput, match="at least two list columns"):
        read("A,Freq\n1,3\n")


def test_an_all_zero_row_is_refused_with_its_row_number():
    with pytest.raises(InvalidInput, match="all zeros") as err:
        read("A,B,Freq\n1,0,3\n0,0,9\n")
    assert err.value.row == 3


def test_empty_file_header_only_and_missing_count_column_are_refused():
    with pytest.raises(InvalidInput, match="empty"):
        read("")
    with pytest.raises(InvalidInput, match="no data rows"):
        read("A,B,Freq\n")
    with pytest.raises(InvalidInput, match="no count column"):
        read("A,B,C\n1,0,1\n")


def test_a_file_that_is_not_utf8_is_refused_clearly():
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_overlap_table("A,B,Freq\n1,0,3\n0,1,\xff\n".encode("latin-1"))


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InvalidInput, match="does not exist"):
        read_overlap_table(tmp_path / "nope.csv")


def test_a_row_with_the_wrong_number_of_fields_is_refused():
    with pytest.raises(InvalidInput, match="fields") as err:
        read("A,B,Freq\n1,0,3\n0,1\n")
    assert err.value.row == 3


def test_a_list_with_no_records_is_refused():
    with pytest.raises(InvalidInput, match="List C has no records"):
        read("A,B,C,Freq\n1,0,0,3\n0,1,0,4\n")


def test_strata_column_splits_the_table():
    table = read("A,B,region,Freq\n1,0,north,3\n0,1,north,4\n1,1,north,1\n1,0,south,5\n0,1,south,2\n"
                 "1,1,south,2\n1,0,north,1\n", strata="region")
    parts = table.by_stratum()
    assert list(parts) == ["north", "south"]
    assert parts["north"].n_observed == 9
    assert parts["south"].n_observed == 9
    assert table.collapsed().n_observed == 18


def test_a_text_column_without_strata_option_suggests_it():
    with pytest.raises(InvalidInput, match="pass it as the strata column"):
        read("A,B,region,Freq\n1,0,north,3\n")


def test_unknown_strata_column_names_the_available_columns():
    with pytest.raises(InvalidInput, match="no strata column named zone"):
        read("A,B,Freq\n1,0,3\n", strata="zone")


def test_cell_counts_cover_every_observable_pattern_in_bit_order():
    table = read("A,B,Freq\n0,1,4\n1,1,1\n1,0,3\n")
    assert table.cell_counts().tolist() == [3, 4, 1]  # codes 1 (A), 2 (B), 3 (AB)


def test_clusters_become_patterns_and_duplicates_on_one_list_count_once():
    memberships = [("p1", "HRW"), ("p1", "OSCE"), ("p2", "HRW"), ("p2", "HRW"), ("p3", "OSCE"), ("p4", "ABA")]
    table = table_from_clusters(memberships, lists=["ABA", "HRW", "OSCE"])
    cells = dict(zip(map(tuple, table.patterns.tolist()), table.counts.tolist(), strict=True))
    assert cells == {(0, 1, 1): 1, (0, 1, 0): 1, (0, 0, 1): 1, (1, 0, 0): 1}


def test_clusters_with_strata_keep_them_and_a_cluster_in_two_strata_is_refused():
    table = table_from_clusters([("a", "L1", "2001"), ("a", "L2", "2001"), ("b", "L2", "2002"), ("c", "L1", "2002")])
    assert table.by_stratum()["2002"].n_observed == 2
    with pytest.raises(InvalidInput, match="two strata"):
        table_from_clusters([("a", "L1", "2001"), ("a", "L2", "2002"), ("b", "L2", "2002")])


def test_clusters_naming_a_list_outside_the_given_lists_are_refused():
    with pytest.raises(InvalidInput, match="not among the given lists"):
        table_from_clusters([("a", "L1"), ("b", "L9")], lists=["L1", "L2"])


def test_arrays_are_validated_like_files():
    with pytest.raises(InvalidInput, match="all zeros"):
        table_from_arrays(np.array([[1, 0], [0, 0]]), np.array([3, 1]))
    with pytest.raises(InvalidInput, match="whole numbers"):
        table_from_arrays(np.array([[1, 0], [0, 1]]), np.array([3.5, 1]))
