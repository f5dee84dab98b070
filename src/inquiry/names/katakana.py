"""Korean names written in katakana (キム・ヨンチョル), as Japanese documents write them.

cutlet reads such names as Japanese words (ジュ comes out "je"), so they get their own table:
katakana to Latin, then the Japanese way of writing Korean final consonants (ム m, ク k, プ p,
ル l, ッ) is undone, and ン, which stands for both ㄴ and ㅇ, yields both readings.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

__all__ = ["is_katakana_text", "korean_from_katakana"]

_BASIC = dict(zip(
    "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
    "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲン",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "ga", "gi", "gu", "ge", "go",
     "sa", "si", "su", "se", "so", "za", "ji", "zu", "ze", "zo", "ta", "chi", "tsu", "te", "to",
     "da", "ji", "zu", "de", "do", "na", "ni", "nu", "ne", "no", "ha", "hi", "hu", "he", "ho",
     "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "ma", "mi", "mu", "me", "mo",
     "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "o", "N"], strict=True))
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_V = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_PALATAL = {"chi": "ch", "ji": "j", "si": "s"}
# Japanese writes a Korean final consonant as a u-row kana after a vowel: キム kimu = 김 kim.
_FINAL = re.compile(r"(?<=[aeiou])(ku|mu|pu|ru)(?=[^aeiouy]|$)")
# The hyphen keeps a final from fusing with the next syllable (ドクフン is dok-hun, not do-khun).
_FINAL_MAP = {"ku": "k-", "mu": "m-", "pu": "p-", "ru": "l-"}


def is_katakana_text(text: str) -> bool:
    return any(0x30A1 <= ord(c) <= 0x30FA for c in text) and all(
        0x30A1 <= ord(c) <= 0x30FC or c.isspace() for c in text)


def _syllables(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if ch in _SMALL_Y and out:
            base = out.pop()
            out.append(_PALATAL.get(base, base[:-1] + "y") + _SMALL_Y[ch])
        elif ch in _SMALL_V and out:
            base = out.pop()
            if base in ("u", "hu"):  # ウォ wo, ファ hwa
                out.append(base[:-1] + "w" + _SMALL_V[ch])
            elif base.endswith("u") and base not in ("tsu",):  # グァ gwa, クォ kwo
                out.append(base[:-1] + "w" + _SMALL_V[ch])
            elif base.endswith("i"):  # チェ che, イェ ye
                out.append(_PALATAL.get(base, base[:-1] or "y") + _SMALL_V[ch])
            else:
                out.append(base[:-1] + _SMALL_V[ch])
        elif ch == "ッ":
            out.append("Q")
        elif ch == "ー":
            continue
        else:
            out.append(_BASIC.get(ch, ""))
    text = "".join(out)
    text = re.sub(r"Q(?=[a-z])", "", text).replace("Q", "t-")
    return _FINAL.sub(lambda m: _FINAL_MAP[m.group(0)], text).strip("-")


@lru_cache(maxsize=16384)
def korean_from_katakana(word: str, *, limit: int = 4) -> tuple[str, ...]:
    """Latin readings of one katakana word as Korean; ン gives n and ng (at most ``limit``)."""
    latin = _syllables(word)
    parts = latin.split("N")
    if len(parts) == 1:
        return (latin,)
    readings = []
    for choice in itertools.product(("n-", "ng-"), repeat=len(parts) - 1):
        readings.append((parts[0] + "".join(c + p for c, p in zip(choice, parts[1:], strict=True))).strip("-"))
        if len(readings) >= limit:
            break
    return tuple(readings)
