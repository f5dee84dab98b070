"""The workbench search: one query over sources, persons, events and places, narrowed by facets.

Each section is read through the selector of its own entity (so the same access rules apply
as on the list pages), then narrowed by the acts that match the facets:

- sources: that speak about a matching act (and are of the chosen kind and language);
- persons: victims of a matching act;
- events: that contain a matching act;
- places: where a matching act happened.

Sections are paged by window (one row more than the page is read to know whether there is a
next page), so no section ever counts its matches: on a store of a million acts an exact count
of a text match costs more than the page itself. Facet counts (``facet_counts``) give the totals.

With facets chosen, the records around the matching acts come from the in-memory facet index
(``inquiry.cases.facet_index``), newest first; the rows themselves are still read through each
section's selector. While the index is being rebuilt after a write, the database answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.db.models import QuerySet

from inquiry.accounts.roles import Cap, can
from inquiry.cases import selectors as case_selectors
from inquiry.cases.facets import ACT_FACETS, LANGUAGES, Facets, acts_for_user, facet_counts, matching_acts
from inquiry.cases.models import Act, InformationLink, Source
from inquiry.people import selectors as people_selectors
from inquiry.places import selectors as place_selectors
from inquiry.web.saved_searches import require_search

SECTION_SIZE = 20
MAX_PAGE = 500  # deeper than this, refine the search
MAX_TEXT_WALK = 200_000  # text matches read to fill a page with facets; beyond, the database intersects
SECTIONS = ("persons", "sources", "events", "places")


@dataclass
class Section:
    key: str
    rows: list
    page: int
    has_next: bool
    size: int = SECTION_SIZE
    link_base: str = ""  # the query string pager links start from

    @property
    def first(self) -> int:
        return (self.page - 1) * self.size + 1

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1


@dataclass
class SearchResult:
    q: str
    facets: Facets
    sections: dict[str, Section] = field(default_factory=dict)
    counts: dict | None = None  # facet_counts, for case readers

    @property
    def searched(self) -> bool:
        return bool(self.q or self.facets)


def _page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _window(key: str, qs: QuerySet, page: int) -> Section:
    start = (page - 1) * SECTION_SIZE
    rows = list(qs[start:start + SECTION_SIZE + 1])
    return Section(key=key, rows=rows[:SECTION_SIZE], page=page, has_next=len(rows) > SECTION_SIZE)


def _section_querysets(user, q: str, facets: Facets) -> dict[str, QuerySet]:
    readers = can(user, Cap.CASES_READ)
    out: dict[str, QuerySet] = {}
    acts = acts_for_user(user, facets) if readers and facets else None
    sources = case_selectors.source_list_for_user(user, q=q)
    if acts is not None:
        sources = _sources_of_kind(sources, facets)
        if any(getattr(facets, name) for name in ACT_FACETS):
            sources = sources.filter(id__in=InformationLink.objects.filter(act__in=acts).values("source_id"))
    persons = people_selectors.person_list_for_user(user, q=q)
    if acts is not None:  # newest first, as the in-memory path lists them
        persons = persons.filter(id__in=Act.victims.through.objects.filter(act__in=acts).values("person_id"))
        persons = persons.order_by("-id")
    out["persons"] = persons
    out["sources"] = sources
    if readers:
        events = case_selectors.event_list_for_user(user, q=q)
        if acts is not None:
            events = events.filter(id__in=acts.values("event_id"))
        out["events"] = events
    places = place_selectors.place_list_for_user(user, q=q)
    if acts is not None:
        places = places.filter(id__in=acts.filter(place_id__isnull=False).values("place_id"))
    out["places"] = places
    return out


def _index_sections(user, q: str, facets: Facets, pages: dict) -> dict[str, Section] | None:
    """The sections for chosen facets, with the ids around the matching acts taken from the
    in-memory facet index instead of subqueries over every act (seconds at a million acts).

    Each section's rows are still read through its own selector. None if the index is being
    rebuilt after a write (the caller then asks the database).
    """
    found = matching_acts(user, facets)
    if found is None:
        return None
    index, mask = found
    querysets = _section_querysets(user, q, Facets())  # text match and access rules, no facets
    act_facets = any(getattr(facets, name) for name in ACT_FACETS)
    out = {}
    for key, what in (("persons", "person"), ("sources", "source"), ("events", "event"), ("places", "place")):
        if key not in querysets:
            continue
        qs, page = querysets[key], _page_number(pages.get(key))
        if key == "sources":
            qs = _sources_of_kind(qs, facets)
            if not act_facets:  # every source of that kind and language, linked to an act or not
                out[key] = _window(key, qs.order_by("-id"), page)
                continue
        kind, language = (facets.source_kind, facets.language) if key == "sources" else ("", "")
        if key == "places":  # a few hundred at most: the selector's own order
            ids = index.related_ids(what, mask, kind=kind, language=language)
            out[key] = _window(key, qs.filter(id__in=ids.tolist()), page)
            continue
        start = (page - 1) * SECTION_SIZE
        if q:
            chosen = _walk_text_matches(qs, index.related(what, mask, kind=kind, language=language),
                                        start + SECTION_SIZE + 1)
            if chosen is None:  # a term too common to walk: let the database intersect
                out[key] = _window(key, _section_querysets(user, q, facets)[key], page)
                continue
            chosen = chosen[start:]
        else:
            chosen = _visible_in_order(qs, index.related_ids(what, mask, kind=kind, language=language),
                                       start + SECTION_SIZE + 1)[start:]
        rows = sorted(qs.filter(id__in=chosen[:SECTION_SIZE]), key=lambda r: -r.id)
        out[key] = Section(key=key, rows=rows, page=page, has_next=len(chosen) > SECTION_SIZE)
    return out


def _walk_text_matches(qs: QuerySet, wanted: np.ndarray, need: int) -> list[int] | None:
    """The first ``need`` ids, newest first, that match the text and are ``wanted`` by the facets.

    Text matches are read newest first in growing chunks, so a common term stops as soon as the
    page is full instead of listing every match. None after MAX_TEXT_WALK matches without enough.
    """
    ids = qs.order_by("-id").values_list("id", flat=True)
    kept: list[int] = []
    offset, chunk = 0, 500
    while offset < MAX_TEXT_WALK:
        batch = list(ids[offset:offset + chunk])
        kept.extend(i for i in batch if i < len(wanted) and wanted[i])
        if len(kept) >= need or len(batch) < chunk:
            return kept[:need]
        offset, chunk = offset + chunk, min(chunk * 4, 50_000)
    return None


def _visible_in_order(qs: QuerySet, ids: np.ndarray, need: int) -> list[int]:
    """The first ``need`` of ``ids`` (newest first) that ``qs`` keeps, read in growing chunks.

    The index knows nothing of merged persons, or of anything else the selector hides, so a plain
    slice of its ids left pages short, and page 2 repeated or skipped records. Chunks stay under
    SQLite's limit of bound parameters.
    """
    kept: list[int] = []
    offset, chunk = 0, min(2 * need, 20_000)
    while offset < len(ids) and len(kept) < need:
        batch = ids[offset:offset + chunk].tolist()
        found = set(qs.filter(id__in=batch).order_by().values_list("id", flat=True))
        kept.extend(i for i in batch if i in found)
        offset, chunk = offset + chunk, min(chunk * 4, 20_000)
    return kept[:need]


def _sources_of_kind(sources: QuerySet, facets: Facets) -> QuerySet:
    if facets.source_kind:
        sources = sources.filter(kind=facets.source_kind)
    if facets.language:
        sources = sources.filter(language=facets.language)
    return sources


def search_for_user(user, *, q: str, facets: Facets, pages=None, with_counts: bool = True) -> SearchResult:
    """Search every section the user may read. Facets apply only to case readers (partners have no acts).

    ``pages`` maps a section key to its page number. Raises InvalidInput for a facet naming a
    place that does not exist, NotFound for users who may not search.
    """
    require_search(user)
    pages = pages or {}
    readers = can(user, Cap.CASES_READ)
    if not readers:
        facets = Facets()
    result = SearchResult(q=q, facets=facets)
    if readers and with_counts:
        result.counts = facet_counts(user, facets)
    if result.searched:
        sections = _index_sections(user, q, facets, pages) if readers and facets else None
        if sections is None:
            sections = {key: _window(key, qs, _page_number(pages.get(key)))
                        for key, qs in _section_querysets(user, q, facets).items()}
        result.sections = sections
    return result


def source_kind_choices() -> list[tuple[str, str]]:
    return list(Source.Kind.choices)


def language_choices() -> list[tuple[str, str]]:
    from inquiry.web.forms import LANGUAGES as LABELLED

    labels = dict(LABELLED)
    return [(code, labels.get(code, code)) for code in LANGUAGES]
