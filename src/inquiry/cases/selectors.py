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

        qs = qs.filter(id__in=event_ids_matching(q))
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


# --- Interview intake and coding (workbench, issue #6) -------------------------------------------

def interview_get_for_user(user, pk) -> Source:
    """An interview (a source of kind interview) with its ``interview_record`` (or None); audited like a source."""
    from inquiry.cases.models import InterviewRecord

    source = source_get_for_user(user, pk)
    if source.kind != Source.Kind.INTERVIEW:
        raise not_found()
    source.interview_record = InterviewRecord.objects.filter(source=source).first()
    return source


def source_coding_context_for_user(user, pk) -> Source:
    """A source for the coding page: its text, interview sections and the acts already coded from it."""
    from inquiry.cases.models import InterviewRecord

    _require_cases_read(user)
    source = source_get_for_user(user, pk)
    source.interview_record = InterviewRecord.objects.filter(source=source).first()
    source.coded_links = list(InformationLink.objects.filter(source=source)
                              .select_related("act__event", "act__place").order_by("id"))
    return source


def event_choices_for_user(user, *, source: Source | None = None, limit: int = 30) -> list[Event]:
    """Events to code into: those the source already speaks of first, then the most recent."""
    _require_cases_read(user)
    linked = list(Event.objects.filter(acts__links__source=source).distinct().order_by("-id")) if source else []
    seen = {e.pk for e in linked}
    recent = [e for e in Event.objects.order_by("-id")[:limit] if e.pk not in seen]
    return linked + recent


def event_by_code_for_user(user, code: str) -> Event | None:
    _require_cases_read(user)
    return Event.objects.filter(code__iexact=code.strip()).first() if code and code.strip() else None


def place_query_alternatives(q: str) -> list[str]:
    """Folded forms of a place query in every spelling: hangul is also tried in McCune–Reischauer, RR and DPRK."""
    from inquiry.people.naming import fold

    folded = fold(q)
    alternatives = [folded, folded.replace(" ", "")]
    if any("\uac00" <= ch <= "\ud7a3" for ch in q):
        from inquiry.names.hangul import romanize_dprk, romanize_mr, romanize_rr

        for romanize in (romanize_mr, romanize_rr, romanize_dprk):
            try:
                alternatives.append(fold(romanize(q)).replace(" ", ""))
            except Exception:  # a query the romanizer cannot read is still searched as typed
                continue
    return [a for a in dict.fromkeys(alternatives) if a]


def place_suggestions_for_user(user, q: str, *, limit: int = 10) -> list:
    """Gazetteer places for a type-ahead: 'yodok', '요덕' and 'Yodŏk' all find Yodŏk. Best matches first."""
    from inquiry.places.models import Place
    from inquiry.places.selectors import place_list_for_user

    q = " ".join((q or "").split())[:100]
    base = place_list_for_user(user)  # checks who may browse the gazetteer
    if not q:
        return []
    alternatives = place_query_alternatives(q)
    match = Q(code__iexact=q)
    for alt in alternatives:
        match |= Q(names__folded__contains=alt)
    ids = list(base.filter(match).values_list("id", flat=True).distinct()[:200])
    places = list(Place.objects.filter(id__in=ids).select_related("parent").prefetch_related("names"))

    def rank(place):
        folded = [n.folded.replace(" ", "") for n in place.names.all()]
        exact = any(f == a for f in folded for a in alternatives) or place.code.lower() == q.lower()
        prefix = any(f.startswith(a) for f in folded for a in alternatives)
        return (not exact, not prefix, place.kind != Place.Kind.FACILITY, len(place.name), place.code)

    return sorted(places, key=rank)[:limit]


def interviewer_choices_for_user(user) -> list[tuple[str, str]]:
    """Staff who record interviews, for the interviewer field of the intake (the asker first)."""
    from inquiry.accounts.models import User
    from inquiry.accounts.roles import ROLE_CAPS

    _require_cases_read(user)
    roles = [role for role, caps in ROLE_CAPS.items() if Cap.CASES_WRITE in caps and Cap.CONSENT_MANAGE in caps]
    users = User.objects.filter(is_active=True, role__in=roles).order_by("username").only("id", "username")
    others = [(str(u.pk), u.username) for u in users if u.pk != user.pk]
    return [(str(user.pk), user.get_username())] + others


def interview_attachments_for_user(user, source: Source):
    """The evidence files of a source with their chain of custody."""
    from inquiry.evidence.models import EvidenceFile

    if not can(user, Cap.EVIDENCE_READ):
        raise not_found()
    return list(EvidenceFile.objects.filter(source=source).prefetch_related("custody").order_by("id"))


def interviewer_get_for_user(user, pk):
    """The chosen interviewer, among those ``interviewer_choices_for_user`` offers; None if not one of them."""
    from inquiry.accounts.models import User

    allowed = {value for value, _label in interviewer_choices_for_user(user)}
    return User.objects.filter(pk=pk).first() if str(pk) in allowed else None
