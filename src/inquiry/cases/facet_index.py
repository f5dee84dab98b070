"""Facet counts from an in-memory index of every act: a few milliseconds at a million acts.

Counting with grouped queries cost 0.3–9 s per new combination of filters on a million acts (the
counts by source kind and language join a million information links), so twenty analysts
clicking through facets queued behind each other. Here each server process holds one row per act
in numpy arrays (about 30 bytes an act): act type, the facility and province it rolls up to,
its date bounds as day numbers, and a bit mask of the (source kind, language) pairs of the
sources that speak about it. Any combination of facets is then a few vectorised comparisons.

The index is rebuilt when the store version (``inquiry.cases.signals``) moves. A small store is
rebuilt at once and is always exact. On a large store (a build longer than ``SLOW_BUILD_SECONDS``;
about 7 s at a million acts) the rebuild runs in a background thread, and until it is done the
counts come from the previous index: they guide the choice of a filter and may lag a write by
seconds. Search results never lag: while the index is stale they come from the database.

Every reader of the case store sees every act (``acts_for_user``); if acts are ever restricted
per role, this index must be per role too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from inquiry.cases.models import Act, InformationLink, Source
from inquiry.places.models import Place

SLOW_BUILD_SECONDS = 0.5
REBUILD_PAUSE_SECONDS = 5.0
_NONE = -1
_UNDATED_EARLIEST = np.iinfo(np.int32).max  # an undated act overlaps no period
_UNDATED_LATEST = np.iinfo(np.int32).min
_UNDATED_YEAR = np.iinfo(np.int16).min
EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class PlaceRow:
    id: int
    parent_id: int | None
    kind: str
    code: str
    label: str


def place_rows() -> dict[int, PlaceRow]:
    """The gazetteer as a dict (one query): a few thousand rows at most, used to roll counts up."""
    rows = Place.objects.order_by().values_list("id", "parent_id", "kind", "code", "name", "name_ko")
    return {r[0]: PlaceRow(r[0], r[1], r[2], r[3], f"{r[4]} ({r[5]})" if r[5] else r[4]) for r in rows}


def ancestor(places: dict[int, PlaceRow], place_id: int | None, kind: str) -> PlaceRow | None:
    """The place itself or its nearest ancestor of ``kind`` (four levels at most, like the facet filter)."""
    seen = 0
    while place_id is not None and seen < 4:
        row = places.get(place_id)
        if row is None:
            return None
        if row.kind == kind:
            return row
        place_id, seen = row.parent_id, seen + 1
    return None


def _day_expression(column: str) -> str:
    """SQL for a date column as days since 1970-01-01 (NULL stays NULL)."""
    if connection.vendor == "postgresql":
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _fetch(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


@dataclass
class FacetIndex:
    token: str
    build_seconds: float
    act_types: list[str]  # position -> act type code
    type_of: np.ndarray  # per act: position in act_types
    facility_of: np.ndarray  # per act: position in facility_codes, or -1
    province_of: np.ndarray
    earliest: np.ndarray  # per act: day number of date_earliest
    latest: np.ndarray
    first_year: np.ndarray  # per act: the years of those bounds (for the timeline)
    last_year: np.ndarray
    pairs: np.ndarray  # per act: bit i set if a source of pair i speaks about it
    facility_codes: list[str]
    province_codes: list[str]
    pair_keys: list[tuple[str, str]]  # bit -> (source kind, language)
    places: dict[str, tuple[str, str]]  # code -> (kind, label) for facilities and provinces
    # What the search sections need to list the records around the matching acts:
    ids: np.ndarray  # per act: its id (ascending)
    event_of: np.ndarray  # per act: event id
    place_of: np.ndarray  # per act: place id, or -1
    victim_act: np.ndarray  # per victim link: position of the act
    victim_person: np.ndarray  # per victim link: person id
    link_act: np.ndarray  # per information link: position of the act
    link_source: np.ndarray  # per information link: source id
    link_bits: np.ndarray  # per information link: the (kind, language) bit of its source
    memo: dict = field(default_factory=dict)  # facet counts already computed on this index

    @property
    def size(self) -> int:
        return len(self.type_of)

    @classmethod
    def build(cls, token: str) -> FacetIndex:
        started = time.monotonic()
        places = place_rows()
        facility_codes, place_facility = _roll_up(places, Place.Kind.FACILITY)
        province_codes, place_province = _roll_up(places, Place.Kind.PROVINCE)

        act, link, source = Act._meta.db_table, InformationLink._meta.db_table, Source._meta.db_table
        rows = _fetch(f"SELECT id, act_type, place_id, {_day_expression('date_earliest')}, "
                      f"{_day_expression('date_latest')}, event_id FROM {act} ORDER BY id")
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        act_types = sorted({r[1] for r in rows})
        type_position = {code: i for i, code in enumerate(act_types)}
        type_of = np.fromiter((type_position[r[1]] for r in rows), dtype=np.int16, count=len(rows))
        place_ids = np.fromiter((_NONE if r[2] is None else r[2] for r in rows), dtype=np.int64, count=len(rows))
        earliest = np.fromiter((_UNDATED_EARLIEST if r[3] is None or r[4] is None else r[3] for r in rows),
                               dtype=np.int32, count=len(rows))
        latest = np.fromiter((_UNDATED_LATEST if r[3] is None or r[4] is None else r[4] for r in rows),
                             dtype=np.int32, count=len(rows))
        event_of = np.fromiter((r[5] for r in rows), dtype=np.int64, count=len(rows))
        del rows

        source_rows = _fetch(f"SELECT id, kind, language FROM {source}")
        pair_keys = sorted({(kind, language or "") for _id, kind, language in source_rows})
        if len(pair_keys) > 63:  # a few kinds times a few languages; guard the 64-bit mask anyway
            pair_keys = pair_keys[:63]
        bit_of = {key: i for i, key in enumerate(pair_keys)}
        source_bit = {sid: np.int64(1) << bit_of[(kind, language or "")]
                      for sid, kind, language in source_rows if (kind, language or "") in bit_of}
        del source_rows
        links = _fetch(f"SELECT act_id, source_id FROM {link}")
        link_act, known = _positions(ids, links)
        link_source = np.fromiter((r[1] for r in links), dtype=np.int64, count=len(links))[known]
        link_bits = np.fromiter((source_bit.get(r[1], 0) for r in links), dtype=np.int64, count=len(links))[known]
        del links
        pairs = np.zeros(len(ids), dtype=np.int64)
        np.bitwise_or.at(pairs, link_act, link_bits)
        victims_table = Act.victims.through._meta.db_table
        victims = _fetch(f"SELECT act_id, person_id FROM {victims_table}")
        victim_act, known = _positions(ids, victims)
        victim_person = np.fromiter((r[1] for r in victims), dtype=np.int64, count=len(victims))[known]
        del victims
        return cls(
            token=token, build_seconds=time.monotonic() - started,
            act_types=act_types, type_of=type_of,
            facility_of=_lookup(place_facility, place_ids), province_of=_lookup(place_province, place_ids),
            earliest=earliest, latest=latest, pairs=pairs,
            first_year=_years(earliest, _UNDATED_EARLIEST), last_year=_years(latest, _UNDATED_LATEST),
            facility_codes=facility_codes, province_codes=province_codes, pair_keys=pair_keys,
            places={r.code: (r.kind, r.label) for r in places.values()
                    if r.kind in (Place.Kind.FACILITY, Place.Kind.PROVINCE)},
            ids=ids, event_of=event_of, place_of=place_ids, victim_act=victim_act.astype(np.int32),
            victim_person=victim_person, link_act=link_act.astype(np.int32), link_source=link_source,
            link_bits=link_bits,
        )

    # --- masks -----------------------------------------------------------------------------------

    def act_mask(self, name: str, value, bounds: tuple[int, int] | None = None) -> np.ndarray:
        """Acts matching one act facet (``value`` already resolved: act type codes, place code, …)."""
        if name in ("act_type", "pattern"):
            wanted = [i for i, code in enumerate(self.act_types) if code in value]
            return np.isin(self.type_of, wanted)
        if name == "facility":
            return self.facility_of == _position(self.facility_codes, value)
        if name == "province":
            return self.province_of == _position(self.province_codes, value)
        if name == "period":
            lo, hi = bounds
            return (self.earliest <= hi) & (self.latest >= lo)
        raise ValueError(name)

    def pair_bits(self, kind: str = "", language: str = "") -> np.int64:
        """The mask bits of every (kind, language) pair that fits the given kind and language."""
        bits = np.int64(0)
        for i, (k, lang) in enumerate(self.pair_keys):
            if (not kind or k == kind) and (not language or lang == language):
                bits |= np.int64(1) << i
        return bits

    def source_mask(self, kind: str, language: str) -> np.ndarray:
        """Acts with at least one source of that kind and that language (the same source)."""
        return (self.pairs & self.pair_bits(kind, language)) != 0

    # --- counts ----------------------------------------------------------------------------------

    def by_act_type(self, mask: np.ndarray | None) -> dict[str, int]:
        counts = np.bincount(self.type_of if mask is None else self.type_of[mask], minlength=len(self.act_types))
        return {code: int(n) for code, n in zip(self.act_types, counts, strict=True) if n}

    def by_place(self, kind: str, mask: np.ndarray | None) -> dict[str, int]:
        of, codes = ((self.facility_of, self.facility_codes) if kind == Place.Kind.FACILITY
                     else (self.province_of, self.province_codes))
        chosen = of if mask is None else of[mask]
        counts = np.bincount(chosen[chosen >= 0], minlength=len(codes))
        return {code: int(n) for code, n in zip(codes, counts, strict=True) if n}

    def by_source(self, field: str, mask: np.ndarray | None, *, kind: str = "", language: str = "") -> dict[str, int]:
        """Acts per source kind (``field="kind"``) or language, each act once per value."""
        chosen = self.pairs if mask is None else self.pairs[mask]
        values = sorted({k if field == "kind" else lang for k, lang in self.pair_keys})
        out = {}
        for value in values:
            bits = self.pair_bits(value, language) if field == "kind" else self.pair_bits(kind, value)
            n = int(np.count_nonzero(chosen & bits)) if bits else 0
            if n:
                out[value] = n
        return out


    def by_place_id(self, mask: np.ndarray | None) -> dict[int, int]:
        """Acts per place id as recorded (not rolled up); acts without a place are left out."""
        chosen = self.place_of if mask is None else self.place_of[mask]
        ids, counts = np.unique(chosen[chosen >= 0], return_counts=True)
        return {int(i): int(n) for i, n in zip(ids, counts, strict=True)}

    def by_year_pair(self, mask: np.ndarray | None) -> tuple[list[tuple[int, int, int]], int]:
        """(first year, last year, acts) for every pair of bound years, and the undated acts."""
        first = self.first_year if mask is None else self.first_year[mask]
        last = self.last_year if mask is None else self.last_year[mask]
        dated = first != _UNDATED_YEAR
        first, last = first[dated].astype(np.int64), last[dated].astype(np.int64)
        undated = int(len(dated) - len(first))
        if not len(first):
            return [], undated
        # One integer per pair, counted by bincount: np.unique over pairs sorted a million rows (2 s).
        low = int(min(first.min(), last.min()))
        width = int(max(first.max(), last.max())) - low + 1
        keys = (first - low) * width + (last - low)
        if width * width <= 4_000_000:
            counts = np.bincount(keys, minlength=width * width)
            found = np.flatnonzero(counts)
            found_counts = counts[found]
        else:  # bounds centuries apart: a sort is cheaper than a huge count array
            found, found_counts = np.unique(keys, return_counts=True)
        rows = [(low + int(k) // width, low + int(k) % width, int(n)) for k, n in zip(found, found_counts, strict=True)]
        return rows, undated

    # --- records around the matching acts -------------------------------------------------------

    def related_ids(self, what: str, mask: np.ndarray | None, *, kind: str = "", language: str = "") -> np.ndarray:
        """Ids of the events, places, persons (victims) or sources of the acts in ``mask``, newest
        (highest id) first. Sources can be narrowed to a kind and language of their own."""
        return np.flatnonzero(self.related(what, mask, kind=kind, language=language))[::-1]

    def related(self, what: str, mask: np.ndarray | None, *, kind: str = "", language: str = "") -> np.ndarray:
        """``related_ids`` as a presence array: ``out[id]`` is True for every such id (ids are dense,
        so this costs no sort of up to a million ids)."""
        if what == "event":
            found = self.event_of if mask is None else self.event_of[mask]
        elif what == "place":
            found = self.place_of if mask is None else self.place_of[mask]
            found = found[found >= 0]
        elif what == "person":
            found = self.victim_person if mask is None else self.victim_person[mask[self.victim_act]]
        elif what == "source":
            keep = np.ones(len(self.link_act), dtype=bool) if mask is None else mask[self.link_act]
            if kind or language:
                keep &= (self.link_bits & self.pair_bits(kind, language)) != 0
            found = self.link_source[keep]
        else:
            raise ValueError(what)
        present = np.zeros(int(found.max()) + 1 if len(found) else 0, dtype=bool)
        present[found] = True
        return present


def _positions(ids: np.ndarray, rows: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``ids`` of the acts the rows (act id first) belong to, and which rows have one.

    The tables are read one after the other, so an act written in between may have links but no
    row of its own here; such links are left out (the store version has moved, so the index will
    be rebuilt) rather than pinned to a neighbouring act.
    """
    act_ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    positions = np.searchsorted(ids, act_ids)
    known = positions < len(ids)
    known[known] = ids[positions[known]] == act_ids[known]
    return positions[known], known


