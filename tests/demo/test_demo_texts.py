"""Demo prose: uncertain dates read naturally in each language; names are fictional and well formed."""

from __future__ import annotations

import random

import pytest

from inquiry.demo.texts import GIVEN, WITNESS_GIVEN, human_date, korean_name, witness_identity


@pytest.mark.parametrize(("edtf", "ko", "ja", "en"), [
    ("1997-21", "1997년 봄", "1997年春", "spring 1997"),
    ("../2004", "2004년 이전", "2004年以前", "before 2004"),
    ("199X", "1990년대", "1990年代", "the 1990s"),
    ("2001~", "2001년경", "2001年頃", "about 2001"),
    ("1998/2000", "1998~2000년", "1998~2000年", "between 1998 and 2000"),
    ("1996-05", "1996년 5월", "1996年5月", "May 1996"),
])
def test_uncertain_dates_read_naturally_in_each_language(edtf, ko, ja, en):
    assert [human_date(edtf, lang) for lang in ("ko", "ja", "en")] == [ko, ja, en]


def test_korean_names_keep_hangul_hanja_and_romanizations_aligned():
    rng = random.Random(1)
    for _ in range(50):
        name = korean_name(rng)
        assert len(name["hangul"]) == len(name["hanja"]) == 3
        assert name["mr"].split()[1].count("-") == 1


def test_witness_identities_use_syllables_no_case_record_uses():
    assert not {g[0] for g in GIVEN} & set(WITNESS_GIVEN)
    identity = witness_identity(random.Random(2), 7)
    assert set(identity["real_name"][1:]) <= set(WITNESS_GIVEN)
    assert identity["notes"].startswith("[DEMO]")
