"""Plain, immutable records of a deployment profile."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from inquiry.profiles.dates import Bound, date_bounds, overlaps

__all__ = [
    "ActType",
    "Chapter",
    "FacilityType",
    "OrgName",
    "Organisation",
    "Pattern",
]


@dataclass(frozen=True)
class Pattern:
    code: str
    order: int
    label: Mapping[str, str]
    chapters: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Chapter:
    code: str
    label: Mapping[str, str]
    source: str
    scope: str | None = None
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActType:
    code: str
    label: Mapping[str, str]
    patterns: tuple[str, ...]
    crimes: tuple[str, ...]
    # crime code -> element numbers an act of this type shows by its nature (default (1,))
    elements: Mapping[str, tuple[int, ...]]
    parent: str | None = None
    label_status: str = "glossary"
    source: str = ""
    note: str | None = None

    def elements_for(self, crime: str) -> tuple[int, ...]:
        if crime not in self.crimes:
            return ()
        return self.elements.get(crime, (1,))


@dataclass(frozen=True)
class OrgName:
    when: str  # EDTF interval
    start: Bound
    end: Bound
    label: Mapping[str, str]
    aliases: tuple[str, ...]
    verification: str
    sources: tuple[str, ...]
    note: str | None = None
    label_status: str = "glossary"


@dataclass(frozen=True)
class Organisation:
    """One body with its dated names: a renamed body is one organisation, not two."""

    id: str
    kind: str
    summary: Mapping[str, str]
    names: tuple[OrgName, ...]
    aliases: tuple[str, ...] = ()
    note: str | None = None

    def names_during(self, when: str) -> tuple[OrgName, ...]:
        """All names in use at any time within the EDTF date or interval ``when``."""
        start, end = date_bounds(when)
        return tuple(n for n in self.names if overlaps(n.start, n.end, start, end))

    def name_on(self, when: str) -> OrgName | None:
        """The name in use at ``when`` (EDTF); on a boundary the later name wins."""
        names = self.names_during(when)
        if not names:
            return None
        return max(names, key=lambda n: n.start or (-10_000, 1, 1))

    def label_on(self, when: str, lang: str = "en") -> str | None:
        name = self.name_on(when)
        return None if name is None else name.label.get(lang)

    @property
    def current_name(self) -> OrgName:
        return max(self.names, key=lambda n: n.start or (-10_000, 1, 1))

    def all_names(self) -> tuple[str, ...]:
        out: list[str] = list(self.aliases)
        for n in self.names:
            out += list(n.label.values()) + list(n.aliases)
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class FacilityType:
    code: str
    label: Mapping[str, str]
    operator: str | None
    verification: str
    source: str
    romanizations: tuple[str, ...] = ()
    note: str | None = None
    label_status: str = "glossary"
    extra: Mapping[str, Any] = field(default_factory=dict)
