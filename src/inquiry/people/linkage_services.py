"""Record linkage over the persons in the store: runs, the review queue and human judgements.

The model proposes; people decide. A judgement is stored and passed to every later run, where it
overrides the model. "Same" merges the two records (reversibly); "not same" undoes a merge
between them if there was one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import transaction

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.audit.services import audit_record
from inquiry.errors import InvalidInput
from inquiry.people.models import LinkageRun, LinkCandidate, LinkJudgement, Person
from inquiry.people.services import person_merge, person_unmerge

VERDICTS = {"same": True, "not_same": False, "unsure": None}


def _records(persons):
    from inquiry.linkage import LinkageRecord

    for p in persons:
        facilities = sorted({a.place.name for a in p.acts_suffered.all() if a.place and a.place.kind == "facility"})
        yield LinkageRecord(
            record_id=str(p.pk),
            names=tuple(n.original for n in p.names.all()) or (p.code,),
            birth_date=p.date_edtf or None,
            sex=None if p.sex == "unknown" else p.sex,
            birth_place=p.birth_place.name_ko or p.birth_place.name if p.birth_place else None,
            last_seen_place=p.last_seen_place.name_ko or p.last_seen_place.name if p.last_seen_place else None,
            facility=facilities[0] if facilities else None,
            nationality=p.nationality or None,
            source=p.partner.code if p.partner_id else "commission",
        )


def _judgements() -> dict[tuple[str, str], bool]:
    latest: dict[tuple[str, str], bool | None] = {}
    for j in LinkJudgement.objects.order_by("at", "id").values("person_a_id", "person_b_id", "same"):
        latest[(str(j["person_a_id"]), str(j["person_b_id"]))] = j["same"]
    return {pair: same for pair, same in latest.items() if same is not None}


def linkage_run(*, actor, threshold: float = 0.9, review_band: tuple[float, float] = (0.2, 0.9),
                engine: str = "duckdb") -> LinkageRun:
    """Link every unmerged person and queue the uncertain pairs for review."""
    from inquiry.linkage import link_records

    require(actor, Cap.PERSONS_LINK)
    if not 0 < threshold < 1:
        raise InvalidInput("The threshold must lie between 0 and 1.", field="threshold")
    started = datetime.now(UTC)
    persons = (Person.objects.filter(merged_into__isnull=True)
               .select_related("birth_place", "last_seen_place", "partner")
               .prefetch_related("names", "acts_suffered__place"))
    records = list(_records(persons))
    if len(records) < 2:
        raise InvalidInput("Linkage needs at least two persons in the store.", field="persons")
    # One partner may hold the same person twice: finding those duplicates is the point here, so the
    # one-record-per-list rule of the coalition benchmark does not apply to the case store.
    result = link_records(records, engine=engine, threshold=threshold, review_band=review_band,
                          judgements=_judgements(), source_exclusive=False)
    with transaction.atomic():
        run = LinkageRun.objects.create(started_at=started, finished_at=datetime.now(UTC),
                                        actor=getattr(actor, "username", str(actor)), threshold=threshold,
                                        n_records=len(records), n_pairs=len(result.pairs),
                                        n_review=len(result.review_queue))
        LinkCandidate.objects.filter(status=LinkCandidate.Status.PENDING).delete()
        LinkCandidate.objects.bulk_create([
            LinkCandidate(run=run, person_a_id=int(p.id_a), person_b_id=int(p.id_b),
                          probability=p.probability or 0.0, match_weight=p.match_weight,
                          explanation=p.explanation)
            for p in result.review_queue if p.judgement is None
        ])
        audit_record(actor=actor, action="linkage.run", object_type="linkage_run", object_id=run.pk,
                     detail={"records": run.n_records, "pairs": run.n_pairs, "review": run.n_review,
                             "threshold": threshold})
    return run


@transaction.atomic
def link_judge(*, actor, candidate: LinkCandidate, verdict: str, note: str = "") -> LinkJudgement:
    """Record a person's judgement on a pair and act on it (merge, or undo a merge)."""
    require(actor, Cap.PERSONS_LINK)
    if verdict not in VERDICTS:
        raise InvalidInput("“{value}” is not a judgement; use same, not_same or unsure.", field="verdict",
                           value=verdict)
    same = VERDICTS[verdict]
    a, b = candidate.person_a, candidate.person_b
    judgement = LinkJudgement.objects.create(person_a=a, person_b=b, same=same, note=note[:300], by=actor,
                                             at=datetime.now(UTC))
    candidate.status = verdict
    candidate.save(update_fields=["status"])
    audit_record(actor=actor, action="linkage.judge", object_type="person_pair", object_id=f"{a.pk}-{b.pk}",
                 detail={"verdict": verdict, "a": a.code, "b": b.code, "probability": candidate.probability})
    if same is True and a.merged_into_id is None and b.merged_into_id is None:
        survivor, merged = (a, b) if a.code <= b.code else (b, a)
        person_merge(actor=actor, survivor=survivor, merged=merged, reason="linkage review")
    elif same is False:
        for child, parent in ((a, b), (b, a)):
            if child.merged_into_id == parent.pk:
                person_unmerge(actor=actor, person=child, reason="linkage review: not the same person")
    return judgement
