"""Map, timeline and dashboards: counts of acts, filtered by the shared search facets.

Each page parses the facets once, asks ``acts_for_user`` for the acts (which refuses roles
without case read), and hands that one queryset to ``inquiry.cases.stats``: the map, the charts
and the tables under them count the same acts. Queries are grouped, so a page makes the same
number of queries whether it shows three places or three hundred.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inquiry.cases.facets import Facets, acts_for_user
from inquiry.cases.models import Source
from inquiry.cases.stats import explore_stats_for, province_totals, timeline_events_for_user
from inquiry.errors import InvalidInput
from inquiry.places.models import Place
from inquiry.web import explore_charts
from inquiry.web.boundary import login_required_or_404
from inquiry.web.forms import DATE_HELP, LANGUAGES
from inquiry.web.labels import act_type_choices, act_type_label, pattern_label
from inquiry.web.messages import translate_error

EVENTS_PER_PAGE = 50
RANGES_SHOWN = 50
# The faceted search page, linked from map popups with ?facility= or ?province=.
SEARCH_URL_NAME = "search"


def _facets_and_acts(request):
    """(facets, acts, error). The role is checked before any parameter is read, so a refused
    role gets the same 404 whatever it sends."""
    acts_for_user(request.user, Facets())
    try:
        facets = Facets.from_params(request.GET)
        return facets, acts_for_user(request.user, facets), None
    except InvalidInput as exc:
        return Facets(), None, exc


def _render(request, template: str, context: dict):
    """An invalid filter answers 400 with the message; htmx swaps only 2xx answers, so its
    partial requests get 200 and the same message in the results."""
    status = 400 if context.get("field_error") and not request.headers.get("HX-Request") else 200
    return render(request, template, context, status=status)


def _lang() -> str:
    return (get_language() or "en")[:2]


def _place_label(name: str, name_ko: str) -> str:
    """A place as a reader of the active language knows it: hangul for ko/ja, romanized for en."""
    if _lang() in ("ko", "ja") and name_ko:
        return name_ko
    return name or name_ko


def _pattern_choices() -> list[tuple[str, str]]:
    from inquiry.profiles import load_profile

    return [(code, pattern_label(code) or code) for code in load_profile(settings.INQUIRY_PROFILE).patterns]


def _reference_places() -> list[Place]:
    """Facilities and provinces, for the filter form and the map's province layer (one query)."""
    return list(Place.objects.filter(kind__in=[Place.Kind.FACILITY, Place.Kind.PROVINCE])
                .only("id", "code", "kind", "name", "name_ko", "lat", "lon").order_by("kind", "name"))


def _form_context(request, error, reference: list[Place]) -> dict:
    selected = {k: request.GET.get(k, "") for k in ("pattern", "act_type", "facility", "province", "period",
                                                     "source_kind", "language")}
    field_error = None
    if error is not None:
        field_error = {"field": error.field or "", "message": translate_error(error)}
    return {
        "selected": selected,
        "field_error": field_error,
        "choices": {
            "pattern": _pattern_choices(),
            "act_type": act_type_choices(),
            "facility": [(p.code, f"{_place_label(p.name, p.name_ko)} ({p.code})") for p in reference
                         if p.kind == Place.Kind.FACILITY],
            "province": [(p.code, _place_label(p.name, p.name_ko)) for p in reference
                         if p.kind == Place.Kind.PROVINCE],
            "source_kind": list(Source.Kind.choices),
            "language": [(code, label) for code, label in LANGUAGES if code],
        },
        "date_help": DATE_HELP,
    }


def _query(facets: Facets, **changes) -> str:
    values = {**facets.active(), **changes}
    return urlencode({k: v for k, v in values.items() if v})


def _place_links(code: str, kind: str, facets: Facets) -> dict:
    """Links that narrow the other pages (and the search) to one facility or province."""
    param = {Place.Kind.FACILITY: "facility", Place.Kind.PROVINCE: "province"}.get(kind)
    if param is None:
        return {}
    query = _query(facets, **{param: code})
    return {"search_url": f"{reverse(SEARCH_URL_NAME)}?{urlencode({param: code})}",
            "timeline_url": f"{reverse('explore_timeline')}?{query}",
            "dashboards_url": f"{reverse('explore_dashboards')}?{query}"}


