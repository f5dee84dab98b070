"""Reads of findings and pattern summaries. Only roles that read the case store see them; others get 404."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.cases.models import Act
from inquiry.findings.evaluate import law_acts_from_rows, link_rows, profile, source_refs, standard
from inquiry.findings.models import SEP, Finding
from inquiry.law import Verdict, corroborate, evaluate_pattern


def _require_read(user) -> None:
    if not can(user, Cap.CASES_READ):
        raise not_found()


def finding_list_for_user(user, *, status: str = "", pattern: str = "", crime: str = "") -> QuerySet[Finding]:
    _require_read(user)
    qs = Finding.objects.select_related("place", "approved_by").annotate(act_count=Count("acts"))
    if status:
        qs = qs.filter(status=status)
    if pattern:
        qs = qs.filter(pattern_codes__contains=f"{SEP}{pattern}{SEP}")
    if crime:
        qs = qs.filter(crime_codes__contains=f"{SEP}{crime}{SEP}")
    return qs.order_by("-id")


def finding_get_for_user(user, pk) -> Finding:
    _require_read(user)
    finding = Finding.objects.select_related("place", "approved_by", "created_by").filter(pk=pk).first()
    if finding is None:
        raise not_found()
    return finding


@dataclass
class SummaryRow:
    key: str
    acts: int
    sources: int
    independent: int
    verdict: Verdict | None = None
    place_pk: int | None = None
    name: str = ""


@dataclass
class PatternSummary:
    by_pattern: list[SummaryRow]
    by_act_type: list[SummaryRow]
    by_year: list[SummaryRow]
    by_facility: list[SummaryRow]
    total_acts: int


def _year_key(earliest, latest) -> str:
    if earliest is None or latest is None:
        return ""
    return str(earliest.year) if earliest.year == latest.year else f"{earliest.year}–{latest.year}"


def pattern_summary_for_user(user) -> PatternSummary:
    """Acts by pattern, act type, year and facility, each with its independent sources.

    A fixed number of queries whatever the size: acts, links, sources (and their retellings);
    the grouping and the counting of independent origins run in memory.
    """
    _require_read(user)
    prof, std = profile(), standard()
    acts = list(Act.objects.select_related("place").only(
        "pk", "act_type", "date_edtf", "date_earliest", "date_latest", "place__code", "place__name",
        "place__name_ko", "place__kind").order_by("pk"))
    links = link_rows({})
    refs, codes, withdrawn = source_refs(links)
    law_acts = {int(a.id[2:]): a for a in law_acts_from_rows(acts, links, codes, withdrawn, {})}

    groups: dict[str, dict[str, list[int]]] = {"pattern": defaultdict(list), "type": defaultdict(list),
                                               "year": defaultdict(list), "facility": defaultdict(list)}
    facility_pk: dict[str, int] = {}
    facility_name: dict[str, str] = {}
    for act in acts:
        groups["type"][act.act_type].append(act.pk)
        groups["year"][_year_key(act.date_earliest, act.date_latest)].append(act.pk)
        act_type = prof.act_types.get(act.act_type)
        for pattern in act_type.patterns if act_type else ():
            groups["pattern"][pattern].append(act.pk)
        if act.place_id and act.place.kind == "facility":
            groups["facility"][act.place.code].append(act.pk)
            facility_pk[act.place.code] = act.place_id
            facility_name[act.place.code] = str(act.place)

    def row(key: str, pks: list[int], *, pattern: bool = False) -> SummaryRow:
        group_links = [lk for pk in pks for lk in law_acts[pk].links]
        c = corroborate(group_links, refs, weights=std.weights)
        verdict = None
        if pattern:
            type_patterns = {code: tuple(t.patterns) for code, t in prof.act_types.items()}
            verdict = evaluate_pattern(key, [law_acts[pk] for pk in pks], refs, standard=std,
                                       act_type_patterns=type_patterns)
        return SummaryRow(key=key, acts=len(pks), sources=len({lk.source_id for lk in group_links}),
                          independent=c.independent_count, verdict=verdict, place_pk=facility_pk.get(key),
                          name=facility_name.get(key, key))

    order = {code: p.order for code, p in prof.patterns.items()}
    return PatternSummary(
        by_pattern=[row(k, v, pattern=True) for k, v in sorted(groups["pattern"].items(), key=lambda i: order[i[0]])],
        by_act_type=[row(k, v) for k, v in sorted(groups["type"].items(), key=lambda i: (-len(i[1]), i[0]))],
        by_year=[row(k, v) for k, v in sorted(groups["year"].items(), key=lambda i: (i[0] == "", i[0]))],
        by_facility=[row(k, v) for k, v in sorted(groups["facility"].items())],
        total_acts=len(acts),
    )


def acts_for_tokens(user, tokens: list[str]) -> tuple[list[Act], list[str]]:
    """Resolve "E-000012" (all acts of an event) and "A-45" / "45" (one act). Returns (acts, unknown tokens)."""
    from inquiry.findings.evaluate import act_pk

    _require_read(user)
    acts: dict[int, Act] = {}
    unknown = []
    for token in tokens:
        pk = act_pk(token)
        found = list(Act.objects.filter(pk=pk)) if pk is not None else \
            list(Act.objects.filter(event__code__iexact=token))
        if not found:
            unknown.append(token)
        acts.update({a.pk: a for a in found})
    return list(acts.values()), unknown
