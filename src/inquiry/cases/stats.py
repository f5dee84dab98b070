"""Counts of acts for the map, the timeline and the dashboards.

Every function takes the queryset that :func:`inquiry.cases.facets.acts_for_user` returns, so the
map, the timeline, the charts and the tables beside them count the same acts. Only grouped
queries run: the number of queries never depends on how many acts or places there are.

How uncertain dates count (see docs/workbench-explore.md):

- an act whose date bounds (``date_earliest``–``date_latest``) fall in one calendar year counts
  in that year ("1997", "spring 1997", "1997-05-03");
- an act whose bounds span several years ("1997/1999", "1990s", "about 1995", "before 2004")
  is not put in any single year: it counts once in ``ranges`` under its first and last year, and
  the timeline draws it as a range; ``possible`` adds a closed range to every year it may fall
  in, which is shown beside the single-year counts but never added to them (open-ended dates
  are left out of ``possible``: they could fall in any year on one side);
- an act with no date counts as ``undated``.

So ``sum(exact) + sum(ranges) + undated`` is the number of acts, and no act is counted twice.
Open ends ("before 2004", "after 2010") are stored as 1900 and 2100 (see ``inquiry.dates``) and
come back here flagged ``open_start``/``open_end``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, QuerySet

from inquiry.cases.models import Act, Event
from inquiry.dates import OPEN_MAX, OPEN_MIN
from inquiry.places.models import Place

__all__ = [
    "ExploreStats", "PlaceCount", "YearCounts", "act_type_counts", "explore_stats", "explore_stats_for",
    "pattern_counts", "timeline_events_for_user",
    "place_counts", "province_totals", "year_counts",
]

_ANCESTOR_DEPTH = 3  # facility → county → province → country


@dataclass(frozen=True)
class PlaceCount:
    """Acts recorded at one place, with where to draw it.

    ``accuracy``: ``point`` (the place's own coordinate; a facility also has ``precision_km``),
    ``centroid`` (an administrative unit's own coordinate: the centre of its area),
    ``ancestor`` (the place has no coordinate of its own and is drawn at ``located_at``, the
    nearest enclosing place that has one), or ``none`` (nothing to draw it at: table only).
    """

    id: int
    code: str
    name: str
    name_ko: str
    kind: str
    facility_type: str
    acts: int
    lat: float | None
    lon: float | None
    accuracy: str
    precision_km: float | None = None
    located_at: str = ""
    located_at_ko: str = ""
    province_id: int | None = None

    @property
    def approximate(self) -> bool:
        return self.accuracy in ("centroid", "ancestor")

    @property
    def on_map(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class YearCounts:
    exact: dict[int, int] = field(default_factory=dict)  # year -> acts dated within that year
    ranges: list[tuple[int, int, int, bool, bool]] = field(default_factory=list)  # first, last, acts, open_start, open_end
    undated: int = 0

    @property
    def dated_within_a_year(self) -> int:
        return sum(self.exact.values())

    @property
    def in_ranges(self) -> int:
        return sum(r[2] for r in self.ranges)

    @property
    def total(self) -> int:
        return self.dated_within_a_year + self.in_ranges + self.undated

    def span(self) -> tuple[int, int] | None:
        """First and last year that any closed bound names (open ends do not stretch the axis)."""
        years = set(self.exact)
        for first, last, _n, open_start, open_end in self.ranges:
            if not open_start:
                years.add(first)
            if not open_end:
                years.add(last)
        return (min(years), max(years)) if years else None

    def possible(self) -> dict[int, int]:
        """Year -> acts with a closed multi-year date that may fall in that year.

        Open-ended dates ("before 2004") are left out: they could fall in any year on one side,
        so spreading them over the axis would say nothing; the ranges list them."""
        out: Counter[int] = Counter()
        for first, last, n, open_start, open_end in self.ranges:
            if open_start or open_end:
                continue
            for year in range(first, last + 1):
                out[year] += n
        return dict(out)

    def rows(self) -> list[tuple[int, int, int]]:
        """(year, dated within the year, possible from multi-year dates) for every year in ``span``."""
        span = self.span()
        if span is None:
            return []
        possible = self.possible()
        return [(y, self.exact.get(y, 0), possible.get(y, 0)) for y in range(span[0], span[1] + 1)]


@dataclass(frozen=True)
class ExploreStats:
    places: list[PlaceCount]
    act_types: dict[str, int]
    years: YearCounts | None

    @property
    def total(self) -> int:
        return sum(self.act_types.values())

    def patterns(self) -> dict[str, int]:
        return pattern_counts(self.act_types)

    def facilities(self) -> list[PlaceCount]:
        return [p for p in self.places if p.kind == Place.Kind.FACILITY]


def act_type_counts(acts: QuerySet[Act]) -> dict[str, int]:
    """Act type code -> acts, largest first (one grouped query)."""
    rows = acts.order_by().values_list("act_type").annotate(n=Count("id"))
    return dict(sorted(rows, key=lambda r: (-r[1], r[0])))


def pattern_counts(act_types: dict[str, int]) -> dict[str, int]:
    """Mandate pattern -> acts, from the act type counts (no query).

    An act counts under every pattern of its act type, so the patterns can add up to more than
    the number of acts; each pattern's own number is exact.
    """
    from inquiry.cases.vocabulary import known_act_types

    vocabulary = known_act_types()
    out: Counter[str] = Counter()
    for code, n in act_types.items():
        item = vocabulary.get(code)
        for pattern in getattr(item, "patterns", ()) or ():
            out[pattern] += n
    return dict(sorted(out.items(), key=lambda r: (-r[1], r[0])))


def year_counts(acts: QuerySet[Act]) -> YearCounts:
    """Acts by the years of their date bounds (one grouped query); see the module docstring.

    The query groups by the two date columns as stored and the years are taken here: grouping by
    the columns is about three times faster on PostgreSQL than grouping by ``EXTRACT(YEAR ...)``
    (a numeric), and on SQLite Django would extract the year in Python for every row. There are
    at most a few tens of thousands of distinct (earliest, latest) pairs even at day precision.
    """
    rows = acts.order_by().values_list("date_earliest", "date_latest").annotate(n=Count("id"))
    undated = sum(n for earliest, latest, n in rows if earliest is None or latest is None)
    return _years_from([(e.year, la.year, n) for e, la, n in rows if e is not None and la is not None], undated)


def _years_from(rows, undated: int) -> YearCounts:
    """YearCounts from (first year, last year, acts) rows of dated acts."""
    exact: Counter[int] = Counter()
    spans: Counter[tuple[int, int]] = Counter()
    for first, last, n in rows:
        if first == last:
            exact[first] += n
        else:
            spans[(first, last)] += n
    ranges = [(first, last, n, first <= OPEN_MIN.year, last >= OPEN_MAX.year)
              for (first, last), n in spans.items()]
    ranges.sort(key=lambda r: (-r[2], r[0], r[1]))
    return YearCounts(exact=dict(sorted(exact.items())), ranges=ranges, undated=undated)


def place_counts(acts: QuerySet[Act]) -> list[PlaceCount]:
    """Acts per place with coordinates to draw them at, largest first (two queries).

    Acts without a place are not listed (their number is ``total`` minus the sum here).
    """
    return _places_from(dict(acts.order_by().filter(place__isnull=False).values_list("place_id")
                             .annotate(n=Count("id"))))


def _places_from(counts: dict[int, int]) -> list[PlaceCount]:
    if not counts:
        return []
    related = "__".join(["parent"] * _ANCESTOR_DEPTH)
    places = Place.objects.filter(id__in=list(counts)).select_related(related)
    out = [_place_count(place, counts[place.id]) for place in places]
    out.sort(key=lambda p: (-p.acts, p.code))
    return out


def _chain(place: Place) -> list[Place]:
    chain, current = [], place
    for _ in range(_ANCESTOR_DEPTH + 1):
        if current is None:
            break
        chain.append(current)
        current = current.parent if current.parent_id else None
    return chain


def _place_count(place: Place, n: int) -> PlaceCount:
    chain = _chain(place)
    province = next((p for p in chain if p.kind == Place.Kind.PROVINCE), None)
    base = {"id": place.id, "code": place.code, "name": place.name, "name_ko": place.name_ko, "kind": place.kind,
            "facility_type": place.facility_type, "acts": n, "province_id": province.id if province else None}
    if place.lat is not None and place.lon is not None:
        own_kind_is_area = place.kind != Place.Kind.FACILITY and place.precision_km is None \
            and place.kind != Place.Kind.OTHER
        return PlaceCount(**base, lat=place.lat, lon=place.lon, precision_km=place.precision_km,
                          accuracy="centroid" if own_kind_is_area else "point")
    holder = next((p for p in chain[1:] if p.lat is not None and p.lon is not None), None)
    if holder is None:
        return PlaceCount(**base, lat=None, lon=None, accuracy="none")
    return PlaceCount(**base, lat=holder.lat, lon=holder.lon, accuracy="ancestor", located_at=holder.name,
                      located_at_ko=holder.name_ko)


def province_totals(places: list[PlaceCount]) -> dict[int, int]:
    """Province id -> acts at the province or anywhere inside it (no query)."""
    out: defaultdict[int, int] = defaultdict(int)
    for place in places:
        if place.province_id is not None:
            out[place.province_id] += place.acts
    return dict(out)


def _data_version() -> str:
    """The audit log's head: every write to the case store appends an entry, so a new head means
    the counts may have changed."""
    from inquiry.audit.models import AuditEntry

    return AuditEntry.objects.order_by("-seq").values_list("entry_hash", flat=True).first() or "empty"


def explore_stats_for(user, facets, acts: QuerySet[Act], *, places: bool = True, act_types: bool = True,
                      years: bool = True) -> ExploreStats:
    """The counts for ``acts_for_user(user, facets)`` (passed as ``acts``): from the in-memory facet
    index when it is up to date (milliseconds at a million acts), else from the database."""
    from inquiry.cases.facets import matching_acts

    found = matching_acts(user, facets)
    if found is None:
        return explore_stats(acts, places=places, act_types=act_types, years=years)
    index, mask = found
    year_rows, undated = index.by_year_pair(mask) if years else ([], 0)
    return ExploreStats(
        places=_places_from(index.by_place_id(mask)) if places else [],
        act_types=dict(sorted(index.by_act_type(mask).items(), key=lambda r: (-r[1], r[0]))) if act_types else {},
        years=_years_from(year_rows, undated) if years else None)


#: Up to this many events are fetched by id; beyond, the database walks events in date order.
TIMELINE_IDS_MAX = 5_000


def timeline_events_for_user(user, facets, acts: QuerySet[Act]) -> QuerySet[Event]:
    """The events of ``acts`` (= ``acts_for_user(user, facets)``), unordered.

    ``id IN (acts' event ids)`` made the database list the events of every matching act before
    the page (0.4 s at a million acts). A few thousand events are named by id from the facet
    index; more are found by walking the events in the page's date order and keeping those with
    a matching act, which stops as soon as the page is full.
    """
    from inquiry.cases.facets import matching_acts

    found = matching_acts(user, facets)
    if found is not None:
        index, mask = found
        present = index.related("event", mask)
        if int(np.count_nonzero(present)) <= TIMELINE_IDS_MAX:
            return Event.objects.filter(id__in=np.flatnonzero(present).tolist())
    return Event.objects.filter(Exists(acts.filter(event=OuterRef("pk"))))


def explore_stats(acts: QuerySet[Act], *, places: bool = True, act_types: bool = True,
                  years: bool = True) -> ExploreStats:
    """The counts one page needs, cached until the next write (or ``INQUIRY_STATS_CACHE_SECONDS``).

    The cache key is the SQL of ``acts`` (so the facets and whatever the selector did for this
    user), the parts asked for, and the audit head. Setting the timeout to 0 turns the cache off.
    """
    timeout = int(getattr(settings, "INQUIRY_STATS_CACHE_SECONDS", 300))

    def compute() -> ExploreStats:
        return ExploreStats(places=place_counts(acts) if places else [],
                            act_types=act_type_counts(acts) if act_types else {},
                            years=year_counts(acts) if years else None)

    if timeout <= 0:
        return compute()
    sql, params = acts.order_by().query.sql_with_params()
    digest = hashlib.sha256(repr((connection.alias, sql, params, places, act_types, years,
                                  _data_version())).encode()).hexdigest()
    key = f"inquiry:explore:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    # Twenty analysts opening the same dashboard after a write wait for one computation
    # instead of running twenty (within this process; each server process keeps its own cache).
    with _lock_for(key):
        found = cache.get(key)
        if found is None:
            found = compute()
            cache.set(key, found, timeout)
    return found


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(key: str) -> threading.Lock:
    with _locks_guard:
        if len(_locks) > 256:
            _locks.clear()  # only locks nobody waits on matter; a rare extra computation is harmless
        return _locks.setdefault(key, threading.Lock())
