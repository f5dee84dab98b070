"""Adapter: database rows -> ``inquiry.law`` inputs, and the evaluation of one finding.

Only pseudonymous witness codes leave the database here; no identity is ever decrypted.

Mapping (docs/findings.md):

* ``Source`` -> ``SourceRef``: id = source code, witness code, ``derived_from`` (source codes,
  followed transitively), reliability = the source's grade, or, when that is unknown, the best grade
  given to its links; the original informant = the first informant named on its links.
* ``InformationLink`` -> ``InfoLink`` (mode); sources whose witness withdrew consent are left out.
* ``Act`` -> ``law.Act``: id ``A-<pk>``, act type, the perpetrator organisation when it is one of
  the profile's organisations, the EDTF date and the place code.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings

from inquiry.cases.models import Act, Consent, InformationLink, Source
from inquiry.law import Act as LawAct
from inquiry.law import (
    Corroboration,
    DraftFinding,
    ElementsMatrix,
    InfoLink,
    Reason,
    SourceRef,
    StandardOfProof,
    Verdict,
    corroborate,
    elements_matrix,
    evaluate_incident,
)
from inquiry.law.corroboration import RELIABILITY_LEVELS

FINDING_MESSAGES = {
    "finding_no_acts": "The finding groups no acts yet.",
    "finding_incidents": "Incidents meeting the standard of proof: {met} of {total}.",
    "finding_origins": "Independent origins behind the information in this finding: {count}, from {sources} sources.",
    "consent_withdrawn": "Source {source_id} is not counted: the witness withdrew consent.",
    "act_type_not_in_profile": "Act {act_id} has act type {act_type}, which this profile does not know; "
                               "it is left out of the elements matrix.",
}


@lru_cache(maxsize=4)
def _profile(name: str):
    from inquiry.profiles import load_profile

    return load_profile(name)


def profile():
    return _profile(settings.INQUIRY_PROFILE)


def standard() -> StandardOfProof:
    return StandardOfProof.from_profile(profile())


def act_label(act_id: int) -> str:
    return f"A-{act_id}"


def act_pk(label: str) -> int | None:
    text = label.strip().upper().removeprefix("A-").removeprefix("#")
    return int(text) if text.isdigit() else None


def _reason(code: str, **params) -> Reason:
    shown = {k: (", ".join(map(str, v)) if isinstance(v, tuple | list) else v) for k, v in params.items()}
    return Reason(code=code, params=params, message=FINDING_MESSAGES[code].format(**shown))


@dataclass(frozen=True)
class LinkRow:
    act_id: int
    source_id: int
    mode: str
    reliability: str
    informant: str
    elements: tuple[str, ...] = ()


def _best(levels: Iterable[str]) -> str:
    known = [lv for lv in levels if lv in RELIABILITY_LEVELS and lv != "unknown"]
    return min(known, key=RELIABILITY_LEVELS.index) if known else "unknown"


def source_refs(links: Iterable[LinkRow]) -> tuple[dict[str, SourceRef], dict[int, str], set[int]]:
    """SourceRefs for the linked sources and every source they retell (transitively).

    Returns (refs by code, code by source pk, pks of sources whose consent is withdrawn).
    A fixed number of queries per level of retelling, never one per source.
    """
    links = list(links)
    linked = {lk.source_id for lk in links}
    through = Source.derived_from.through
    parents: dict[int, list[int]] = defaultdict(list)
    frontier, seen = set(linked), set(linked)
    while frontier:
        rows = list(through.objects.filter(from_source_id__in=frontier).values_list("from_source_id", "to_source_id"))
        frontier = set()
        for child, parent in rows:
            parents[child].append(parent)
            if parent not in seen:
                seen.add(parent)
                frontier.add(parent)
    rows = Source.objects.filter(pk__in=seen).values_list("pk", "code", "kind", "reliability", "witness__code")
    info = {pk: (code, kind, rel, witness) for pk, code, kind, rel, witness in rows}
    codes = {pk: v[0] for pk, v in info.items()}
    link_rel: dict[int, list[str]] = defaultdict(list)
    informant: dict[int, str] = {}
    for lk in links:
        link_rel[lk.source_id].append(lk.reliability)
        if lk.informant.strip() and lk.source_id not in informant:
            informant[lk.source_id] = lk.informant.strip()
    refs = {}
    for pk, (code, kind, rel, witness) in info.items():
        reliability = rel if rel in RELIABILITY_LEVELS and rel != "unknown" else _best(link_rel.get(pk, ()))
        refs[code] = SourceRef(id=code, kind=kind, witness_code=witness,
                               derived_from=tuple(codes[p] for p in parents.get(pk, ()) if p in codes),
                               original_informant=informant.get(pk), reliability=reliability)
    withdrawn = set(Consent.objects.filter(source_id__in=linked, withdrawn_at__isnull=False)
                    .values_list("source_id", flat=True))
    return refs, codes, withdrawn


def link_rows(acts_filter: dict) -> list[LinkRow]:
    qs = InformationLink.objects.filter(**acts_filter).values_list("act_id", "source_id", "mode", "reliability",
                                                                   "informant", "elements")
    return [LinkRow(*row[:5], elements=tuple(row[5] or ())) for row in qs]


@dataclass(frozen=True)
class SourceColumn:
    code: str
    kind: str
    witness_code: str | None


@dataclass
class FindingEvaluation:
    finding_code: str
    standard: StandardOfProof
    met: bool
    reasons: tuple[Reason, ...]
    incidents: tuple[Verdict, ...]
    corroboration: Corroboration
    matrix: ElementsMatrix | None
    columns: tuple[SourceColumn, ...]
    modes: dict[tuple[str, str], str] = field(default_factory=dict)  # (act label, source code) -> mode
    act_meta: dict[str, dict] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return "met" if self.met else "not_met"

    def cell(self, act_labels: Iterable[str], source_code: str) -> tuple[str, ...]:
        found = {self.modes[(a, source_code)] for a in act_labels if (a, source_code) in self.modes}
        return tuple(m for m in ("direct", "hearsay", "documentary") if m in found)

    def snapshot(self) -> dict:
        """What a reader of the finding saw: verdict, reasons, incidents, crimes and gaps (JSON-ready)."""
        return {
            "finding": self.finding_code,
            "standard": self.standard.code,
            "verdict": self.status,
            "reasons": [_reason_dict(r) for r in self.reasons],
            "independent_origins": self.corroboration.independent_count,
            "sources": [c.code for c in self.columns],
            "incidents": [{"act": v.subject, "verdict": v.status,
                           "independent_origins": v.corroboration.independent_count if v.corroboration else 0,
                           "reasons": [_reason_dict(r) for r in v.reasons]} for v in self.incidents],
            "crimes": [{"code": c.code, "status": c.status, "gaps": list(c.gaps)}
                       for c in (self.matrix.crimes if self.matrix else ())],
            "patterns": [{"code": p.subject, "verdict": p.status} for p in (self.matrix.patterns if self.matrix else ())],
        }

    def fingerprint(self) -> str:
        text = json.dumps(self.snapshot(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


def _reason_dict(reason: Reason) -> dict:
    params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in reason.params.items()}
    return {"code": reason.code, "params": params, "message": reason.message}


def law_acts_from_rows(acts: list[Act], links: list[LinkRow], codes: dict[int, str], withdrawn: set[int],
              org_codes: dict[int, str]) -> list[LawAct]:
    by_act: dict[int, list[InfoLink]] = defaultdict(list)
    for lk in links:
        if lk.source_id in withdrawn or lk.source_id not in codes:
            continue
        by_act[lk.act_id].append(InfoLink(act_id=act_label(lk.act_id), source_id=codes[lk.source_id], mode=lk.mode,
                                            elements=lk.elements))
    return [LawAct(id=act_label(a.pk), act_type=a.act_type, links=tuple(by_act.get(a.pk, ())),
                   perpetrator_org=org_codes.get(a.pk), date=a.date_edtf or None,
                   place=a.place.code if a.place_id else None) for a in acts]


def _perpetrator_orgs(act_ids: Iterable[int]) -> dict[int, str]:
    from inquiry.cases.models import Perpetration

    known = profile().organisations
    out: dict[int, str] = {}
    rows = Perpetration.objects.filter(act_id__in=list(act_ids), organisation__isnull=False) \
        .values_list("act_id", "organisation__code").order_by("id")
    for act_id, code in rows:
        if code in known and act_id not in out:
            out[act_id] = code
    return out


def _context(pattern_codes: Iterable[str]) -> tuple[list[LawAct], dict[str, SourceRef]]:
    """Every act of the offered patterns in the case store (for the "attack" element), with its sources."""
    types = [code for code, t in profile().act_types.items() if set(t.patterns) & set(pattern_codes)]
    if not types:
        return [], {}
    acts = list(Act.objects.filter(act_type__in=types).select_related("place").order_by("id"))
    links = link_rows({"act__act_type__in": types})
    refs, codes, withdrawn = source_refs(links)
    return law_acts_from_rows(acts, links, codes, withdrawn, {}), refs


def evaluate_finding(finding) -> FindingEvaluation:
    """Evaluate one finding: each incident against the standard, corroboration, the elements matrix."""
    std = standard()
    prof = profile()
    acts = list(finding.acts.select_related("place", "event").order_by("id"))
    links = link_rows({"act__in": [a.pk for a in acts]})
    refs, codes, withdrawn = source_refs(links)
    law_acts = law_acts_from_rows(acts, links, codes, withdrawn, _perpetrator_orgs(a.pk for a in acts))
    reasons: list[Reason] = [_reason("consent_withdrawn", source_id=codes[pk]) for pk in sorted(withdrawn)
                             if pk in codes]
    incidents = tuple(evaluate_incident(a.id, a.links, refs, standard=std) for a in law_acts)
    all_links = [lk for a in law_acts for lk in a.links]
    corroboration = corroborate(all_links, refs, weights=std.weights)
    met = any(v.met for v in incidents)
    if not law_acts:
        reasons.append(_reason("finding_no_acts"))
    else:
        reasons.append(_reason("finding_incidents", met=sum(v.met for v in incidents), total=len(incidents)))
        reasons.append(_reason("finding_origins", count=corroboration.independent_count,
                               sources=len(corroboration.source_ids)))
    reasons.append(Reason.make("standard_met" if met else "standard_not_met", standard=std.code,
                               subject=finding.code))

    matrix = None
    known = [a for a in law_acts if a.act_type in prof.act_types]
    reasons[0:0] = [_reason("act_type_not_in_profile", act_id=a.id, act_type=a.act_type)
                    for a in law_acts if a.act_type not in prof.act_types]
    if finding.crimes:
        patterns = tuple(p for p in finding.patterns if p in prof.patterns)
        offered = patterns or tuple(dict.fromkeys(p for a in known for p in prof.act_types[a.act_type].patterns))
        draft = DraftFinding(id=finding.code, title=finding.title, crimes=tuple(finding.crimes), acts=tuple(known),
                             patterns=patterns)
        context, context_refs = _context(offered)
        matrix = elements_matrix(draft, sources={**context_refs, **refs}, profile=prof, standard=std,
                                 context_acts=context or None)

    used = sorted({lk.source_id for a in law_acts for lk in a.links})
    columns = tuple(SourceColumn(code=refs[c].id, kind=refs[c].kind, witness_code=refs[c].witness_code)
                    for c in used)
    modes = {(lk.act_id, lk.source_id): lk.mode for a in law_acts for lk in a.links}
    act_meta = {act_label(a.pk): {"pk": a.pk, "event": a.event.code, "event_pk": a.event_id, "act_type": a.act_type,
                                  "date": a.date_edtf, "place": str(a.place) if a.place_id else ""} for a in acts}
    return FindingEvaluation(finding_code=finding.code, standard=std, met=met, reasons=tuple(reasons),
                             incidents=incidents, corroboration=corroboration, matrix=matrix, columns=columns,
                             modes=modes, act_meta=act_meta)
