"""Taking the marks off letters: the step every fold in Inquiry starts with.

Names, places, organisations and search each fold differently afterwards (spaces kept or not,
hyphens, hangul suffixes, a key alphabet), but all first reduce "Yŏng", "Kŭk" and "Yōko" to
"Yong", "Kuk" and "Yoko". NFKD separates a letter from its marks (and maps full-width and other
compatibility forms to plain ones); NFC then puts back together the hangul syllables that NFKD
split into jamo, so that 조선 still equals 조선. Kana lose their voicing marks as well (ガ becomes
カ), which makes name search a little looser in Japanese; stored search keys depend on it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["without_marks"]


def without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