def _years(days: np.ndarray, undated: int) -> np.ndarray:
    """Calendar years of day numbers (since 1970-01-01); undated acts get _UNDATED_YEAR."""
    years = np.full(len(days), _UNDATED_YEAR, dtype=np.int16)
    dated = days != undated
    years[dated] = days[dated].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    return years


def _roll_up(places: dict[int, PlaceRow], kind: str) -> tuple[list[str], dict[int, int]]:
    """The codes of the places of ``kind``, and place id -> position of the place or its nearest
    ancestor of that kind in those codes."""
    codes = sorted(r.code for r in places.values() if r.kind == kind)
    position = {code: i for i, code in enumerate(codes)}
    out = {}
    for place_id in places:
        row = ancestor(places, place_id, kind)
        if row is not None:
            out[place_id] = position[row.code]
    return codes, out


def _lookup(mapping: dict[int, int], place_ids: np.ndarray) -> np.ndarray:
    if not mapping or not len(place_ids):
        return np.full(len(place_ids), _NONE, dtype=np.int16)
    table = np.full(max(max(mapping), int(place_ids.max())) + 2, _NONE, dtype=np.int16)
    for place_id, i in mapping.items():
        table[place_id] = i
    # place_id -1 (no place) reads the last cell, which no place uses
    return table[place_ids]


