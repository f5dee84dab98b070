"""Spelling folds for place and organisation search.

The DPRK keeps an initial ㄹ/ㄴ where the ROK drops it (두음법칙): 녕변/영변, 량강/양강, 라선/나선.
Romanisations differ by diacritics (Yŏngbyŏn/Yongbyon), apostrophes (P'yŏngyang), hyphens, case,
DPRK-style initials (Nyongbyon, Ryanggang) and DPRK official aspirates (Phyongyang).
"""

from __future__ import annotations

import re
import unicodedata

from inquiry.folding import without_marks

__all__ = ["fold_latin", "fold_latin_loose", "is_hangul", "rok_spelling", "hangul_key", "strip_suffix"]

_HANGUL_BASE, _HANGUL_LAST = 0xAC00, 0xD7A3
_L_NIEUN, _L_RIEUL, _L_IEUNG = 2, 5, 11
# Vowels (jungseong indexes) before which an initial ㄹ/ㄴ becomes ㅇ: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_I_VOWELS = {2, 3, 6, 7, 12, 17, 20}

_HANGUL_SUFFIXES = ("특별시", "직할시", "구역", "지구", "시", "군", "구", "도")
_LATIN_SUFFIXES = {
    "gun",
    "kun",
    "si",
    "shi",
    "guyok",
    "kuyok",
    "guyeok",
    "gu",
    "ku",
    "do",
    "to",
    "jigu",
    "chigu",
    "teukbyeolsi",
    "tukpyolsi",
    "jikhalsi",
    "chikhalsi",
    "county",
    "city",
    "district",
    "province",
    "ward",
}
_APOSTROPHES = "'’‘`ʼʻ´"


def is_hangul(text: str) -> bool:
    return any(_HANGUL_BASE <= ord(ch) <= _HANGUL_LAST for ch in text)


def _rok_syllable(ch: str) -> str:
    code = ord(ch) - _HANGUL_BASE
    if not 0 <= code <= _HANGUL_LAST - _HANGUL_BASE:
        return ch
    lead, rest = divmod(code, 588)
    vowel = rest // 28
    if lead == _L_RIEUL:
        lead = _L_IEUNG if vowel in _I_VOWELS else _L_NIEUN
    elif lead == _L_NIEUN and vowel in _I_VOWELS:
        lead = _L_IEUNG
    return chr(_HANGUL_BASE + lead * 588 + rest)


def rok_spelling(text: str) -> str:
    """Apply the ROK initial-sound rule to the first syllable of each word: 녕변군 → 영변군, 량강도 → 양강도."""
    return " ".join(_rok_syllable(w[0]) + w[1:] if w else w for w in text.split(" "))


def hangul_key(text: str) -> str:
    """Search key for hangul: no spaces, ROK initial-sound spelling."""
    return rok_spelling(re.sub(r"\s+", "", unicodedata.normalize("NFC", text)))


def fold_latin(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Yŏngbyŏn-gun" → "yongbyongun"."""
    plain = without_marks(text).translate({ord(a): None for a in _APOSTROPHES})
    return re.sub(r"[^0-9a-z]+", "", plain.casefold())


def fold_latin_loose(key: str) -> str:
    """A looser key from ``fold_latin`` output: DPRK initials and official aspirates dropped.

    "nyongbyon" → "yongbyon", "ryanggang" → "yanggang", "rason" → "nason", "phyongyang" → "pyongyang".
    """
    key = key.replace("ph", "p").replace("th", "t").replace("kh", "k")
    if key[:2] in ("ny", "ni", "ry", "ri") and len(key) > 2:
        return key[1:]
    if key.startswith("r"):
        return "n" + key[1:]
    return key


def strip_suffix(name: str) -> str | None:
    """The name without its administrative suffix, or None if it has none.

    "영변군" → "영변", "Yŏngbyŏn-gun" → "Yŏngbyŏn", "Kaesong City" → "Kaesong".
    """
    name = name.strip()
    if is_hangul(name):
        for suffix in _HANGUL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return None
    parts = re.split(r"[-\s]+", name)
    if len(parts) > 1 and fold_latin(parts[-1]) in _LATIN_SUFFIXES:
        return " ".join(parts[:-1]) if " " in name else "-".join(parts[:-1])
    return None
