"""Blocking keys and canonical forms, script-independent through the folded key alphabet."""

from __future__ import annotations

from functools import lru_cache

from inquiry.names.model import NameReading, PersonName

__all__ = ["reading_keys", "skeleton", "canonical_reading_forms"]

_DROP = frozenset("aeiouywhl")
_ASSIMILATING = frozenset("Nmkp")


@lru_cache(maxsize=262144)
def skeleton(key: str) -> str:
    """Consonant skeleton: vowels, glides, h and l go (they vary most between spellings), m is n."""
    out: list[str] = []
    prev = ""
    for ch in key:
        # ㄹ after ㅇ/ㅁ/ㄱ/ㅂ is pronounced and often written n (성렬 Sŏng-nyŏl, 극렬 Kŭngnyŏl).
        skip = ch in _DROP or (ch == "n" and prev in _ASSIMILATING)
        prev = ch
        if skip:
            continue
        ch = "n" if ch == "m" else ch
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def reading_keys(reading: NameReading) -> set[str]:
    if not reading.surname_key:
        return {f"~|{skeleton(reading.given_key)}"}
    return {f"{cluster}|{skeleton(reading.given_key)}" for cluster in reading.clusters}


def canonical_reading_forms(name: PersonName) -> list[str]:
    out: list[str] = []
    for reading in name.readings:
        given = reading.given_key.replace("N", "ng")
        for cluster in sorted(reading.clusters):
            form = f"{cluster} {given}".strip()
            if form not in out:
                out.append(form)
    return out
