"""Reads of persons and organisations that depend on who is asking."""

from __future__ import annotations

from dataclasses import dataclass, field

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

        qs = qs.filter(id__in=person_ids_matching(q))
    names = PersonName.objects.only("id", "person_id", "original", "script")
    return qs.prefetch_related(Prefetch("names", queryset=names)).order_by("code")


def _merged_records():
    """Records merged into a person, unordered: ordered by code, SQLite walked the whole code index
    (0.1–1.4 s at 300,000 persons) instead of the merged_into index. Pages sort the few rows."""
    return Person.objects.only("id", "code", "merged_into_id").order_by()


def person_get_for_user(user, pk) -> Person:
    acts = Act.objects.select_related("event", "place")
    person = (_visible_persons(user).select_related("birth_place", "last_seen_place", "merged_into")
              .prefetch_related("names", Prefetch("merged", queryset=_merged_records()), "relationships__relative",
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


# --- the person page --------------------------------------------------------------------------


_INVERSE_KIND = {"parent": "child", "child": "parent", "spouse": "spouse", "sibling": "sibling", "other": "other"}


@dataclass(frozen=True)
class Relative:
    person: Person
    kind: str  # Relationship.Kind value: what ``person`` is to the person on the page

    @property
    def kind_label(self) -> str:
        from inquiry.people.models import Relationship

        return str(Relationship.Kind(self.kind).label) if self.kind in Relationship.Kind.values else self.kind


@dataclass(frozen=True)
class PersonPage:
    """Everything the person page shows, read with a fixed number of queries."""

    person: Person
    names: list  # PersonName of this record and of the records merged into it
    acts_as_victim: list  # Act with event, place and links (with sources) prefetched
    acts_as_perpetrator: list  # (Act, involvement label)
    relatives: list[Relative]
    timeline: list  # acts as victim and as perpetrator, oldest first; undated acts last
    confidential_sources: list[str] = field(default_factory=list)


def _acts_queryset():
    from inquiry.cases.models import InformationLink

    links = InformationLink.objects.select_related("source").only(
        "id", "act_id", "mode", "reliability", "source__id", "source__code", "source__title", "source__kind",
        "source__confidential", "source__date_edtf")
    return (Act.objects.select_related("event", "place")
            .prefetch_related(Prefetch("links", queryset=links)).order_by("date_earliest", "id"))


def person_page_for_user(user, pk) -> PersonPage:
    """The person with names, acts (as victim and as perpetrator) and their sources, relatives.

    Acts and sources are case data: a partner sees only their own person's names, facts and
    relatives. Records merged into this one contribute their names and acts. When the page
    lists confidential sources, the read is written to the audit log.
    """
    from inquiry.audit.services import audit_record
    from inquiry.cases.models import Perpetration
    from inquiry.people.models import Relationship

    visible = _visible_persons(user)
    person = (visible.select_related("birth_place", "last_seen_place", "merged_into")
              .prefetch_related(Prefetch("merged", queryset=_merged_records()))
              .filter(pk=pk).first())
    if person is None:
        raise not_found()
    ids = [person.pk] + [m.pk for m in person.merged.all()]
    # Partners see relatives only among their own persons; case readers see every person.
    rel_filter = {} if can(user, Cap.CASES_READ) else {"partner_id": user.partner_id}
    names = list(PersonName.objects.filter(person_id__in=ids).order_by("person_id", "id")
                 .select_related("person").only("id", "person_id", "original", "script", "lang", "romanization",
                                                  "person__id", "person__code"))
    victim_acts: list = []
    perpetrator_acts: list = []
    if can(user, Cap.CASES_READ):
        victim_acts = list(_acts_queryset().filter(
            id__in=Act.victims.through.objects.filter(person_id__in=ids).values("act_id")))
        involvement = {}
        for row in Perpetration.objects.filter(person_id__in=ids).values("act_id", "involvement"):
            involvement.setdefault(row["act_id"], row["involvement"])
        labels = dict(Perpetration.Involvement.choices)
        perpetrator_acts = [(act, str(labels.get(involvement[act.pk], involvement[act.pk])))
                            for act in _acts_queryset().filter(id__in=list(involvement))]
    relatives = [Relative(r.relative, r.kind) for r in
                 Relationship.objects.filter(person_id__in=ids, **{f"relative__{k}": v for k, v in rel_filter.items()})
                 .select_related("relative")]
    relatives += [Relative(r.person, _INVERSE_KIND.get(r.kind, "other")) for r in
                  Relationship.objects.filter(relative_id__in=ids, **{f"person__{k}": v for k, v in rel_filter.items()})
                  .select_related("person")]
    if relatives:
        rel_names = PersonName.objects.filter(person_id__in={r.person.pk for r in relatives}).only(
            "id", "person_id", "original")
        by_person: dict[int, list] = {}
        for n in rel_names:
            by_person.setdefault(n.person_id, []).append(n.original)
        for r in relatives:
            r.person.name_list = by_person.get(r.person.pk, [])
    for act in victim_acts:
        act.as_victim = True
    for act, label in perpetrator_acts:
        act.as_victim, act.involvement_label = False, label
    seen = set()
    timeline = []
    for act in sorted([*victim_acts, *(a for a, _ in perpetrator_acts)],
                      key=lambda a: (a.date_earliest is None, a.date_earliest or 0, a.date_latest or 0, a.pk)):
        if act.pk not in seen:
            seen.add(act.pk)
            timeline.append(act)
    confidential = sorted({link.source.code for act in timeline for link in act.links.all()
                           if link.source.confidential})
    if confidential:
        audit_record(actor=user, action="person.read", object_type="person", object_id=person.pk,
                     detail={"code": person.code, "confidential_sources": confidential})
    return PersonPage(person=person, names=names, acts_as_victim=victim_acts, acts_as_perpetrator=perpetrator_acts,
                      relatives=relatives, timeline=timeline, confidential_sources=confidential)


def person_act_places_for_user(user, person_ids) -> dict[int, list[str]]:
    """Places of the acts each person suffered (facilities first), in one query: for the linkage screen."""
    from inquiry.places.models import Place

    if not can(user, Cap.CASES_READ):
        raise not_found()
    rows = (Act.victims.through.objects.filter(person_id__in=list(person_ids), act__place__isnull=False)
            .values_list("person_id", "act__place__kind", "act__place__name", "act__place__name_ko").distinct())
    out: dict[int, list[tuple[int, str]]] = {}
    for person_id, kind, name, name_ko in rows:
        label = f"{name} ({name_ko})" if name_ko else name
        out.setdefault(person_id, []).append((0 if kind == Place.Kind.FACILITY else 1, label))
    return {pid: [label for _, label in sorted(set(items))] for pid, items in out.items()}
