"""Reads of sources and events that depend on who is asking. Outsiders get NotFound."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, Role, can
from inquiry.audit.services import audit_record
from inquiry.cases.models import Act, Event, InformationLink, Source
from inquiry.dates import parse_uncertain_date


def _visible_sources(user) -> QuerySet[Source]:
    if can(user, Cap.CASES_READ):
        return Source.objects.all()
    if can(user, Cap.PARTNER_SUBMIT) and user.partner_id:
        return Source.objects.filter(partner_id=user.partner_id)
    raise not_found()


def _date_overlap(qs: QuerySet, date_text: str | None, field: str = "date") -> QuerySet:
    """Keep rows whose uncertain date can overlap the asked period."""
    period = parse_uncertain_date(date_text, field=field)
    if period is None:
        return qs
    return qs.filter(date_earliest__lte=period.latest, date_latest__gte=period.earliest)


def source_list_for_user(user, *, kind: str = "", language: str = "", q: str = "", period: str = "",
                         witness_code: str = "") -> QuerySet[Source]:
    qs = _visible_sources(user).select_related("witness", "partner")
    if kind:
        qs = qs.filter(kind=kind)
    if language:
        qs = qs.filter(language=language)
    if witness_code:
        qs = qs.filter(witness__code=witness_code)
    qs = _date_overlap(qs, period, "period")
    if q:
        from inquiry.cases.search import source_search_queryset

        qs = source_search_queryset(q, qs)
    return qs.order_by("-id")


def source_get_for_user(user, pk) -> Source:
    """One source; reading a confidential source is written to the audit log."""
    source = (_visible_sources(user).select_related("witness", "partner", "place", "interviewer")
              .prefetch_related("links__act__event").filter(pk=pk).first())
    if source is None:
        raise not_found()
    if source.confidential:
        audit_record(actor=user, action="source.read", object_type="source", object_id=source.pk,
                     detail={"code": source.code})
    return source


def _require_cases_read(user) -> None:
    if not can(user, Cap.CASES_READ):
        raise not_found()


def event_list_for_user(user, *, q: str = "", act_type: str = "", place_id=None, period: str = "") -> QuerySet[Event]:
    _require_cases_read(user)
    # A correlated count: grouping all events before LIMIT made the page take seconds at scale.
    acts = Act.objects.filter(event=OuterRef("pk")).order_by().values("event").annotate(c=Count("*")).values("c")
    qs = Event.objects.select_related("place").annotate(
        act_count=Coalesce(Subquery(acts, output_field=IntegerField()), 0))
    if q:
        from inquiry.cases.event_search import event_ids_matching

        qs = qs.filter(Q(id__in=event_ids_matching(q)) | Q(code__iexact=q.strip()))
    if act_type:
        qs = qs.filter(acts__act_type=act_type).distinct()
    if place_id:
        qs = qs.filter(Q(place_id=place_id) | Q(acts__place_id=place_id)).distinct()
    return _date_overlap(qs, period, "period").order_by("-id")


def event_get_for_user(user, pk) -> Event:
    _require_cases_read(user)
    links = InformationLink.objects.select_related("source", "source__witness")
    acts = (Act.objects.select_related("place").prefetch_related("victims", "perpetrations__person",
                                                                 "perpetrations__organisation",
                                                                 Prefetch("links", queryset=links)))
    event = (Event.objects.select_related("place").prefetch_related(Prefetch("acts", queryset=acts))
             .filter(pk=pk).first())
    if event is None:
        raise not_found()
    # Passages quoted from confidential sources are sensitive reads too.
    confidential = sorted({link.source.code for act in event.acts.all() for link in act.links.all()
                           if link.source.confidential})
    if confidential:
        audit_record(actor=user, action="event.read", object_type="event", object_id=event.pk,
                     detail={"code": event.code, "confidential_sources": confidential})
    return event


def act_get_for_user(user, pk) -> Act:
    _require_cases_read(user)
    act = Act.objects.select_related("event", "place").filter(pk=pk).first()
    if act is None:
        raise not_found()
    return act


def source_choices_for_user(user) -> QuerySet[Source]:
    return _visible_sources(user).only("id", "code", "title").order_by("-id")


def is_partner(user) -> bool:
    return getattr(user, "role", "") == Role.PARTNER
