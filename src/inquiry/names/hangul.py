"""Hangul syllables: decomposition, romanization (RR, McCune-Reischauer, DPRK press style) and match keys.

Romanization is syllable by syllable, as personal names are written on lists: no sound-change
assimilation across syllables except McCune-Reischauer's voicing of plain stops inside a word.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["korean_romanizations", "is_hangul_syllable", "decompose", "romanize_rr", "romanize_mr", "romanize_dprk", "hangul_key",
           "syllable_key"]

_BASE = 0xAC00
_LAST = 0xD7A3

# Initial consonants, in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MR_INITIAL = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'",
               "h"]
_MR_VOICED = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch'", "k'", "t'", "p'",
              "h"]
# DPRK press (KCNA) style: McCune-Reischauer without breves and apostrophes, ㅈ as J, aspirates with h.
_DPRK_INITIAL = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph",
                 "h"]
_KEY_INITIAL = ["k", "k", "n", "t", "t", "l", "m", "p", "p", "s", "s", "", "c", "c", "c", "k", "t", "p", "h"]

# Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_RR_VOWEL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
             "yu", "eu", "ui", "i"]
_MR_VOWEL = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi",
             "yu", "ŭ", "ŭi", "i"]
_DPRK_VOWEL = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
               "yu", "u", "ui", "i"]
_KEY_VOWEL = _DPRK_VOWEL

# Finals, in Unicode order (index 0 = none), reduced to the seven representative sounds.
_FINAL_SOUND = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
                "t", "ng", "t", "t", "k", "t", "p", "t"]
_KEY_FINAL = [s if s != "ng" else "N" for s in _FINAL_SOUND]
_VOICED_FINALS = {"n", "m", "ng", "l", ""}


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def decompose(ch: str) -> tuple[int, int, int]:
    """Return (initial, vowel, final) indices of a precomposed hangul syllable."""
    code = ord(ch) - _BASE
    return code // 588, (code % 588) // 28, code % 28


def compose(initial: int, vowel: int, final: int = 0) -> str:
    return chr(_BASE + initial * 588 + vowel * 28 + final)


@lru_cache(maxsize=16384)
def _rr_syllable(ch: str) -> str:
    i, v, f = decompose(ch)
    return _RR_INITIAL[i] + _RR_VOWEL[v] + _FINAL_SOUND[f]


@lru_cache(maxsize=32768)
def _mr_syllable(ch: str, voiced: bool) -> tuple[str, str]:
    i, v, f = decompose(ch)
    initial = (_MR_VOICED if voiced else _MR_INITIAL)[i]
    if initial == "s" and v in (16, 20):  # 시, 쉬 are written shi, shwi
        initial = "sh"
    return initial + _MR_VOWEL[v] + _FINAL_SOUND[f], _FINAL_SOUND[f]


@lru_cache(maxsize=16384)
def _dprk_syllable(ch: str) -> str:
    i, v, f = decompose(ch)
    return _DPRK_INITIAL[i] + _DPRK_VOWEL[v] + _FINAL_SOUND[f]


def romanize_rr(text: str, *, hyphen: bool = False) -> str:
    """Revised Romanization of one name part, syllable by syllable (lower case)."""
    return ("-" if hyphen else "").join(_rr_syllable(ch) for ch in text if is_hangul_syllable(ch))


def romanize_mr(text: str, *, hyphen: bool = False) -> str:
    """McCune-Reischauer of one name part; plain stops are voiced after a vowel or a voiced final."""
    out = []
    prev_final: str | None = None
    for ch in text:
        if not is_hangul_syllable(ch):
            continue
        syllable, prev_final = _mr_syllable(ch, prev_final is not None and prev_final in _VOICED_FINALS)
        out.append(syllable)
    return ("-" if hyphen else "").join(out)


def romanize_dprk(text: str) -> str:
    """DPRK press style (as on KCNA and UN/OFAC lists): syllables separated by spaces."""
    return " ".join(_dprk_syllable(ch) for ch in text if is_hangul_syllable(ch))


@lru_cache(maxsize=16384)
def syllable_key(ch: str) -> str:
    i, v, f = decompose(ch)
    return _KEY_INITIAL[i] + _KEY_VOWEL[v] + _KEY_FINAL[f]


@lru_cache(maxsize=65536)
def hangul_key(text: str) -> str:
    """Match key of a hangul name part in the same folded alphabet as ``latin.latin_key``."""
    raw = "".join(syllable_key(ch) for ch in text if is_hangul_syllable(ch))
    return _collapse(raw)


def _collapse(key: str) -> str:
    out = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _title(text: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in text.split(" "))


def korean_romanizations(surname: str, given: str) -> tuple[tuple[str, str], ...]:
    """(system, text) for RR, McCune-Reischauer (name style, hyphenated) and the DPRK press style."""
    rr = f"{romanize_rr(surname).capitalize()} {romanize_rr(given, hyphen=True).capitalize()}".strip()
    mr = f"{romanize_mr(surname).capitalize()} {romanize_mr(given, hyphen=True).capitalize()}".strip()
    dprk = _title(f"{romanize_dprk(surname)} {romanize_dprk(given)}".strip())
    return (("rr", rr), ("mr", mr), ("dprk", dprk))
