"""The parsed name: what was written, and the readings used for matching."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

__all__ = ["PersonName", "NameReading"]


@dataclass(frozen=True, slots=True)
class NameReading:
    """One way to read a name: a language, a surname/given split, and their match keys.

    Keys use the folded alphabet of ``latin.latin_key`` in which ``N`` stands for ``ng``.
    ``clusters`` are the surname-cluster ids the surname may belong to (Song: 송 or 성).
    """

    lang: str | None
    surname_key: str
    given_key: str
    clusters: frozenset[str]
    order: str  # "family-first" or "given-first": how the original was written under this reading


@dataclass(frozen=True)
class PersonName:
    """A personal name as written, with its parse, romanizations and match readings.

    ``surname``/``given`` are substrings of the original (in its script) for the primary reading;
    ``surname_norm``/``given_norm``/``surname_cluster`` are the primary reading's canonical keys;
    ``readings`` lists every reading (both name orders when the order is uncertain; both the
    Korean and the Japanese reading of a pure Han-character name whose language is unknown).
    ``romanizations`` (computed on first use) maps a system (rr, mr, dprk, hepburn, latin) to text.
    """

    original: str
    script: str
    lang: str | None
    surname: str
    given: str
    surname_norm: str
    given_norm: str
    surname_cluster: str
    hangul: str | None = None
    readings: tuple[NameReading, ...] = field(default=(), repr=False)
    hangul_parts: tuple[str, str] | None = field(default=None, repr=False)
    other_romanizations: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @cached_property
    def romanizations(self) -> tuple[tuple[str, str], ...]:
        korean: tuple[tuple[str, str], ...] = ()
        if self.hangul_parts:
            from inquiry.names.hangul import korean_romanizations

            korean = korean_romanizations(*self.hangul_parts)
        return korean + self.other_romanizations

    @property
    def romanization(self) -> dict[str, str]:
        return dict(self.romanizations)
