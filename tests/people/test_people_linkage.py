"""Linkage over the persons in the store: the queue, judgements that override the model, reversible merges."""

from __future__ import annotations

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.errors import InvalidInput, NotFound, PermissionDenied
from inquiry.people import linkage_selectors, linkage_services, services
from inquiry.people.models import LinkCandidate, LinkJudgement, Person

pytestmark = pytest.mark.django_db

# Fictional people; each inner list is one person written by different lists.
PEOPLE = [
    (["김영철", "Kim Yŏng-ch'ŏl"], "1961", "male"), (["Gim Yeong-cheol"], "1960/1962", "male"),
    (["이순실"], "1955", "female"), (["Ri Sun-sil"], "1955", "female"),
    (["박명호"], "1970", "male"), (["최은희"], "1948", "female"), (["정성민"], "1983", "male"),
    (["한지원"], "1990", "female"), (["오국렬"], "1931", "male"), (["강철수"], "1966", "male"),
    (["김영철"], "1985", "male"),  # a homonym born 24 years later: not the same person
]


@pytest.fixture
def persons(users):
    return [services.person_create(actor=users["investigator"], names=names, birth_date=born, sex=sex)
            for names, born, sex in PEOPLE]


def test_only_analysts_run_linkage_and_see_the_queue(users, persons):
    for role in ("investigator", "commissioner", "protection", "partner"):
        with pytest.raises(PermissionDenied):
            linkage_services.linkage_run(actor=users[role])
        with pytest.raises(NotFound):
            linkage_selectors.link_queue_for_user(users[role])


def test_a_run_scores_pairs_and_writes_an_audit_entry(users, persons):
    run = linkage_services.linkage_run(actor=users["analyst"])
    assert run.n_records == len(PEOPLE) and run.n_pairs >= 1
    assert AuditEntry.objects.filter(action="linkage.run", object_id=str(run.pk)).exists()


def test_same_judgement_merges_and_not_same_undoes_it(users, persons):
    analyst = users["analyst"]
    run = linkage_services.linkage_run(actor=analyst)
    a, b = persons[0], persons[1]
    candidate = LinkCandidate.objects.create(run=run, person_a=a, person_b=b, probability=0.6)
    linkage_services.link_judge(actor=analyst, candidate=candidate, verdict="same", note="same camp")
    b.refresh_from_db()
    assert b.merged_into == a
    candidate2 = LinkCandidate.objects.create(run=run, person_a=a, person_b=b, probability=0.6)
    linkage_services.link_judge(actor=analyst, candidate=candidate2, verdict="not_same")
    b.refresh_from_db()
    assert b.merged_into is None
    assert LinkJudgement.objects.count() == 2
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "person.merge" in actions and "person.unmerge" in actions


def test_a_not_same_judgement_overrides_the_model_in_later_runs(users, persons):
    analyst = users["analyst"]
    run = linkage_services.linkage_run(actor=analyst)
    homonym_a, homonym_b = persons[0], persons[-1]
    candidate = LinkCandidate.objects.create(run=run, person_a=homonym_a, person_b=homonym_b, probability=0.5)
    linkage_services.link_judge(actor=analyst, candidate=candidate, verdict="not_same")
    linkage_services.linkage_run(actor=analyst)
    pending = LinkCandidate.objects.filter(status="pending")
    judged = {(homonym_a.pk, homonym_b.pk), (homonym_b.pk, homonym_a.pk)}
    assert not any((c.person_a_id, c.person_b_id) in judged for c in pending)


def test_bad_verdict_is_refused_with_the_field(users, persons):
    run = linkage_services.linkage_run(actor=users["analyst"])
    candidate = LinkCandidate.objects.create(run=run, person_a=persons[2], person_b=persons[3], probability=0.5)
    with pytest.raises(InvalidInput) as err:
        linkage_services.link_judge(actor=users["analyst"], candidate=candidate, verdict="maybe")
    assert err.value.field == "verdict"
    assert Person.objects.filter(merged_into__isnull=False).count() == 0