def _accuracy_text(place) -> str:
    if place.accuracy == "point":
        if place.precision_km:
            return _("Recorded location, within about %(km)s km.") % {"km": f"{place.precision_km:g}"}
        return _("Recorded location.")
    if place.accuracy == "centroid":
        return _("Approximate: the centre of the area.")
    if place.accuracy == "ancestor":
        return _("Approximate: no location of its own, shown at %(place)s.") % {
            "place": _place_label(place.located_at, place.located_at_ko)}
    return _("No coordinates: not on the map.")


def _map_data(request, facets: Facets, acts, reference: list[Place]) -> dict:
    stats = explore_stats_for(request.user, facets, acts, years=False) if acts is not None else None
    places = stats.places if stats else []
    kinds = dict(Place.Kind.choices)
    rows, features = [], []
    for p in places:
        label = _place_label(p.name, p.name_ko)
        row = {
            "id": p.id, "code": p.code, "label": label, "name": p.name, "name_ko": p.name_ko,
            "kind": str(kinds.get(p.kind, p.kind)), "acts": p.acts,
            "acts_text": _("Acts: %(count)s") % {"count": intcomma(p.acts)},
            "accuracy": p.accuracy, "approximate": p.approximate, "accuracy_text": _accuracy_text(p),
            "on_map": p.on_map, "place_url": reverse("place_detail", args=[p.id]),
            **_place_links(p.code, p.kind, facets),
        }
        rows.append(row)
        if p.on_map:
            features.append({"type": "Feature", "id": p.code,
                             "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                             "properties": {k: v for k, v in row.items() if k != "on_map"}})
    totals = province_totals(places)
    provinces = [{"code": p.code, "label": _place_label(p.name, p.name_ko), "lat": p.lat, "lon": p.lon,
                  "text": _("%(place)s: %(count)s acts in the province (point: centre of the province).") % {
                      "place": _place_label(p.name, p.name_ko), "count": intcomma(totals.get(p.id, 0))}}
                 for p in reference if p.kind == Place.Kind.PROVINCE and p.lat is not None]
    total = stats.total if stats else 0
    placed = sum(p.acts for p in places)
    return {"type": "FeatureCollection", "features": features, "rows": rows, "provinces": provinces,
            "total": total, "placed": placed, "unplaced": total - placed,
            "not_on_map": sum(1 for r in rows if not r["on_map"])}


def _bounds(reference: list[Place]) -> list[list[float]]:
    """The view to open on: the gazetteer's provinces with a margin (Korea when there are none)."""
    points = [(p.lat, p.lon) for p in reference if p.kind == Place.Kind.PROVINCE and p.lat is not None]
    if not points:
        return [[33.0, 124.0], [43.5, 131.0]]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats) - 0.8, min(lons) - 0.8], [max(lats) + 0.8, max(lons) + 0.8]]


def _base_context(request, facets, error, reference, page: str) -> dict:
    return {**_form_context(request, error, reference), "facets": facets, "page": page,
            "query": _query(facets)}


@login_required_or_404
def explore_map(request):
    facets, acts, error = _facets_and_acts(request)
    reference = _reference_places()
    data = _map_data(request, facets, acts, reference)
    config = {"data_url": reverse("explore_map_data"),
              "basemap_url": f"{settings.STATIC_URL}web/vendor/natural-earth/korea-region.json",
              "bounds": _bounds(reference),
              "text": {"place_page": _("Place page"), "search": _("Search these acts"),
                       "timeline": _("Timeline"), "dashboards": _("Dashboards"),
                       "acts_layer": _("Acts by place"), "provinces_layer": _("Provinces"),
                       "zoom_in": _("Zoom in"), "zoom_out": _("Zoom out"),
                       "attribution": _("Outlines: Natural Earth (public domain)")}}
    return _render(request, "web/explore/map.html", {**_base_context(request, facets, error, reference, "map"),
                                                    "data": data, "config": config})


@login_required_or_404
def explore_map_data(request):
    """The map's places as GeoJSON, for the same roles and facets as the page."""
    acts_for_user(request.user, Facets())
    try:
        facets = Facets.from_params(request.GET)
        acts = acts_for_user(request.user, facets)
    except InvalidInput as exc:
        return JsonResponse({**exc.as_dict(), "message": translate_error(exc)}, status=exc.status)
    data = _map_data(request, facets, acts, _reference_places())
    return JsonResponse(data, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False})


def _range_label(first: int, last: int, open_start: bool, open_end: bool) -> str:
    if open_start and open_end:
        return _("Any time")
    if open_start:
        return _("before %(year)s") % {"year": last}
    if open_end:
        return _("after %(year)s") % {"year": first}
    return f"{first}–{last}"


