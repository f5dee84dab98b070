"""Reads for the linkage review queue. Only roles that may link persons see it."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.people.models import LinkageRun, LinkCandidate, PersonName


def _require(user) -> None:
    if not can(user, Cap.PERSONS_LINK):
        raise not_found()


def link_queue_for_user(user, *, status: str = "pending") -> QuerySet[LinkCandidate]:
    _require(user)
    names = PersonName.objects.only("id", "person_id", "original")
    return (LinkCandidate.objects.filter(status=status)
            .select_related("person_a", "person_b")
            .prefetch_related(Prefetch("person_a__names", queryset=names),
                              Prefetch("person_b__names", queryset=names)))


def link_candidate_get_for_user(user, pk) -> LinkCandidate:
    _require(user)
    candidate = (LinkCandidate.objects.select_related("person_a__birth_place", "person_b__birth_place",
                                                      "person_a__last_seen_place", "person_b__last_seen_place")
                 .prefetch_related("person_a__names", "person_b__names").filter(pk=pk).first())
    if candidate is None:
        raise not_found()
    return candidate


def last_run_for_user(user) -> LinkageRun | None:
    _require(user)
    return LinkageRun.objects.first()
