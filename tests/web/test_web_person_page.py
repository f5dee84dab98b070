"""The person page (names, acts, sources, relatives, status over time) and the linkage review screen."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.audit.models import AuditEntry
from inquiry.cases import services as cases
from inquiry.people import services as people
from inquiry.people.models import LinkageRun, LinkCandidate, Relationship

pytestmark = pytest.mark.django_db


def _act(users, person, act_type, date, *, perpetrator=False, source=None):
    inv = users["investigator"]
    event = cases.event_create(actor=inv, title=f"Fictional {act_type.lower()} {date}", date=date)
    act = cases.act_add(actor=inv, event=event, act_type=act_type, date=date,
                        victims=[] if perpetrator else [person],
                        perpetrators=[(person, None, "direct")] if perpetrator else [])
    if source is not None:
        cases.act_link_source(actor=inv, act=act, source=source, mode="direct")
    return act


def _interview(users, title="Fictional interview"):
    return cases.source_record(actor=users["investigator"], kind="interview", title=title, language="ko",
                               text="허구", consent={"internal_use": True})


def test_person_page_shows_names_acts_sources_relatives_and_a_chronology(users, client_for):
    inv = users["investigator"]
    person = people.person_create(actor=inv, names=[("김영철", "ko"), ("Kim Yŏng-ch'ŏl", "")])
    duplicate = people.person_create(actor=inv, names=[("金英哲", "ko")])
    people.person_merge(actor=users["analyst"], survivor=person, merged=duplicate)
    mother = people.person_create(actor=inv, names=["박순희"])
    son = people.person_create(actor=inv, names=["김철수"])
    Relationship.objects.create(person=person, relative=mother, kind="parent")
    Relationship.objects.create(person=son, relative=person, kind="parent")
    source = _interview(users)
    released = _act(users, person, "FORCIBLE_TRANSFER", "2001", source=source)
    arrested = _act(users, duplicate, "ARBITRARY_ARREST", "spring 1997", source=source)
    camp = _act(users, person, "POLITICAL_PRISON_CAMP_IMPRISONMENT", "1998/1999")
    beating = _act(users, person, "BEATING", "1990s", perpetrator=True)
    response = client_for("analyst").get(f"/persons/{person.pk}/")
    assert response.status_code == 200
    page = response.context["page"]
    assert [n.original for n in page.names] == ["김영철", "Kim Yŏng-ch'ŏl", "金英哲"]
    assert {a.pk for a in page.acts_as_victim} == {released.pk, arrested.pk, camp.pk}
    assert [(a.pk, label) for a, label in page.acts_as_perpetrator] == [(beating.pk, "Direct perpetrator")]
    assert [a.pk for a in page.timeline] == [beating.pk, arrested.pk, camp.pk, released.pk]
    assert {(r.person.code, r.kind) for r in page.relatives} == {(mother.code, "parent"), (son.code, "child")}
    html = response.content.decode()
    assert "spring 1997" in html and "1990s" in html and source.code in html
    assert "Hanja or kanji" in html and "Korean" in html


def test_person_page_shows_uncertain_dates_in_words(users, client_for):
    person = people.person_create(actor=users["investigator"], names=["김영철"], birth_date="1960")
    _act(users, person, "ARBITRARY_ARREST", "spring 1997")
    client = client_for("commissioner")
    client.post("/i18n/setlang/", {"language": "en"})
    assert "spring 1997" in client.get(f"/persons/{person.pk}/").content.decode()


def test_person_page_query_count_does_not_grow_with_acts(users, client_for):
    person = people.person_create(actor=users["investigator"], names=["김영철"])
    client = client_for("analyst")

    def add(n):
        for i in range(n):
            source = _interview(users, f"Fictional interview {i}")
            _act(users, person, "ARBITRARY_DETENTION", f"{1990 + i}", source=source)
            _act(users, person, "BEATING", f"{1990 + i}", perpetrator=True, source=source)
            relative = people.person_create(actor=users["investigator"], names=[f"김허구{i}"])
            Relationship.objects.create(person=person, relative=relative, kind="sibling")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/persons/{person.pk}/").status_code == 200
        return len(ctx.captured_queries)

    add(2)
    few = count()
    add(8)
    assert count() == few


def test_reading_a_person_with_confidential_sources_is_audited(users, client_for):
    person = people.person_create(actor=users["investigator"], names=["김영철"])
    source = _interview(users)
    _act(users, person, "ARBITRARY_ARREST", "1997", source=source)
    client_for("commissioner").get(f"/persons/{person.pk}/")
    entry = AuditEntry.objects.filter(action="person.read").get()
    assert entry.actor == "commissioner" and source.code in entry.detail


def test_partner_sees_own_person_without_case_data_and_no_other_persons(users, client_for):
    own = people.person_create(actor=users["partner"], names=["김영철"])
    commission_relative = people.person_create(actor=users["investigator"], names=["박순희"])
    own_relative = people.person_create(actor=users["partner"], names=["김철수"])
    Relationship.objects.create(person=own, relative=commission_relative, kind="parent")
    Relationship.objects.create(person=own, relative=own_relative, kind="child")
    _act(users, own, "ARBITRARY_ARREST", "1997", source=_interview(users))
    response = client_for("partner").get(f"/persons/{own.pk}/")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.acts_as_victim == [] and page.timeline == []
    assert [r.person.pk for r in page.relatives] == [own_relative.pk]
    html = response.content.decode()
    assert "Fictional interview" not in html and commission_relative.code not in html
    assert client_for("outsider").get(f"/persons/{own.pk}/").status_code == 404
    assert client_for("partner").get(f"/persons/{commission_relative.pk}/").status_code == 404


def test_failed_merge_shows_the_full_person_page(users, client_for):
    person = people.person_create(actor=users["investigator"], names=["김영철"])
    response = client_for("analyst").post(f"/persons/{person.pk}/merge/", {"other": "P-NONE", "reason": "x"})
    assert response.status_code == 400 and "page" in response.context


# --- linkage review ---------------------------------------------------------------------------


def _candidate(users):
    inv = users["investigator"]
    a = people.person_create(actor=inv, names=[("김영철", "ko")], birth_date="1960", sex="male")
    b = people.person_create(actor=inv, names=["Kim Yong Chol"], birth_date="1961", sex="male")
    run = LinkageRun.objects.create(started_at="2026-01-01T00:00Z", actor="analyst", threshold=0.9)
    return LinkCandidate.objects.create(
        run=run, person_a=a, person_b=b, probability=0.62, match_weight=0.7,
        explanation={"prior": -6.5, "name": {"level": "a canonical form in common", "match_weight": 8.2},
                     "birth_date": {"level": "within a year", "match_weight": -1.0}})


def test_linkage_screen_shows_both_records_the_waterfall_and_keyboard_verdicts(users, client_for):
    candidate = _candidate(users)
    response = client_for("analyst").get(f"/linkage/{candidate.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "김영철" in html and "Kim Yong Chol" in html and "62 %" in html
    assert [(r["label"], r["for"]) for r in response.context["rows"]] == [("Names", True), ("Birth date", False)]
    birth = next(row for row in response.context["facts"] if row["key"] == "birth_date")
    assert birth["differs"] and "they differ" in html
    for verdict, key in (("same", "1"), ("not_same", "2"), ("unsure", "3")):
        assert f'value="{verdict}" accesskey=' in html and f'data-key="{key}"' in html


def test_linkage_screen_verdict_moves_to_the_next_pair(users, client_for):
    first, second = _candidate(users), _candidate(users)
    response = client_for("analyst").post(f"/linkage/{first.pk}/", {"verdict": "unsure", "note": "ask"})
    assert response.status_code == 302 and response["Location"] == f"/linkage/{second.pk}/"
    first.refresh_from_db()
    assert first.status == "unsure"
    assert client_for("analyst").post(f"/linkage/{second.pk}/", {"verdict": "maybe"}).status_code == 400


def test_linkage_screen_query_count_is_fixed(users, client_for):
    candidate = _candidate(users)
    client = client_for("analyst")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/linkage/{candidate.pk}/").status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for year in range(1990, 1998):
        _act(users, candidate.person_a, "ARBITRARY_DETENTION", str(year))
    assert count() == few
