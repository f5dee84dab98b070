"""Latin folding: reduce any romanization of a Korean or Japanese name part to a match key.

The key alphabet is shared with ``hangul.hangul_key``: voiced and voiceless stops merge
(g/k, d/t, b/p, j/ch), aspiration marks and breves go (OFAC writes ``Ku'k-ryo'l`` for Kŭk-ryŏl),
RR digraphs become MR vowels (eo -> o, eu -> u), ``ng`` becomes the single letter ``N``, r
becomes l, and doubled letters collapse. Spaces and hyphens inside a part are dropped so that
"Yong Chol", "Yong-chol" and "Yongchol" give the same key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from inquiry.folding import without_marks

__all__ = ["fold_text", "latin_key", "collapse_long_vowels"]

_APOSTROPHES = "'’‘`´ʼʻʹ′\""
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.·・/]+")

# Order matters: longest first, and consonant rewrites before vowel rewrites.
_RULES: list[tuple[str, str]] = [
    ("tch", "c"), ("chh", "c"), ("ch", "c"), ("tsh", "c"), ("dzh", "c"), ("zh", "c"), ("zy", "c"), ("j", "c"),
    ("z", "c"), ("ts", "t"), ("sh", "s"), ("kh", "k"), ("th", "t"), ("ph", "p"), ("gh", "k"), ("ck", "k"),
    ("ng", "N"), ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"), ("f", "h"), ("q", "k"), ("v", "p"), ("x", "ks"),
    ("woo", "u"), ("ae", "ae"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"), ("ou", "o"),
    ("oi", "oe"), ("ai", "ae"), ("wu", "u"),
]
_RULE_RE = re.compile("|".join(re.escape(a) for a, _ in sorted(_RULES, key=lambda r: -len(r[0]))))
_RULE_MAP = dict(_RULES)
# h after a vowel and before a consonant or the end is a spelling device (Ahn, Oh, Pahk, Yohko), not ㅎ.
_SILENT_H = re.compile(r"(?<=[aeiouy])h(?=[^aeiouyw]|$)")
_NON_KEY = re.compile(r"[^a-zN]")


# McCune-Reischauer writes n' to split n+g from ng (Man'gŏn = Man-gŏn): a syllable break.
_MR_SYLLABLE_BREAK = re.compile(r"(?<=[nN])['’ʼ](?=[gG])")


_DROP_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)


def fold_text(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes; keep spaces (for display and splitting)."""
    text = _MR_SYLLABLE_BREAK.sub("-", text)
    if text.isascii():
        return text.translate(_DROP_APOSTROPHES).lower()
    stripped = without_marks(text).translate(_DROP_APOSTROPHES)
    return stripped.lower().replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe")


def collapse_long_vowels(romaji: str) -> str:
    """Hepburn long vowels as typed by romaji converters (Tooru, Kyouko, Shuuichi) -> short."""
    text = romaji.lower()
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("aa", "a"), ("ii", "i"), ("ee", "e")):
        text = text.replace(long, short)
    return text


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    token = _SILENT_H.sub("", token)
    token = _RULE_RE.sub(lambda m: _RULE_MAP[m.group(0)], token)
    return _NON_KEY.sub("", token)


@lru_cache(maxsize=262144)
def latin_key(text: str) -> str:
    """Match key of one Latin name part (any of RR, MR, DPRK, OFAC, Hepburn and common spellings)."""
    # Each written syllable group is folded on its own: "Son-gwon" is son+gwon, not so+ngwon,
    # and "T'ae-u" is tae+u, not ta+eu.
    folded = "".join(_fold_token(t) for t in _SEPARATORS.split(fold_text(text)) if t)
    out: list[str] = []
    for ch in folded:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
