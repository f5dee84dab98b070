"""Search facets shared by the search page, the map, the timeline and the dashboards.

One parse of the query string gives one ``Facets`` value; every view that filters acts
goes through ``acts_for_user`` so that the map, the timeline and the charts always count
the same acts as the table beside them.

``facet_counts`` says, for every facet, how many acts each value would leave if it were chosen
with the other facets as they are (the usual "disjunctive" counts of a faceted search). The
counts come from an in-memory index of the acts (``inquiry.cases.facet_index``): grouped queries
took seconds per combination of filters on a million acts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date

import numpy as np
from django.db.models import Q, QuerySet

from inquiry.cases.facet_index import EPOCH_ORDINAL, FacetIndex, current_index
from inquiry.cases.models import Act, InformationLink, Source
from inquiry.cases.selectors import _date_overlap, _require_cases_read
from inquiry.cases.stats import pattern_counts
from inquiry.cases.vocabulary import known_act_types
from inquiry.errors import InvalidInput
from inquiry.places.models import Place

__all__ = ["Facets", "acts_for_user", "facet_counts", "matching_acts", "LANGUAGES", "ACT_FACETS", "SOURCE_FACETS"]

#: Languages a source can be recorded in (ISO 639-1), in display order.
LANGUAGES = ("ko", "ja", "en", "zh", "ru")
#: Facets that describe the act itself (where, what, when).
ACT_FACETS = ("pattern", "act_type", "facility", "province", "period")
#: Facets that describe the sources speaking about the act.
SOURCE_FACETS = ("source_kind", "language")
MAX_VALUE_CHARS = 100
MEMO_SIZE = 512  # facet combinations whose counts each index keeps


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


def facet_counts(user, facets: Facets) -> dict[str, dict]:
    """For each facet, ``{value: number of acts}`` if that value were chosen with the other facets.

    Also ``_places``: ``{code: (kind, label)}`` for facilities and provinces, to label the
    place facets. Period has no counts. Raises NotFound for roles without case access, and
    InvalidInput for an unknown place. The counts come from this process's in-memory index
    (``inquiry.cases.facet_index``), not from the database, and on a large store may lag a write
    by up to half a minute.
    """
    _require_cases_read(user)
    index = current_index()
    # The same filters are asked for again and again (the unfiltered page above all); the index
    # does not change under its token, so its answers can be kept with it.
    key = tuple(sorted(facets.active().items()))
    counts = index.memo.get(key)
    if counts is None:
        counts = _counts(index, facets)
        if len(index.memo) >= MEMO_SIZE:
            index.memo.clear()
        index.memo[key] = counts
    return counts


def _counts(index: FacetIndex, facets: Facets) -> dict[str, dict]:
    masks = _masks(index, facets)

    def all_but(*names: str):
        return _all_of([m for name, m in masks.items() if name not in names])

    source = ("source",)
    return {
        "act_type": index.by_act_type(all_but("act_type")),
        "pattern": pattern_counts(index.by_act_type(all_but("pattern"))),
        "facility": index.by_place(Place.Kind.FACILITY, all_but("facility")),
        "province": index.by_place(Place.Kind.PROVINCE, all_but("province")),
        "source_kind": index.by_source("kind", all_but(*source), language=facets.language),
        "language": {k: v for k, v in index.by_source("language", all_but(*source), kind=facets.source_kind).items()
                     if k},
        "_places": index.places,
    }


def matching_acts(user, facets: Facets) -> tuple[FacetIndex, np.ndarray | None] | None:
    """The up-to-date index and the mask of the acts the facets leave (None: every act), or None
    when the index is being rebuilt after a write (then ask the database: results must not lag)."""
    _require_cases_read(user)
    index = current_index(exact=True)
    if index is None:
        return None
    return index, _all_of(list(_masks(index, facets).values()))


def _all_of(masks: list[np.ndarray]) -> np.ndarray | None:
    if not masks:
        return None
    return np.logical_and.reduce(masks) if len(masks) > 1 else masks[0]


def _masks(index, facets: Facets) -> dict[str, np.ndarray]:
    """One boolean array per chosen facet (source kind and language together: the same source)."""
    masks: dict[str, np.ndarray] = {}
    if facets.act_type:
        masks["act_type"] = index.act_mask("act_type", {facets.act_type})
    if facets.pattern:
        masks["pattern"] = index.act_mask("pattern", set(_act_types_in_pattern(facets.pattern)))
    for name, kind in (("facility", Place.Kind.FACILITY), ("province", Place.Kind.PROVINCE)):
        code = getattr(facets, name)
        if code:
            if code not in index.places or index.places[code][0] != kind:
                # the same check and message as the database filter (the index may be a little behind)
                _place_under(code, kind, name)
            masks[name] = index.act_mask(name, code)
    if facets.period:
        from inquiry.dates import parse_uncertain_date

        period = parse_uncertain_date(facets.period, field="period")
        masks["period"] = index.act_mask("period", None, bounds=(_day(period.earliest), _day(period.latest)))
    if facets.source_kind or facets.language:
        masks["source"] = index.source_mask(facets.source_kind, facets.language)
    return masks


def _day(value: date) -> int:
    return value.toordinal() - EPOCH_ORDINAL
