"""Places (admin divisions) and detention facilities, with spelling-tolerant lookup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from inquiry.profiles.text import (
    fold_latin,
    fold_latin_loose,
    hangul_key,
    is_hangul,
    rok_spelling,
    strip_suffix,
)

__all__ = ["Facility", "FacilityStatus", "Gazetteer", "Place", "PlaceMatch", "aliases_for"]


@dataclass(frozen=True)
class Place:
    """An admin division. ``key`` is the code, or ``WP:<parent>:<name>`` for the two uncoded rows."""

    key: str
    code: str | None
    level: int  # 1 = province-level, 2 = city/county/district
    parent_code: str | None
    type: str | None  # None where the sources give no unit type
    type_ko: str | None
    name_ko_dprk: str | None
    name_ko_rok: str | None  # equals the DPRK spelling unless the source gives a different one
    name_mr: str | None
    name_rr: str | None
    name_ko_variants: tuple[str, ...]
    ocha_pcode: str | None
    ocha_name: str | None
    geonames_id: str | None
    wof_id: str | None
    wikidata_qid: str | None
    lat: float | None
    lon: float | None
    coord_precision: str | None  # "centroid" for the WOF polygon centroids shipped here
    coord_source: str | None
    source: str
    notes: str | None


@dataclass(frozen=True)
class FacilityStatus:
    status: str
    as_of: str | None  # EDTF; None when the source's date is not known
    verification: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Facility:
    id: str
    name_ko: str | None
    name_en: str
    type: str
    number: str | None
    province: str
    adm2_code: str | None
    lat: float | None
    lon: float | None
    precision_km: float | None
    status: str  # as given in facilities.csv
    status_history: tuple[FacilityStatus, ...]
    operator: str | None  # organisation id, from the facility type
    source: str
    notes: str | None


@dataclass(frozen=True)
class PlaceMatch:
    item: Place | Facility
    alias: str
    score: float
    how: str  # "exact", "normalised" or "loose"

    @property
    def key(self) -> str:
        return self.item.key if isinstance(self.item, Place) else self.item.id


def _variants(name: str | None) -> list[str]:
    if not name:
        return []
    out = [name]
    stem = strip_suffix(name)
    if stem:
        out.append(stem)
    if is_hangul(name):
        out += [rok_spelling(v) for v in list(out)]
    return out


def aliases_for(
    item: Place | Facility, facility_romanizations: Mapping[str, Iterable[str]] | None = None
) -> tuple[str, ...]:
    """Every spelling a user may type for a place or facility (deduplicated, in a stable order).

    Places: hangul (DPRK and ROK spelling, GeoNames variants, with and without the unit suffix),
    McCune–Reischauer with and without suffix (diacritics and apostrophes are folded at lookup),
    Revised Romanization, the OCHA name and the codes. Facilities: hangul name, English name,
    "Camp N" for kwanliso, "<type> No. N" in the usual romanizations, and the id.
    """
    names: list[str] = []
    if isinstance(item, Place):
        for n in (
            item.name_ko_dprk,
            item.name_ko_rok,
            *item.name_ko_variants,
            item.name_mr,
            item.name_rr,
            item.ocha_name,
        ):
            names += _variants(n)
        names += [c for c in (item.code, item.ocha_pcode) if c]
    else:
        names += _variants(item.name_ko)
        names.append(item.name_en)
        names.append(item.id)
        if item.number:
            spellings = list((facility_romanizations or {}).get(item.type, ())) or [item.type]
            for sp in spellings:
                names += [f"{sp} {item.number}", f"{sp} No. {item.number}"]
            if item.type == "kwanliso":
                names.append(f"Camp {item.number}")
    return tuple(dict.fromkeys(n for n in names if n))


def _keys(text: str) -> tuple[str, str]:
    """(normalised key, loose key) for one spelling."""
    if is_hangul(text):
        key = hangul_key(text)
        return key, key
    key = fold_latin(text)
    return key, fold_latin_loose(key)


class Gazetteer:
    """Admin divisions and facilities of a profile, with hierarchy and lookup."""

    def __init__(
        self,
        places: Iterable[Place],
        facilities: Iterable[Facility],
        crosswalk: Iterable[Mapping[str, str]] = (),
        facility_romanizations: Mapping[str, Iterable[str]] | None = None,
        attribution: str = "",
    ) -> None:
        self.places: dict[str, Place] = {p.key: p for p in places}
        self.facilities: dict[str, Facility] = {f.id: f for f in facilities}
        self.crosswalk: tuple[Mapping[str, str], ...] = tuple(crosswalk)
        self.attribution = attribution
        self._exact: dict[str, list[tuple[str, object]]] = {}
        self._norm: dict[str, list[tuple[str, object]]] = {}
        self._loose: dict[str, list[tuple[str, object]]] = {}
        for item in (*self.places.values(), *self.facilities.values()):
            for alias in aliases_for(item, facility_romanizations):
                norm, loose = _keys(alias)
                self._exact.setdefault(alias.casefold(), []).append((alias, item))
                if norm:
                    self._norm.setdefault(norm, []).append((alias, item))
                if loose:
                    self._loose.setdefault(loose, []).append((alias, item))

    # --- hierarchy -------------------------------------------------------------------
    @property
    def adm1(self) -> tuple[Place, ...]:
        return tuple(p for p in self.places.values() if p.level == 1)

    @property
    def adm2(self) -> tuple[Place, ...]:
        return tuple(p for p in self.places.values() if p.level == 2)

    def get(self, key: str) -> Place | Facility | None:
        return self.places.get(key) or self.facilities.get(key)

    def parent(self, place: Place | Facility) -> Place | None:
        code = place.parent_code if isinstance(place, Place) else (place.adm2_code or place.province)
        return self.places.get(code) if code else None

    def ancestors(self, place: Place | Facility) -> tuple[Place, ...]:
        out: list[Place] = []
        current = self.parent(place)
        while current is not None and current not in out:
            out.append(current)
            current = self.parent(current)
        return tuple(out)

    def children(self, code: str) -> tuple[Place, ...]:
        return tuple(p for p in self.places.values() if p.parent_code == code)

    def facilities_in(self, code: str) -> tuple[Facility, ...]:
        return tuple(f for f in self.facilities.values() if code in (f.province, f.adm2_code))

    # --- lookup ------------------------------------------------------------------------
    def lookup(
        self, text: str, *, limit: int = 10, kinds: tuple[str, ...] = ("place", "facility")
    ) -> list[PlaceMatch]:
        """Places and facilities matching ``text`` in any spelling, best first.

        Tolerates DPRK/ROK hangul (녕변/영변), MR diacritics and apostrophes, case, hyphens,
        DPRK-style initials (Nyongbyon, Ryanggang) and a missing unit suffix (영변 for 영변군).
        """
        text = (text or "").strip()
        if not text:
            return []
        found: dict[int, PlaceMatch] = {}
        self._match(text, 0.0, kinds, found)
        stem = strip_suffix(text)
        if stem:  # "Yodok County", "요덕 군": try again without the unit word, a little weaker
            self._match(stem, 0.1, kinds, found)
        ranked = sorted(found.values(), key=lambda m: (-m.score, _level(m.item), m.key))
        return ranked[:limit]

    def _match(self, text: str, penalty: float, kinds: tuple[str, ...], found: dict[int, PlaceMatch]) -> None:
        norm, loose = _keys(text)
        for table, key, score, how in (
            (self._exact, text.casefold(), 1.0, "exact"),
            (self._norm, norm, 0.9, "normalised"),
            (self._loose, loose, 0.75, "loose"),
        ):
            for alias, item in table.get(key, ()):
                kind = "place" if isinstance(item, Place) else "facility"
                if kind not in kinds:
                    continue
                # A match on a name without its unit suffix is slightly weaker than on the full name.
                stem_penalty = 0.05 if strip_suffix(alias) is None and _is_stem_of(alias, item) else 0.0
                adjusted = round(score - stem_penalty - penalty, 3)
                best = found.get(id(item))
                if best is None or adjusted > best.score:
                    found[id(item)] = PlaceMatch(item=item, alias=alias, score=adjusted, how=how)


def _is_stem_of(alias: str, item: Place | Facility) -> bool:
    full = (item.name_ko_dprk, item.name_ko_rok, item.name_mr) if isinstance(item, Place) else (item.name_ko,)
    return any(f and f != alias and strip_suffix(f) in (alias, rok_spelling(alias)) for f in full)


def _level(item: Place | Facility) -> int:
    return item.level if isinstance(item, Place) else 3
