"""The shipped Rome Statute / Elements of Crimes data."""

from __future__ import annotations

import pytest

from inquiry.errors import InquiryError, InvalidInput
from inquiry.law import load_framework


def test_framework_holds_definitions_footnotes_and_statute_text():
    fw = load_framework()
    assert sorted(fw.definitions) == list("abcdefghi")
    assert sorted(fw.footnotes) == list(range(6, 31))
    assert sorted(fw.statute_paragraph_1) == list("abcdefghijk")
    assert len(fw.introduction) == 3


def test_enforced_disappearance_elements_keep_their_lettered_alternatives():
    element = load_framework().element("7(1)(i):1")
    assert [s.letter for s in element.subelements] == ["a", "b"]
    assert "(a) Arrested" in element.full_text and 25 in element.footnotes


def test_element_reference_must_be_crime_colon_number():
    fw = load_framework()
    assert fw.element("7(1)(e):2").number == 2
    with pytest.raises(InvalidInput):
        fw.element("7(1)(e)")
    with pytest.raises(InquiryError):
        fw.element("7(1)(e):9")


def test_unknown_framework_name_is_not_found():
    with pytest.raises(InquiryError) as info:
        load_framework("no_such_statute")
    assert info.value.code == "framework_not_found"


def test_law_and_profiles_import_without_django():
    import subprocess
    import sys

    code = (
        "import sys, inquiry.law, inquiry.profiles, inquiry.law.cli; "
        "inquiry.profiles.load_profile(); "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
