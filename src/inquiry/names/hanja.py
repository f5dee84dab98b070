"""Han characters read as Korean (hanja -> hangul) with the name reading first (Unihan kHangul)."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

__all__ = ["is_han", "hanja_readings", "hanja_to_hangul", "hanja_to_hangul_variants"]


def is_han(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3134F or code == 0x3005)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    text = resources.files("inquiry.names").joinpath("data/hanja_hangul.tsv").read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        char, readings = line.split("\t")
        table[char] = tuple(readings.split())
    return table


def hanja_readings(ch: str) -> tuple[str, ...]:
    """All hangul readings of one Han character, the name reading (Unihan flag N) first."""
    return _table().get(ch, ())


@lru_cache(maxsize=65536)
def hanja_to_hangul(text: str) -> str | None:
    """Read a Han string as a Korean name; None if some character has no Korean reading."""
    out = []
    for ch in text:
        if is_han(ch):
            readings = hanja_readings(ch)
            if not readings:
                return None
            out.append(readings[0])
        elif not ch.isspace():
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def hanja_to_hangul_variants(text: str, *, limit: int = 4) -> tuple[str, ...]:
    """Readings of a Han string, the name reading first, then other readings (at most ``limit``).

    Unihan flags several readings of some characters (均: 연 and 균; 兒: 예 and 아), so one
    reading is not enough; characters with no Korean reading are skipped.
    """
    variants = [""]
    for ch in text:
        if ch.isspace():
            continue
        readings = hanja_readings(ch) if is_han(ch) else (ch,)
        if not readings:
            continue
        variants = [v + r for v in variants for r in readings][:limit]
    return tuple(v for v in variants if v)
