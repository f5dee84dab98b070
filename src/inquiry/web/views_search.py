"""The workbench search page and saved searches.

The page works without JavaScript (a GET form); with htmx, changing a facet or submitting
the form replaces only the results, and the facet counts are updated out of band.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import intcomma
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiry.accounts.roles import Cap, can
from inquiry.cases.facets import Facets
from inquiry.errors import Conflict, InquiryError, InvalidInput
from inquiry.web import saved_searches
from inquiry.web.boundary import login_required_or_404, post_only
from inquiry.web.labels import act_type_choices, pattern_label
from inquiry.web.messages import translate_error
from inquiry.web.search_selectors import SECTIONS, language_choices, search_for_user, source_kind_choices

FACET_LABELS = {
    "pattern": gettext_lazy("Pattern of violations"),
    "act_type": gettext_lazy("Act type"),
    "facility": gettext_lazy("Facility"),
    "province": gettext_lazy("Province"),
    "period": gettext_lazy("Period"),
    "source_kind": gettext_lazy("Kind of source"),
    "language": gettext_lazy("Language of the source"),
    "q": gettext_lazy("Search"),
    "name": gettext_lazy("Name"),
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None
    selected: bool

    @property
    def text(self) -> str:
        """"Label (1,234)", put together here: eighty options through the template engine cost
        more than the rest of the search page."""
        return _("%(label)s (%(count)s)") % {"label": self.label, "count": intcomma(self.count)}


@dataclass(frozen=True)
class FacetField:
    name: str
    label: str
    options: list[Option]
    invalid: bool = False


def _pattern_choices() -> list[tuple[str, str]]:
    from django.conf import settings

    from inquiry.profiles import load_profile

    patterns = sorted(load_profile(settings.INQUIRY_PROFILE).patterns.values(), key=lambda p: p.order)
    return [(p.code, pattern_label(p.code) or p.code) for p in patterns]


def _facet_fields(facets: Facets, counts: dict, invalid: str | None) -> list[FacetField]:
    """Select boxes with localized labels and counts; places without acts are left out."""
    places = counts.get("_places", {})
    choices = {
        "pattern": _pattern_choices(),
        "act_type": act_type_choices(),
        "facility": sorted(((code, label) for code, (kind, label) in places.items() if kind == "facility"),
                           key=lambda c: c[1]),
        "province": sorted(((code, label) for code, (kind, label) in places.items() if kind == "province"),
                           key=lambda c: c[1]),
        "source_kind": source_kind_choices(),
        "language": language_choices(),
    }
    out = []
    for name, values in choices.items():
        chosen = getattr(facets, name)
        by_value = counts.get(name, {})
        options = []
        for value, label in values:
            n = by_value.get(value, 0)
            if name in ("facility", "province") and not n and value != chosen:
                continue
            options.append(Option(value, str(label), n, value == chosen))
        out.append(FacetField(name, str(FACET_LABELS[name]), options, invalid == name))
    return out


def _pages(params) -> dict[str, str]:
    return {key: params.get(f"{key}_page", "") for key in SECTIONS}


def _link_sections(result, base: dict[str, str], pages: dict[str, str]) -> None:
    """Give each section the query string its pager links start from (other sections keep their page)."""
    for key, section in result.sections.items():
        others = {f"{k}_page": v for k, v in pages.items() if v and k != key and v != "1"}
        section.link_base = urlencode({**base, **others})


def _error_context(exc: InquiryError) -> dict:
    label = FACET_LABELS.get(exc.field or "", "")
    return {"field": exc.field or "", "label": str(label), "message": translate_error(exc)}


@login_required_or_404
def search(request):
    user = request.user
    saved_searches.require_search(user)
    params = request.GET
    q = " ".join(params.get("q", "").split())[: saved_searches.MAX_QUERY]
    readers = can(user, Cap.CASES_READ)
    error = None
    facets = Facets()
    result = None
    try:
        if readers:
            facets = Facets.from_params(params)
        result = search_for_user(user, q=q, facets=facets, pages=_pages(params))
    except InvalidInput as exc:
        error = _error_context(exc)
        facets = Facets()
        result = search_for_user(user, q="", facets=facets)
    partial = request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
    query_string = saved_searches.search_query_string(q, facets)
    base = {"q": q, **facets.active()} if q else facets.active()
    _link_sections(result, base, _pages(params))
    context = {
        "q": q, "facets": facets, "result": result, "error": error, "query_string": query_string,
        "facet_fields": _facet_fields(facets, result.counts or {}, error and error["field"]) if readers else [],
        "saved": saved_searches.saved_search_list_for_user(user) if not partial else None,
        "readers": readers,
        "raw": {name: params.get(name, "")[:100] for name in Facets.names()},
    }
    template = "web/search_results.html" if partial else "web/search.html"
    # htmx does not swap error answers, so the partial carries its message with status 200.
    status = 400 if error and not partial else 200
    return render(request, template, context, status=status)


@login_required_or_404
def saved_search_list(request):
    items = list(saved_searches.saved_search_list_for_user(request.user))
    _summarise(items)
    return render(request, "web/search_saved.html", {"saved": items})


def _summarise(items) -> None:
    """Give each saved search ``summary``: (filter label, value label) pairs, one query for all places."""
    from inquiry.cases.models import Source
    from inquiry.places.models import Place
    from inquiry.web.labels import act_type_label

    parsed = [parse_qsl(s.query) for s in items]
    codes = {v for pairs in parsed for k, v in pairs if k in ("facility", "province")}
    places = {p.code: str(p) for p in Place.objects.filter(code__in=codes)} if codes else {}
    languages = dict(language_choices())
    kinds = dict(Source.Kind.choices)
    for saved, pairs in zip(items, parsed, strict=True):
        summary = []
        for key, value in pairs:
            shown = {"act_type": act_type_label, "pattern": lambda v: pattern_label(v) or v,
                     "facility": lambda v: places.get(v, v), "province": lambda v: places.get(v, v),
                     "source_kind": lambda v: str(kinds.get(v, v)),
                     "language": lambda v: str(languages.get(v, v))}.get(key, lambda v: v)(value)
            summary.append((str(FACET_LABELS.get(key, key)), shown))
        saved.summary = summary


@login_required_or_404
@post_only
def saved_search_create(request):
    data = request.POST
    try:
        saved = saved_searches.saved_search_create(actor=request.user, name=data.get("name", ""),
                                                   q=data.get("q", ""), params=data)
    except (InvalidInput, Conflict) as exc:
        messages.error(request, translate_error(exc))
        return redirect(reverse("search") + "?" + _query_from(data))
    messages.info(request, _("The search “%(name)s” was saved.") % {"name": saved.name})
    return redirect(reverse("search") + "?" + saved.query)


def _query_from(data) -> str:
    params = {k: data.get(k, "") for k in ("q", *Facets.names()) if data.get(k, "")}
    return urlencode(params)


@login_required_or_404
def saved_search_run(request, pk):
    saved = saved_searches.saved_search_get_for_user(request.user, pk)
    return redirect(reverse("search") + "?" + saved.query)


@login_required_or_404
@post_only
def saved_search_delete(request, pk):
    saved = saved_searches.saved_search_get_for_user(request.user, pk)
    name = saved.name
    saved_searches.saved_search_delete(actor=request.user, saved=saved)
    messages.info(request, _("The saved search “%(name)s” was deleted.") % {"name": name})
    return redirect("saved_search_list")
