"""The public name-variant test set and the accuracy targets measured on it."""

from __future__ import annotations

import pytest
from benchmarks.names_match import evaluate, load_rows


def test_variant_set_is_sourced_and_large_enough():
    rows = load_rows()
    assert len({r.group for r in rows}) >= 150
    assert all(r.source for r in rows)
    assert {r.script for r in rows} >= {"hangul", "hanja", "latin", "kanji", "kana"}
    published = [r for r in rows if not r.derived]
    assert len(published) > len(rows) / 2


@pytest.mark.slow
def test_names_match_recall_and_false_match_rate_on_public_variants():
    result = evaluate(load_rows(), use_lang=True)
    assert result.recall >= 0.95
    assert result.fmr < 0.001


@pytest.mark.slow
def test_names_match_targets_hold_without_language_hints():
    result = evaluate(load_rows(), use_lang=False)
    assert result.recall >= 0.95
    assert result.fmr < 0.001
