"""The gazetteer is public knowledge, but only signed-in staff and partners browse it here."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.people.naming import fold
from inquiry.places.models import Place

BROWSE_CAPS = (Cap.CASES_READ, Cap.PARTNER_SUBMIT, Cap.PLACES_WRITE)


def _require_browse(user) -> None:
    if not any(can(user, cap) for cap in BROWSE_CAPS):
        raise not_found()


def place_list_for_user(user, *, q: str = "", kind: str = "", facility_type: str = "") -> QuerySet[Place]:
    _require_browse(user)
    qs = Place.objects.select_related("parent")
    if kind:
        qs = qs.filter(kind=kind)
    if facility_type:
        qs = qs.filter(facility_type=facility_type)
    if q:
        folded = fold(q)
        qs = qs.filter(Q(names__folded__icontains=folded) | Q(code__iexact=q.strip())
                       | Q(name__icontains=q.strip()) | Q(name_ko__icontains=q.strip())).distinct()
    return qs.order_by("code")


def place_get_for_user(user, pk) -> Place:
    _require_browse(user)
    place = (Place.objects.select_related("parent").prefetch_related("names", "children")
             .annotate(act_count=Count("acts")).filter(pk=pk).first())
    if place is None:
        raise not_found()
    return place
