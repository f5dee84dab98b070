"""Uncertain dates as witnesses say them, in three languages, stored as EDTF with bounds."""

from __future__ import annotations

from datetime import date

import pytest

from inquiry.dates import parse_uncertain_date
from inquiry.errors import InvalidInput


@pytest.mark.parametrize(("typed", "edtf", "earliest", "latest"), [
    ("1997", "1997", date(1997, 1, 1), date(1997, 12, 31)),
    ("spring 1997", "1997-21", date(1997, 3, 1), date(1997, 5, 31)),
    ("1998년 봄", "1998-21", date(1998, 3, 1), date(1998, 5, 31)),
    ("1997年春", "1997-21", date(1997, 3, 1), date(1997, 5, 31)),
    ("before 2004", "../2004", date(1900, 1, 1), date(2004, 12, 31)),
    ("2004년 이전", "../2004", date(1900, 1, 1), date(2004, 12, 31)),
    ("2004年以前", "../2004", date(1900, 1, 1), date(2004, 12, 31)),
    ("after 2010", "2010/..", date(2010, 1, 1), date(2100, 12, 31)),
    ("1990s", "199X", date(1990, 1, 1), date(1999, 12, 31)),
    ("1990년대", "199X", date(1990, 1, 1), date(1999, 12, 31)),
    ("1990年代", "199X", date(1990, 1, 1), date(1999, 12, 31)),
    ("1997년 5월", "1997-05", date(1997, 5, 1), date(1997, 5, 31)),
    ("1997年5月12日", "1997-05-12", date(1997, 5, 12), date(1997, 5, 12)),
    ("about 1995", "1995~", date(1994, 1, 1), date(1996, 12, 31)),
    ("1997/1999", "1997/1999", date(1997, 1, 1), date(1999, 12, 31)),
])
def test_friendly_and_edtf_input_is_stored_as_edtf_with_bounds(typed, edtf, earliest, latest):
    parsed = parse_uncertain_date(typed)
    assert (parsed.edtf, parsed.earliest, parsed.latest) == (edtf, earliest, latest)


@pytest.mark.parametrize("typed", ["yesterday", "2004-02-30", "1999/1990", "봄"])
def test_nonsense_is_refused_naming_the_field_and_the_input(typed):
    with pytest.raises(InvalidInput) as err:
        parse_uncertain_date(typed, field="birth_date")
    assert err.value.field == "birth_date" and typed in err.value.render()


def test_empty_means_unknown():
    assert parse_uncertain_date("") is None and parse_uncertain_date(None) is None