def _position(codes: Iterable[str], code: str) -> int:
    for i, c in enumerate(codes):
        if c == code:
            return i
    return -2  # matches nothing (-1 is "no place")


_current: FacetIndex | None = None
_lock = threading.Lock()  # held while building
_background: threading.Thread | None = None
_last_build_finished = 0.0


def current_index(*, exact: bool = False) -> FacetIndex | None:
    """This process's index, up to date with the store (see the module docstring).

    A small store is rebuilt at once. On a large one a stale index is rebuilt in the background
    and, meanwhile, still answers for counts; with ``exact=True`` the caller gets None instead and
    should ask the database.
    """
    global _current
    from inquiry.cases.signals import store_version_token

    token = store_version_token()
    index = _current
    if index is not None and index.token == token:
        return index
    if index is None or index.build_seconds <= SLOW_BUILD_SECONDS:
        with _lock:  # one thread builds; the others wait for it rather than building too
            if _current is None or _current.token != token:
                _current = _build(token)
            return _current
    _rebuild_in_background(token)
    return None if exact else index


def _build(token: str) -> FacetIndex:
    global _last_build_finished
    try:
        return FacetIndex.build(token)
    finally:
        _last_build_finished = time.monotonic()


def _rebuild_in_background(token: str) -> None:
    """Start one rebuild thread unless one is running or one finished moments ago (so that a
    stream of writes costs one rebuild every few seconds, not one per request)."""
    global _background
    with _lock:
        if _background is not None and _background.is_alive():
            return
        if time.monotonic() - _last_build_finished < REBUILD_PAUSE_SECONDS:
            return
        _background = threading.Thread(target=_rebuild, args=(token,), name="facet-index-rebuild", daemon=True)
        _background.start()


def _rebuild(token: str) -> None:
    global _current
    from django.db import connection as thread_connection

    try:
        fresh = _build(token)
        with _lock:
            _current = fresh
    finally:
        thread_connection.close()


def warm_up() -> None:
    """Build this process's index now (a server worker calls it in a thread as it starts), so
    that the first analyst to open the search does not wait for it."""
    import os
    import sys

    from django.db import connection as thread_connection

    try:
        index = current_index()
        # Operators (and the load benchmark) wait for this line before timing anything.
        print(f"inquiry: worker {os.getpid()} ready: facet index of {index.size} acts built in "
              f"{index.build_seconds:.1f} s", file=sys.stderr, flush=True)
    finally:
        thread_connection.close()


def forget_index() -> None:
    """Drop this process's index (tests, and after a restore)."""
    global _current
    with _lock:
        _current = None
