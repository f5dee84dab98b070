"""Demo findings built on whatever acts and sources the case store holds (fictional demo data).

``findings_demo_load(actor=...)`` drafts:

* a finding on imprisonment at the facility whose best-attested imprisonment meets the standard
  (acts collected by pattern, crime and place), and
* a finding resting on one act that does not meet the standard (ideally a single hearsay
  account), so the page shows why.

It is idempotent (does nothing when demo findings exist) and returns the number created.
"""

from __future__ import annotations

from django.db import transaction

from inquiry.cases.models import Act
from inquiry.findings import services
from inquiry.findings.evaluate import act_label, law_acts_from_rows, link_rows, profile, source_refs, standard
from inquiry.findings.models import Finding
from inquiry.law import evaluate_incident

DEMO_PREFIX = "[DEMO]"
MET_TYPES = ("POLITICAL_PRISON_CAMP_IMPRISONMENT", "ARBITRARY_DETENTION", "FORCED_LABOUR")


def _incident_verdicts():
    acts = list(Act.objects.select_related("place").order_by("pk"))
    links = link_rows({})
    refs, codes, withdrawn = source_refs(links)
    std = standard()
    by_pk = {a.pk: a for a in acts}
    verdicts = []
    for law_act in law_acts_from_rows(acts, links, codes, withdrawn, {}):
        verdicts.append((by_pk[int(law_act.id[2:])], law_act, evaluate_incident(law_act.id, law_act.links, refs,
                                                                                  standard=std)))
    return verdicts


def _pick_met(verdicts):
    ranked = sorted((v for v in verdicts if v[2].met and v[0].act_type in MET_TYPES and v[0].place_id),
                    key=lambda v: (MET_TYPES.index(v[0].act_type), v[0].place.kind != "facility", v[0].pk))
    if ranked:
        return ranked[0][0]
    met = [v[0] for v in verdicts if v[2].met and profile().act_types.get(v[0].act_type)
           and profile().act_types[v[0].act_type].crimes]
    return met[0] if met else None


def _pick_not_met(verdicts):
    candidates = [v for v in verdicts if not v[2].met and v[1].links and profile().act_types.get(v[0].act_type)
                  and profile().act_types[v[0].act_type].crimes]
    candidates.sort(key=lambda v: (not all(lk.mode == "hearsay" for lk in v[1].links), len(v[1].links), v[0].pk))
    return candidates[0][0] if candidates else None


@transaction.atomic
def findings_demo_load(*, actor) -> int:
    """Draft the demo findings. ``actor`` must be allowed to write to the case store (analyst, investigator)."""
    if Finding.objects.filter(title__startswith=DEMO_PREFIX).exists():
        return 0
    verdicts = _incident_verdicts()
    act_types = profile().act_types
    created = 0
    met_act = _pick_met(verdicts)
    if met_act is not None:
        kind = act_types[met_act.act_type]
        place = met_act.place if met_act.place_id and met_act.place.kind == "facility" else None
        where = str(place) if place else str(met_act.place or "")
        finding = services.finding_create(
            actor=actor, title=f"{DEMO_PREFIX} {kind.label['en']} at {where}".strip(),
            description=f"{DEMO_PREFIX} Fictional finding for demonstration: acts of this type at this place, "
                        "collected by pattern, crime and place; at least one incident meets the standard.",
            patterns=[p for p in kind.patterns if p in profile().patterns][:1], crimes=list(kind.crimes)[:1],
            place=place)
        services.finding_collect_acts(actor=actor, finding=finding)
        services.finding_acts_set(actor=actor, finding=finding, add=[met_act])
        created += 1
    weak_act = _pick_not_met(verdicts)
    if weak_act is not None:
        kind = act_types[weak_act.act_type]
        finding = services.finding_create(
            actor=actor, title=f"{DEMO_PREFIX} {kind.label['en']} ({act_label(weak_act.pk)}) on a single account",
            description=f"{DEMO_PREFIX} Fictional finding for demonstration: it rests on information that does "
                        "not meet the standard of proof; the page gives the reasons.",
            patterns=[p for p in kind.patterns if p in profile().patterns][:1], crimes=list(kind.crimes)[:1])
        services.finding_acts_set(actor=actor, finding=finding, add=[weak_act])
        created += 1
    return created
