"""Similarity of two names: surname clusters plus a weighted edit distance on folded keys."""

from __future__ import annotations

from functools import lru_cache

from inquiry.names.model import NameReading, PersonName

__all__ = ["key_similarity", "reading_similarity", "name_score", "MATCH_THRESHOLD"]

# Calibrated on tests/names/data/name_variants.csv (see docs/benchmarks/names.md).
MATCH_THRESHOLD = 0.84

# Substitutions that romanization systems make for the same sound cost less than 1.
_CHEAP_SUB: dict[frozenset[str], float] = {
    frozenset("ou"): 0.3,   # ㅓ/ㅗ/ㅜ/ㅡ once breves are gone; Sung/Song for 성
    frozenset("mn"): 0.5,   # Japanese syllabic n before labials (Kampei/Kanpei)
    frozenset("nN"): 0.9,
    frozenset("ei"): 0.6,
    frozenset("ae"): 0.6,
    frozenset("tc"): 0.7,   # Kunrei ti / Hepburn chi
}
# ㄴ/ㄹ alternate only at the start of a syllable (DPRK Ryo, ROK Nyeo/Yeo), i.e. before a vowel.
_ONSET_SUB: dict[frozenset[str], float] = {frozenset("ln"): 0.5}
_VOWELS = frozenset("aeiouwy")
# Insertions and deletions that spellings make freely.
_CHEAP_INDEL: dict[str, float] = {
    "h": 0.4,  # Ahn, Pahk, Yohko
    "l": 0.5,  # initial ㄹ kept in the DPRK, dropped in the ROK (Ryong / Yong)
    "u": 0.5,  # ㅢ written ui, ŭi, i or ee
    "a": 0.5,  # ㅐ/ㅔ confusion (ae / e)
    "e": 0.6,
    "w": 0.6,
    "y": 0.7,
    "n": 0.8,
}
_SUB_COST: dict[tuple[str, str], float] = {}
for _pair, _cost in _CHEAP_SUB.items():
    _x, _y = sorted(_pair)
    _SUB_COST[(_x, _y)] = _SUB_COST[(_y, _x)] = _cost


def _indel(a: str) -> float:
    return _CHEAP_INDEL.get(a, 1.0)


@lru_cache(maxsize=262144)
def key_similarity(a: str, b: str) -> float:
    """1 - weighted edit distance / length of the longer key, in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    sub_cost = _SUB_COST
    onset = _ONSET_SUB
    vowels = _VOWELS
    len_b = len(b)
    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + _indel(ch))
    for i, ca in enumerate(a):
        del_a = _indel(ca)
        next_a_vowel = i + 1 < len(a) and a[i + 1] in vowels
        cur = [prev[0] + del_a]
        for j in range(len_b):
            cb = b[j]
            if ca == cb:
                sub = 0.0
            else:
                sub = sub_cost.get((ca, cb), 1.0)
                if sub == 1.0 and next_a_vowel and j + 1 < len_b and b[j + 1] in vowels:
                    sub = onset.get(frozenset((ca, cb)), 1.0)
            cur.append(min(prev[j + 1] + del_a, cur[j] + _indel(cb), prev[j] + sub))
        prev = cur
    # One full edit costs at least 1/6: a consonant changed in a long name is still another name.
    return max(0.0, 1.0 - prev[-1] / min(max(len(a), len_b), 6))


def reading_similarity(a: NameReading, b: NameReading) -> float:
    if a.lang and b.lang and a.lang != b.lang:
        return 0.0  # a Korean reading and a Japanese reading are different names
    full = key_similarity(a.surname_key + a.given_key, b.surname_key + b.given_key)
    if not (a.surname_key and a.given_key and b.surname_key and b.given_key):
        return 0.9 * full
    if a.clusters & b.clusters:
        surname = 1.0
    else:
        surname = 0.8 * key_similarity(a.surname_key, b.surname_key)
    given = key_similarity(a.given_key, b.given_key)
    return max(given * (0.4 + 0.6 * surname), 0.9 * full if surname == 1.0 else 0.0)


def name_score(a: PersonName, b: PersonName) -> float:
    return max((reading_similarity(ra, rb) for ra in a.readings for rb in b.readings), default=0.0)
