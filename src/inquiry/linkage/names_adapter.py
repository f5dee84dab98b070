"""Thin adapter over ``inquiry.names``: what linkage needs from one written name.

Linkage needs three things per name: script-independent blocking keys, canonical romanized
forms (compared exactly and as sets) and one representative form (for term frequencies). When
``inquiry.names`` is not importable (a stripped-down install) a crude Latin folding stands in, so
the pipeline still runs; it links only names written in the same script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from inquiry.errors import InquiryError
from inquiry.folding import without_marks

__all__ = ["NameFeatures", "name_features", "names_backend"]

try:  # the names package is a sibling in the pure library
    from inquiry import names as _names

    _HAVE_NAMES = all(hasattr(_names, f) for f in ("parse_name", "name_keys", "canonical_forms"))
except ImportError:  # pragma: no cover - only in a partial install
    _names = None
    _HAVE_NAMES = False

_FOLD_DROP = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class NameFeatures:
    keys: frozenset[str]
    forms: tuple[str, ...]


def names_backend() -> str:
    return "inquiry.names" if _HAVE_NAMES else "folded-text fallback"


def _fold(text: str) -> str:
    plain = _FOLD_DROP.sub(" ", without_marks(text).replace("'", "").replace("’", "").lower())
    return " ".join(plain.split())


def _fallback(text: str) -> NameFeatures:
    folded = _fold(text)
    if not folded:
        return NameFeatures(frozenset(), ())
    ordered = " ".join(sorted(folded.split()))
    return NameFeatures(frozenset({ordered.replace(" ", "")}), (ordered,))


@lru_cache(maxsize=500_000)
def name_features(text: str, lang: str | None = None) -> NameFeatures:
    """Keys and canonical forms of one written name; empty features for an unparseable name."""
    text = text.strip()
    if not text:
        return NameFeatures(frozenset(), ())
    if not _HAVE_NAMES:
        return _fallback(text)
    try:
        parsed = _names.parse_name(text, lang=lang)
        keys = frozenset(str(k) for k in _names.name_keys(parsed) if k)
        # A reading with no given name ("~kin" when a Japanese reading of 金姬順 fails) matches
        # every Kim; it is no evidence of identity.
        forms = tuple(dict.fromkeys(str(f) for f in _names.canonical_forms(parsed) if f and " " in str(f).strip()))
    except InquiryError:
        # A name the parser rejects still links through its folded spelling.
        return _fallback(text)
    if not keys and not forms:
        return _fallback(text)
    return NameFeatures(keys, forms)
