"""Rome Statute article 7 and the ICC Elements of Crimes, read from package data.

The text in ``data/elements_art7.yaml`` is verbatim (see ``data/SOURCES.md``); this module only
parses and validates it. Every element keeps its verification status so that callers can warn
before a single-source element is cited in a filing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from inquiry.errors import InvalidInput, NotFound

__all__ = [
    "Crime",
    "Element",
    "LegalFramework",
    "SubElement",
    "VERIFICATION_STATUSES",
    "load_framework",
    "parse_framework",
]

VERIFICATION_STATUSES = (
    "cross_checked",
    "template_cross_checked",
    "partially_cross_checked",
    "single_source",
)


@dataclass(frozen=True)
class SubElement:
    letter: str
    text: str


@dataclass(frozen=True)
class Element:
    crime: str
    number: int
    text: str
    contextual: bool
    verification: str
    subelements: tuple[SubElement, ...] = ()
    footnotes: tuple[int, ...] = ()
    note: str | None = None

    @property
    def ref(self) -> str:
        """Stable reference used across the API, e.g. ``7(1)(e):2``."""
        return f"{self.crime}:{self.number}"

    @property
    def full_text(self) -> str:
        parts = [self.text] if self.text else []
        parts += [f"({s.letter}) {s.text}" for s in self.subelements]
        return " ".join(parts)


@dataclass(frozen=True)
class Crime:
    code: str
    title: str
    elements: tuple[Element, ...]

    @property
    def specific_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if not e.contextual)

    @property
    def contextual_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.contextual)

    def element(self, number: int) -> Element:
        for e in self.elements:
            if e.number == number:
                return e
        raise NotFound(
            "Crime {crime} has no element {number}.", code="element_not_found", crime=self.code, number=number
        )

    def verification_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.elements:
            counts[e.verification] = counts.get(e.verification, 0) + 1
        return counts


@dataclass(frozen=True)
class LegalFramework:
    name: str
    crimes: tuple[Crime, ...]
    definitions: dict[str, str]  # article 7(2) letter -> verbatim text
    footnotes: dict[int, str]
    statute_paragraph_1: dict[str, str]  # article 7(1) letter -> verbatim text
    introduction: tuple[str, ...]

    def crime(self, code: str) -> Crime:
        for c in self.crimes:
            if c.code == code:
                return c
        raise NotFound("Unknown article 7 crime {crime}.", code="crime_not_found", crime=code)

    @property
    def crime_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.crimes)

    def element(self, ref: str) -> Element:
        """Resolve ``"7(1)(e):2"``."""
        code, _, number = ref.rpartition(":")
        if not code or not number.isdigit():
            raise InvalidInput(
                "Element reference {ref} is not of the form CRIME:NUMBER.", code="bad_element_ref", ref=ref
            )
        return self.crime(code).element(int(number))

    @property
    def element_count(self) -> int:
        return sum(len(c.elements) for c in self.crimes)


def _require(mapping: Any, key: str, where: str, file: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise InvalidInput(
            "{file}: {where}: missing field {key}.", field=key, file=file, where=where, key=key
        )
    return mapping[key]


def _footnote_numbers(raw: Any) -> tuple[int, ...]:
    return tuple(int(f["footnote"]) for f in raw or ())


def parse_framework(data: dict[str, Any], *, name: str, file: str = "elements_art7.yaml") -> LegalFramework:
    """Validate and build a framework from parsed YAML; errors name the crime and element."""
    crimes: list[Crime] = []
    seen: set[str] = set()
    for row, raw in enumerate(_require(data, "crimes", "top level", file), start=1):
        code = str(_require(raw, "code", f"crime {row}", file))
        if code in seen:
            raise InvalidInput(
                "{file}: crime {crime} appears twice.", row=row, field="code", file=file, crime=code
            )
        seen.add(code)
        elements: list[Element] = []
        for i, el in enumerate(_require(raw, "elements", f"crime {code}", file), start=1):
            where = f"crime {code} element {i}"
            number = int(_require(el, "number", where, file))
            if number != i:
                raise InvalidInput(
                    "{file}: {where}: elements must be numbered 1, 2, 3... in order.",
                    row=row,
                    field="number",
                    file=file,
                    where=where,
                )
            verification = _require(el, "verification", where, file)
            if verification not in VERIFICATION_STATUSES:
                raise InvalidInput(
                    "{file}: {where}: unknown verification status {value}.",
                    row=row,
                    field="verification",
                    file=file,
                    where=where,
                    value=verification,
                )
            subs = tuple(SubElement(str(s["letter"]), str(s["text"])) for s in el.get("subelements") or ())
            notes = _footnote_numbers(el.get("footnote_refs"))
            for s in el.get("subelements") or ():
                notes += _footnote_numbers(s.get("footnote_refs"))
            elements.append(
                Element(
                    crime=code,
                    number=number,
                    text=str(el.get("text", "")),
                    contextual=bool(_require(el, "contextual", where, file)),
                    verification=verification,
                    subelements=subs,
                    footnotes=notes,
                    note=el.get("note"),
                )
            )
        if [e.contextual for e in elements[-2:]] != [True, True]:
            raise InvalidInput(
                "{file}: crime {crime}: the last two elements must be contextual.",
                row=row,
                field="contextual",
                file=file,
                crime=code,
            )
        crimes.append(
            Crime(
                code=code, title=str(_require(raw, "title", f"crime {code}", file)), elements=tuple(elements)
            )
        )
    statute = _require(data, "rome_statute_article_7", "top level", file)
    para1 = {str(s["letter"]): str(s["text"]) for s in statute["paragraph_1"]["subparagraphs"]}
    para2 = {str(s["letter"]): str(s["text"]) for s in statute["paragraph_2"]["subparagraphs"]}
    footnotes = {int(f["number"]): str(f["text"]) for f in data.get("footnotes") or ()}
    intro = tuple(str(p["text"]) for p in data.get("eoc_article_7_introduction") or ())
    return LegalFramework(
        name=name,
        crimes=tuple(crimes),
        definitions=para2,
        footnotes=footnotes,
        statute_paragraph_1=para1,
        introduction=intro,
    )


def _data_path(name: str) -> Path:
    return Path(str(resources.files("inquiry.law").joinpath("data", f"{name}.yaml")))


@functools.cache
def load_framework(name: str = "elements_art7") -> LegalFramework:
    """Load a legal framework shipped in ``inquiry/law/data`` (cached)."""
    path = _data_path(name)
    if not path.is_file():
        raise NotFound("No legal framework called {name}.", code="framework_not_found", name=name)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return parse_framework(data, name=name, file=path.name)
