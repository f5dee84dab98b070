"""Every reason the findings pages show has a translatable copy of its exact English sentence."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from inquiry.findings.evaluate import FINDING_MESSAGES
from inquiry.findings.messages import REASON_TEMPLATES, reason_text
from inquiry.law.matrix import MATRIX_MESSAGES
from inquiry.law.proof import REASON_MESSAGES


def test_reason_templates_copy_the_law_and_findings_sentences_exactly():
    expected = {**REASON_MESSAGES, **MATRIX_MESSAGES, **FINDING_MESSAGES}
    assert REASON_TEMPLATES == expected


def test_reason_text_fills_named_placeholders_and_joins_lists():
    reason = SimpleNamespace(code="same_origin", params={"source_ids": ("S-1", "S-3"), "origin": "witness:T1"},
                             message="")
    with translation.override("en"):
        assert reason_text(reason) == "Sources S-1, S-3 trace back to one origin (witness:T1) and count once."


def test_unknown_reason_codes_fall_back_to_the_english_message():
    reason = SimpleNamespace(code="something_new", params={}, message="Something new happened.")
    assert reason_text(reason) == "Something new happened."


def test_the_standard_is_named_in_the_reader_s_language():
    reason = SimpleNamespace(code="standard_met", params={"standard": "reasonable_grounds", "subject": "F-000001"},
                             message="")
    with translation.override("ko"):
        assert "믿을 만한 합리적 근거" in reason_text(reason)
    with translation.override("en"):
        assert reason_text(reason) == "The standard of proof (reasonable grounds to believe) is met for F-000001."


def test_every_error_the_findings_app_raises_is_marked_for_translation():
    import ast
    from pathlib import Path

    import inquiry.findings as package
    from inquiry.findings.messages import ERROR_TEMPLATES

    errors = {"InvalidInput", "NotFound", "PermissionDenied", "Conflict"}
    raised = set()
    for path in Path(package.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "id", "")
            if isinstance(node, ast.Call) and name in errors and node.args \
                    and isinstance(node.args[0], ast.Constant):
                raised.add(node.args[0].value)
    assert raised, "no raised errors were found"
    assert raised - {"Your role does not allow this action."} <= set(ERROR_TEMPLATES)
