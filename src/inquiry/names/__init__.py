"""Multi-script personal names: parse, romanize, block and compare Korean and Japanese names.

A match says only that two strings can be the same *name*; names are not identities.
"""

from __future__ import annotations

from inquiry.names.keys import canonical_reading_forms, reading_keys
from inquiry.names.model import NameReading, PersonName
from inquiry.names.parse import parse_name
from inquiry.names.similarity import MATCH_THRESHOLD, name_score

__all__ = [
    "PersonName",
    "NameReading",
    "parse_name",
    "name_keys",
    "name_similarity",
    "names_match",
    "canonical_forms",
    "MATCH_THRESHOLD",
]


def _as_name(name: str | PersonName, lang: str | None = None) -> PersonName:
    return name if isinstance(name, PersonName) else parse_name(name, lang=lang)


def name_keys(name: str | PersonName, *, lang: str | None = None) -> set[str]:
    """Blocking keys: variants of one name share at least one key; different names rarely do."""
    parsed = _as_name(name, lang)
    keys: set[str] = set()
    for reading in parsed.readings:
        keys |= reading_keys(reading)
    return keys


def name_similarity(a: str | PersonName, b: str | PersonName, *, lang_a: str | None = None,
                    lang_b: str | None = None) -> float:
    """Similarity in [0, 1] of two names in any script (best over their readings)."""
    return name_score(_as_name(a, lang_a), _as_name(b, lang_b))


def names_match(a: str | PersonName, b: str | PersonName, *, lang_a: str | None = None,
                lang_b: str | None = None, threshold: float = MATCH_THRESHOLD) -> bool:
    """True when the two strings can be spellings of the same name (not: the same person)."""
    return name_similarity(a, b, lang_a=lang_a, lang_b=lang_b) >= threshold


def canonical_forms(name: str | PersonName, *, lang: str | None = None) -> list[str]:
    """Canonical romanized strings "CLUSTER givenkey" (primary reading first), for comparison columns."""
    return canonical_reading_forms(_as_name(name, lang))
