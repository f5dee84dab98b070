"""Place normalisation for linkage: gazetteer identifiers when the profile knows the place.

The DPRK profile's ``place_lookup`` resolves hangul, McCune-Reischauer, Revised Romanization and
DPRK/ROK spellings of a place to one gazetteer entry. Linkage compares the entry's code and, one
level up, its province. A place the gazetteer does not know is compared by its folded text (case,
diacritics, apostrophes, hyphens, spaces and administrative suffixes removed), so "Hoeryŏng-si" and
"hoeryong" still agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from inquiry.folding import without_marks

__all__ = ["PlaceKey", "place_key", "fold_place", "gazetteer_facility"]

_SUFFIXES = re.compile(
    r"(?:-|\s)?(?:si|gun|kun|guyeok|kuyok|guyok|do|to|county|city|province|district|ri|ni|eup|up|rodongjagu)$"
)
_HANGUL_SUFFIXES = ("특별시", "직할시", "구역", "시", "군", "도", "리", "읍")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class PlaceKey:
    place: str
    province: str | None


def fold_place(text: str) -> str:
    plain = without_marks(text.strip()).lower()  # hangul suffixes (시, 군) stay whole syllables
    plain = plain.replace("'", "").replace("’", "").replace("ʼ", "")
    plain = " ".join(plain.split())
    for _ in range(2):  # "Hoeryong-si", "Kaechon County"
        plain = _SUFFIXES.sub("", plain)
    for suffix in _HANGUL_SUFFIXES:
        if len(plain) > len(suffix) + 1 and plain.endswith(suffix):
            plain = plain[: -len(suffix)]
            break
    folded = _NON_WORD.sub("", plain)
    # Romanizations disagree on voicing and vowels (Kaechon/Gaecheon); keep a coarse skeleton.
    for a, b in (("eo", "o"), ("eu", "u"), ("ch", "c"), ("j", "c"), ("g", "k"), ("b", "p"), ("d", "t"),
                 ("r", "l"), ("sh", "s"), ("wo", "o"), ("ae", "e")):
        folded = folded.replace(a, b)
    return folded


def _profile_lookup():
    """The profile's lookup callable, whichever shape the profile package exposes."""
    try:
        from inquiry.profiles import load_profile

        profile = load_profile("dprk")
    except Exception:  # no profile or a broken one: fall back to folded text
        return None
    for holder in (profile, getattr(profile, "gazetteer", None)):
        for name in ("place_lookup", "lookup"):
            lookup = getattr(holder, name, None)
            if callable(lookup):
                return lookup
    return None


_LOOKUP = None
_LOOKUP_LOADED = False


def _lookup():
    global _LOOKUP, _LOOKUP_LOADED
    if not _LOOKUP_LOADED:
        _LOOKUP = _profile_lookup()
        _LOOKUP_LOADED = True
    return _LOOKUP


def _get(entry, name):
    return entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)


def _matches(text: str, kind: str) -> list:
    lookup = _lookup()
    if lookup is None:
        return []
    kinds = ("facility",) if kind == "facility" else ("place",)
    try:
        try:
            found = lookup(text, kinds=kinds)
        except TypeError:  # a lookup without the kinds filter
            found = lookup(text)
    except Exception:  # an unknown spelling is not an error for linkage
        return []
    if not found:
        return []
    items = list(found) if isinstance(found, list | tuple) else [found]
    entries = [_get(match, "item") or match for match in items]
    # Admin divisions carry a level; facilities do not.
    return [e for e in entries if (_get(e, "level") is None) == (kind == "facility")]


def gazetteer_facility(text: str) -> str | None:
    """Facility key from the gazetteer: the camp number when it has one ("no15"), else its id."""
    for entry in _matches(text, "facility"):
        number = _get(entry, "number")
        if number and str(number).strip().isdigit():
            return f"no{int(str(number).strip())}"
        ident = _get(entry, "id") or _get(entry, "key")
        if ident:
            return str(ident)
    return None


def _gazetteer_place(text: str) -> PlaceKey | None:
    for entry in _matches(text, "place"):
        key = _get(entry, "key") or _get(entry, "code") or _get(entry, "id")
        if not key:
            continue
        level = _get(entry, "level")
        parent = _get(entry, "parent_code")
        province = str(key) if level == 1 or not parent or parent == "KP" else str(parent)
        return PlaceKey(str(key), province)
    return None


@lru_cache(maxsize=200_000)
def place_key(text: str) -> PlaceKey | None:
    """Gazetteer code (and province) of a place, or its folded text when the gazetteer is silent."""
    if not text or not text.strip():
        return None
    found = _gazetteer_place(text)
    if found is not None:
        return found
    folded = fold_place(text)
    return PlaceKey(folded, None) if folded else None
