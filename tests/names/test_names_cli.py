"""`inquiry names compare` prints the parse, score and verdict as JSON."""

from __future__ import annotations

import json

from inquiry.cli import main


def test_compare_prints_both_parses_score_and_verdict(capsys):
    assert main(["names", "compare", "金英哲", "KIM, Yong Chol", "--lang-a", "ko"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["match"] is True and out["score"] >= out["threshold"]
    assert out["a"]["hangul"] == "김영철" and out["a"]["surname"] == "金"
    assert out["b"]["surname"] == "KIM" and out["b"]["given"] == "Yong Chol"
    assert out["a"]["romanizations"]["mr"] == "Kim Yŏng-ch'ŏl"
    assert set(out["a"]["keys"]) & set(out["b"]["keys"])


def test_compare_says_no_match_for_different_names(capsys):
    assert main(["names", "compare", "Kim Jong Un", "Kim Jong Il"]) == 0
    assert json.loads(capsys.readouterr().out)["match"] is False


def test_compare_rejects_a_name_without_letters_with_exit_code_2(capsys):
    assert main(["names", "compare", "123", "Kim"]) == 2
    assert "name" in capsys.readouterr().err
