"""Reads of persons and organisations that depend on who is asking."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.cases.models import Act
from inquiry.people.models import Organisation, Person, PersonName


def _visible_persons(user) -> QuerySet[Person]:
    if can(user, Cap.CASES_READ):
        return Person.objects.all()
    if can(user, Cap.PARTNER_SUBMIT) and user.partner_id:
        return Person.objects.filter(partner_id=user.partner_id)
    raise not_found()


def person_list_for_user(user, *, q: str = "", status: str = "", sex: str = "",
                         include_merged: bool = False) -> QuerySet[Person]:
    qs = _visible_persons(user)
    if not include_merged:
        qs = qs.filter(merged_into__isnull=True)
    if status:
        qs = qs.filter(status=status)
    if sex:
        qs = qs.filter(sex=sex)
    if q:
        from inquiry.people.search import person_ids_matching

        qs = qs.filter(Q(id__in=person_ids_matching(q)) | Q(code__iexact=q.strip()))
    names = PersonName.objects.only("id", "person_id", "original", "script")
    return qs.prefetch_related(Prefetch("names", queryset=names)).order_by("code")


def person_get_for_user(user, pk) -> Person:
    acts = Act.objects.select_related("event", "place")
    person = (_visible_persons(user).select_related("birth_place", "last_seen_place", "merged_into")
              .prefetch_related("names", "merged", "relationships__relative",
                                Prefetch("acts_suffered", queryset=acts))
              .filter(pk=pk).first())
    if person is None:
        raise not_found()
    return person


def organisation_list_for_user(user, *, q: str = "") -> QuerySet[Organisation]:
    if not can(user, Cap.CASES_READ):
        raise not_found()
    qs = Organisation.objects.prefetch_related("names")
    if q:
        qs = qs.filter(Q(names__name__icontains=q) | Q(code__icontains=q)).distinct()
    return qs


def organisation_get_for_user(user, pk) -> Organisation:
    if not can(user, Cap.CASES_READ):
        raise not_found()
    org = Organisation.objects.prefetch_related("names", "units").filter(pk=pk).first()
    if org is None:
        raise not_found()
    return org
