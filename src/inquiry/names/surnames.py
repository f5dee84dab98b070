"""Korean surname clusters: every hangul, hanja and Latin spelling of one surname shares a cluster id."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from inquiry.names.hangul import hangul_key, romanize_dprk, romanize_mr, romanize_rr
from inquiry.names.latin import latin_key

__all__ = ["SurnameTable", "surname_table", "clusters_for_hangul", "clusters_for_latin", "surname_rank",
           "TWO_SYLLABLE_SURNAMES"]

TWO_SYLLABLE_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"})


@dataclass(frozen=True)
class SurnameTable:
    by_hangul: dict[str, frozenset[str]]
    by_hanja: dict[str, frozenset[str]]
    by_key: dict[str, frozenset[str]]
    hangul_of: dict[str, tuple[str, ...]]
    two_syllable_hanja: frozenset[str]
    rank: dict[str, int]  # cluster -> position in the table, which is ordered by frequency


@cache
def surname_table() -> SurnameTable:
    text = resources.files("inquiry.names").joinpath("data/korean_surnames.tsv").read_text(encoding="utf-8")
    by_hangul: dict[str, set[str]] = {}
    by_hanja: dict[str, set[str]] = {}
    by_key: dict[str, set[str]] = {}
    hangul_of: dict[str, tuple[str, ...]] = {}
    two_hanja = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cluster, hanguls, hanjas, latins = line.split("\t")
        hangul_of[cluster] = tuple(hanguls.split())
        for h in hanguls.split():
            by_hangul.setdefault(h, set()).add(cluster)
            # The romanizations generated from hangul are spellings of the surname too.
            by_key.setdefault(hangul_key(h), set()).add(cluster)
            for form in (romanize_rr(h), romanize_mr(h), romanize_dprk(h)):
                by_key.setdefault(latin_key(form), set()).add(cluster)
        for c in hanjas.split():
            by_hanja.setdefault(c, set()).add(cluster)
            if len(c) == 2:
                two_hanja.add(c)
        for spelling in latins.split():
            by_key.setdefault(latin_key(spelling), set()).add(cluster)
    return SurnameTable(
        by_hangul={k: frozenset(v) for k, v in by_hangul.items()},
        by_hanja={k: frozenset(v) for k, v in by_hanja.items()},
        by_key={k: frozenset(v) for k, v in by_key.items()},
        hangul_of=hangul_of,
        two_syllable_hanja=frozenset(two_hanja),
        rank={cluster: n for n, cluster in enumerate(hangul_of)},
    )


@lru_cache(maxsize=4096)
def clusters_for_hangul(surname: str) -> frozenset[str]:
    """Cluster ids of a hangul surname; an unknown surname gets a cluster of its own key."""
    found = surname_table().by_hangul.get(surname)
    if found:
        return found
    return frozenset({"~" + hangul_key(surname)})


@lru_cache(maxsize=65536)
def clusters_for_latin(surname: str) -> frozenset[str]:
    """Cluster ids a Latin surname may belong to (Song may be 송 or 성); unknown -> its own key."""
    key = latin_key(surname)
    found = surname_table().by_key.get(key)
    if found:
        return found
    return frozenset({"~" + key})


def is_known_latin_surname(surname: str) -> bool:
    return latin_key(surname) in surname_table().by_key


@lru_cache(maxsize=65536)
def surname_rank(surname: str) -> int | None:
    """Frequency rank of the most common Korean surname a Latin spelling can be; None if unknown."""
    table = surname_table()
    clusters = table.by_key.get(latin_key(surname))
    return min(table.rank[c] for c in clusters) if clusters else None
