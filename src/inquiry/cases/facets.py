"""Search facets shared by the search page, the map, the timeline and the dashboards.

One parse of the query string gives one ``Facets`` value; every view that filters acts
goes through ``acts_for_user`` so that the map, the timeline and the charts always count
the same acts as the table beside them.

``facet_counts`` says, for every facet, how many acts each value would leave if it were chosen
with the other facets as they are (the usual "disjunctive" counts of a faceted search). The
counts come from a handful of grouped queries, never one query per value or per row, and are
cached for a short while: on a store of a million acts a grouping costs tens of milliseconds,
and twenty analysts paging through the same filters should not pay it twenty times.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, fields, replace

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet

from inquiry.cases.models import Act, InformationLink, Source
from inquiry.cases.selectors import _date_overlap, _require_cases_read
from inquiry.cases.stats import pattern_counts
from inquiry.cases.vocabulary import known_act_types
from inquiry.errors import InvalidInput
from inquiry.places.models import Place

__all__ = ["Facets", "acts_for_user", "facet_counts", "LANGUAGES", "ACT_FACETS", "SOURCE_FACETS"]

#: Languages a source can be recorded in (ISO 639-1), in display order.
LANGUAGES = ("ko", "ja", "en", "zh", "ru")
#: Facets that describe the act itself (where, what, when).
ACT_FACETS = ("pattern", "act_type", "facility", "province", "period")
#: Facets that describe the sources speaking about the act.
SOURCE_FACETS = ("source_kind", "language")
COUNT_CACHE_SECONDS = 60
WHOLE_STORE_CACHE_SECONDS = 300
MAX_VALUE_CHARS = 100


@dataclass(frozen=True)
class Facets:
    """Filters an analyst can combine. Empty strings mean "any"."""

    pattern: str = ""
    act_type: str = ""
    facility: str = ""  # Place.code of a facility
    province: str = ""  # Place.code of a province
    period: str = ""  # friendly or EDTF date, overlap semantics
    source_kind: str = ""
    language: str = ""

    @classmethod
    def from_params(cls, params) -> Facets:
        """Build from a QueryDict or dict; unknown values raise InvalidInput naming the field."""
        values = {f.name: str(params.get(f.name, "") or "").strip() for f in fields(cls)}
        facets = cls(**values)
        facets.validate()
        return facets

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def validate(self) -> None:
        for name, value in asdict(self).items():
            if len(value) > MAX_VALUE_CHARS:
                raise InvalidInput("This filter value is too long.", field=name)
        act_types = known_act_types()
        if self.act_type and self.act_type not in act_types:
            raise InvalidInput("Unknown act type “{value}”.", field="act_type", value=self.act_type)
        if self.pattern and not any(self.pattern in t.patterns for t in act_types.values()):
            raise InvalidInput("Unknown pattern “{value}”.", field="pattern", value=self.pattern)
        if self.source_kind and self.source_kind not in Source.Kind.values:
            raise InvalidInput("Unknown source kind “{value}”.", field="source_kind", value=self.source_kind)
        if self.language and self.language not in LANGUAGES:
            raise InvalidInput("Unknown language “{value}”.", field="language", value=self.language)
        if self.period:
            from inquiry.dates import parse_uncertain_date

            parse_uncertain_date(self.period, field="period")

    def active(self) -> dict[str, str]:
        """The facets that are set, for links and saved searches."""
        return {k: v for k, v in asdict(self).items() if v}

    def without(self, *names: str) -> Facets:
        """The same facets with ``names`` cleared (for the counts of those facets)."""
        return replace(self, **dict.fromkeys(names, ""))

    def narrows_acts(self) -> bool:
        """Whether any facet restricts which acts match (every facet does, through the act's sources)."""
        return bool(self.active())

    def __bool__(self) -> bool:
        return bool(self.active())


def _act_types_in_pattern(pattern: str) -> list[str]:
    return [code for code, t in known_act_types().items() if pattern in t.patterns]


def _place_under(code: str, kind: str, field: str, memo: dict | None = None) -> Q:
    """Acts at the place or anywhere below it (facility → county → province)."""
    memo = {} if memo is None else memo
    if (code, kind) not in memo:
        memo[(code, kind)] = Place.objects.filter(code=code, kind=kind).values_list("id", flat=True).first()
    place_id = memo[(code, kind)]
    if place_id is None:
        raise InvalidInput("Unknown place “{value}”.", field=field, value=code)
    return (Q(place_id=place_id) | Q(place__parent_id=place_id) | Q(place__parent__parent_id=place_id)
            | Q(place__parent__parent__parent_id=place_id))


def _sources_matching(facets: Facets) -> QuerySet[Source]:
    sources = Source.objects.all()
    if facets.source_kind:
        sources = sources.filter(kind=facets.source_kind)
    if facets.language:
        sources = sources.filter(language=facets.language)
    return sources


def acts_for_user(user, facets: Facets) -> QuerySet[Act]:
    """Acts the user may read, narrowed by the facets. Raises NotFound for roles without case access."""
    return _acts(user, facets, {})


def _acts(user, facets: Facets, memo: dict) -> QuerySet[Act]:
    """``acts_for_user`` with place look-ups shared through ``memo`` (one per place for all the counts)."""
    _require_cases_read(user)
    qs = Act.objects.all()
    if facets.act_type:
        qs = qs.filter(act_type=facets.act_type)
    if facets.pattern:
        qs = qs.filter(act_type__in=_act_types_in_pattern(facets.pattern))
    if facets.facility:
        qs = qs.filter(_place_under(facets.facility, Place.Kind.FACILITY, "facility", memo))
    if facets.province:
        qs = qs.filter(_place_under(facets.province, Place.Kind.PROVINCE, "province", memo))
    if facets.source_kind or facets.language:
        # A subquery rather than a join, so that counts never see an act twice.
        qs = qs.filter(id__in=InformationLink.objects.filter(source__in=_sources_matching(facets)).values("act_id"))
    return _date_overlap(qs, facets.period, "period")


# --- counts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceRow:
    id: int
    parent_id: int | None
    kind: str
    code: str
    label: str


def _place_rows() -> dict[int, PlaceRow]:
    """The gazetteer as a dict (one query): a few thousand rows at most, used to roll counts up."""
    rows = Place.objects.order_by().values_list("id", "parent_id", "kind", "code", "name", "name_ko")
    return {r[0]: PlaceRow(r[0], r[1], r[2], r[3], f"{r[4]} ({r[5]})" if r[5] else r[4]) for r in rows}


def _ancestor(places: dict[int, PlaceRow], place_id: int | None, kind: str) -> PlaceRow | None:
    """The place itself or its nearest ancestor of ``kind`` (four levels at most, like ``_place_under``)."""
    seen = 0
    while place_id is not None and seen < 4:
        row = places.get(place_id)
        if row is None:
            return None
        if row.kind == kind:
            return row
        place_id, seen = row.parent_id, seen + 1
    return None


def _by_act_type(user, facets: Facets, memo: dict) -> dict[str, int]:
    rows = _acts(user, facets, memo).order_by().values("act_type").annotate(n=Count("id"))
    return {r["act_type"]: r["n"] for r in rows}


def _by_place(user, facets: Facets, memo: dict) -> dict[int, int]:
    rows = (_acts(user, facets, memo).filter(place_id__isnull=False).order_by().values("place_id")
            .annotate(n=Count("id")))
    return {r["place_id"]: r["n"] for r in rows}


def _by_source_field(user, facets: Facets, field: str, memo: dict) -> dict[str, int]:
    """Acts per source kind (or language): an act counts once per value, however many sources it has."""
    other = "language" if field == "kind" else "kind"
    other_value = facets.language if field == "kind" else facets.source_kind
    links = InformationLink.objects.filter(act__in=_acts(user, facets.without(*SOURCE_FACETS), memo))
    if other_value:
        links = links.filter(**{f"source__{other}": other_value})
    rows = links.order_by().values(f"source__{field}").annotate(n=Count("act_id", distinct=True))
    return {r[f"source__{field}"]: r["n"] for r in rows}


def _raw_counts(user, facets: Facets) -> dict[str, dict]:
    """Counts per facet value, keyed by raw value (place ids rolled up to codes)."""
    out: dict[str, dict] = {}
    done: dict[tuple, dict] = {}
    places_memo: dict = {}

    def once(kind: str, base: Facets, compute):
        key = (kind, base)
        if key not in done:
            done[key] = compute(user, base, places_memo)
        return done[key]

    by_type = once("type", facets.without("act_type"), _by_act_type)
    out["act_type"] = dict(by_type)
    by_type_for_pattern = once("type", facets.without("pattern"), _by_act_type)
    out["pattern"] = pattern_counts(by_type_for_pattern)
    places = _place_rows()
    for facet, kind in (("facility", Place.Kind.FACILITY), ("province", Place.Kind.PROVINCE)):
        by_place = once("place", facets.without(facet), _by_place)
        rolled: Counter = Counter()
        for place_id, n in by_place.items():
            row = _ancestor(places, place_id, kind)
            if row is not None:
                rolled[row.code] += n
        out[facet] = dict(rolled)
    out["source_kind"] = _by_source_field(user, facets, "kind", places_memo)
    out["language"] = {k: v for k, v in _by_source_field(user, facets, "language", places_memo).items() if k}
    out["_places"] = {r.code: (r.kind, r.label) for r in places.values()
                      if r.kind in (Place.Kind.FACILITY, Place.Kind.PROVINCE)}
    return out


def _store_version() -> tuple:
    """Changes whenever acts or information links are added (cheap: two index look-ups)."""
    return (Act.objects.aggregate(m=Max("id"))["m"], InformationLink.objects.aggregate(m=Max("id"))["m"],
            Place.objects.aggregate(m=Max("id"))["m"])


def facet_counts(user, facets: Facets, *, use_cache: bool = True) -> dict[str, dict]:
    """For each facet, ``{value: number of acts}`` if that value were chosen with the other facets.

    Also ``_places``: ``{code: (kind, label)}`` for facilities and provinces, to label the
    place facets. Period has no counts. Raises NotFound for roles without case access.
    """
    _require_cases_read(user)
    if not use_cache:
        return _raw_counts(user, facets)
    # The role is part of the key so that a future per-role restriction of acts cannot leak counts.
    # Counts over the whole store (no act facet chosen) take seconds at a million acts and only guide
    # the choice of a filter: they may lag new acts by WHOLE_STORE_CACHE_SECONDS. Narrowed counts are cheaper
    # and follow every new act at once.
    version = _store_version() if facets else "whole-store"
    key_data = json.dumps([getattr(user, "role", ""), facets.active(), version], sort_keys=True, default=str)
    key = "inquiry:facet-counts:" + hashlib.sha256(key_data.encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = _raw_counts(user, facets)
        cache.set(key, counts, COUNT_CACHE_SECONDS if facets else WHOLE_STORE_CACHE_SECONDS)
    return counts