def _timeline(years) -> dict:
    if years is None:
        return {"rows": [], "ranges": [], "undated": 0, "chart": None, "range_chart": None, "more_ranges": 0}
    rows = years.rows()
    ranges = [{"label": _range_label(*r[:2], *r[3:]), "first": r[0], "last": r[1], "n": r[2],
               "open_start": r[3], "open_end": r[4]} for r in years.ranges]
    span = years.span()
    drawable = []
    for r in ranges:
        if span is None:
            break
        drawable.append({"label": r["label"], "n": r["n"], "first": max(r["first"], span[0]),
                         "last": min(r["last"], span[1])})
    exact_title, possible_title = _("Dated within the year"), _("Possible: dated to several years including this one")
    chart = explore_charts.year_chart(
        rows, year_title=_("Year"), value_title=_("Acts"), exact_title=exact_title,
        possible_title=possible_title,
        description=_("Acts by year. Bars: acts dated within the year. Line: acts with dates spanning "
                      "several years that may fall in the year.")) if rows else None
    range_chart = explore_charts.range_chart(
        drawable, year_title=_("Year"), value_title=_("Acts"),
        range_title=_("Date range"),
        description=_("Each bar is a date range given for some acts, from its first to its last year.")) \
        if drawable else None
    return {"rows": rows, "ranges": ranges[:RANGES_SHOWN], "more_ranges": max(len(ranges) - RANGES_SHOWN, 0),
            "undated": years.undated, "chart": chart, "range_chart": range_chart,
            "exact_title": exact_title, "possible_title": possible_title,
            "dated_within_a_year": years.dated_within_a_year, "in_ranges": years.in_ranges, "total": years.total}


@login_required_or_404
def explore_timeline(request):
    facets, acts, error = _facets_and_acts(request)
    reference = _reference_places()
    stats = explore_stats_for(request.user, facets, acts, places=False, act_types=False) if acts is not None else None
    events, page, has_next = [], _page_number(request), False
    if acts is not None:
        start = (page - 1) * EVENTS_PER_PAGE
        qs = (timeline_events_for_user(request.user, facets, acts).select_related("place")
              .order_by(F("date_latest").asc(nulls_last=True), "id"))
        events = list(qs[start:start + EVENTS_PER_PAGE + 1])
        has_next = len(events) > EVENTS_PER_PAGE
        events = events[:EVENTS_PER_PAGE]
    return _render(request, "web/explore/timeline.html", {
        **_base_context(request, facets, error, reference, "timeline"),
        "timeline": _timeline(stats.years if stats else None), "events": events,
        "events_page": page, "events_next": page + 1 if has_next else None,
        "events_previous": page - 1 if page > 1 else None})


def _page_number(request) -> int:
    try:
        return max(1, min(int(request.GET.get("page", 1)), 10_000))
    except ValueError:
        return 1


@login_required_or_404
def explore_dashboards(request):
    facets, acts, error = _facets_and_acts(request)
    reference = _reference_places()
    stats = explore_stats_for(request.user, facets, acts) if acts is not None else None
    patterns = [{"code": c, "label": pattern_label(c) or c, "n": n,
                 "url": f"?{_query(facets, pattern=c)}"} for c, n in (stats.patterns().items() if stats else [])]
    types = [{"code": c, "label": act_type_label(c), "n": n,
              "url": f"?{_query(facets, act_type=c)}"} for c, n in (stats.act_types.items() if stats else [])]
    facilities = [{"code": p.code, "label": _place_label(p.name, p.name_ko), "n": p.acts,
                   "place_url": reverse("place_detail", args=[p.id]), "url": f"?{_query(facets, facility=p.code)}"}
                  for p in (stats.facilities() if stats else [])]
    acts_title = _("Acts")
    charts = {
        "pattern": explore_charts.bar_chart(
            patterns, category_title=_("Pattern"), value_title=acts_title,
            description=_("Acts by pattern of the mandate.")) if patterns else None,
        "act_type": explore_charts.bar_chart(
            types, category_title=_("Act type"), value_title=acts_title,
            description=_("Acts by act type.")) if types else None,
        "facility": explore_charts.bar_chart(
            facilities, category_title=_("Facility"), value_title=acts_title,
            description=_("Acts by facility.")) if facilities else None,
    }
    return _render(request, "web/explore/dashboards.html", {
        **_base_context(request, facets, error, reference, "dashboards"),
        "total": stats.total if stats else 0, "patterns": patterns, "act_types": types,
        "facilities": facilities, "charts": charts, "timeline": _timeline(stats.years if stats else None),
        "max_bars": explore_charts.MAX_BARS})
