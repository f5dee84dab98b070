from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.profiles.dates import date_bounds, overlaps


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("1998", ((1998, 1, 1), (1998, 12, 31))),
        ("2016-06~", ((2016, 6, 1), (2016, 6, 30))),
        ("2020-05-24", ((2020, 5, 24), (2020, 5, 24))),
        ("199X", ((1990, 1, 1), (1999, 12, 31))),
        ("1997-21", ((1997, 3, 1), (1997, 5, 31))),
        ("2016-06~/..", ((2016, 6, 1), None)),
        ("../2000", (None, (2000, 12, 31))),
        ("1973/2016-06~", ((1973, 1, 1), (2016, 6, 30))),
        ("2000-02", ((2000, 2, 1), (2000, 2, 29))),
    ],
)
def test_edtf_forms_used_in_reference_data_give_day_bounds(text, bounds):
    assert date_bounds(text) == bounds


@pytest.mark.parametrize("text", ["spring 1997", "2016-13", "2000/1990", "2001-02-29", "", "1/2/3"])
def test_text_that_is_not_edtf_is_refused(text):
    with pytest.raises(InvalidInput):
        date_bounds(text)


def test_open_intervals_overlap_everything_after_their_start():
    start, end = date_bounds("2016-06~/..")
    assert overlaps(start, end, *date_bounds("2030"))
    assert not overlaps(start, end, *date_bounds("2015"))
