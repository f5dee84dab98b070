"""The trigram index behind event and name search: two-character terms, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import selectors
from inquiry.cases import services as cases
from inquiry.cases.event_search import EVENT_INDEX
from inquiry.cases.models import Event
from inquiry.people import selectors as people_selectors
from inquiry.people import services as people

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(users):
    inv = users["investigator"]
    titles = {"inside": "평양에서 체포된 사람들", "end": "가족이 끌려간 곳은 요덕", "exact": "拉致",
              "latin": "Arrest at the Hoeryong market", "none": "Fictional ration card"}
    return {key: cases.event_create(actor=inv, title=title) for key, title in titles.items()}


def _found(users, q: str) -> set[int]:
    return set(selectors.event_list_for_user(users["analyst"], q=q).values_list("id", flat=True))


@pytest.mark.parametrize(("q", "key"), [("평양", "inside"), ("요덕", "end"), ("拉致", "exact"), ("ho", "latin"),
                                        ("HO", "latin"), ("et", "latin")])
def test_two_character_terms_are_found_anywhere_in_the_text(users, events, q, key):
    assert _found(users, q) == {events[key].id}


def test_two_character_terms_use_the_index_not_a_scan_on_sqlite(users, events):
    if connection.vendor != "sqlite":
        pytest.skip("the end-mark expansion is SQLite's; PostgreSQL has a bigram index")
    with CaptureQueriesContext(connection) as ctx:
        assert _found(users, "요덕") == {events["end"].id}
        assert _found(users, "북한") == set(), "a pair that begins no trigram occurs nowhere"
    assert not [q["sql"] for q in ctx.captured_queries if " LIKE " in q["sql"]]


def test_one_character_terms_still_match_by_scanning(users, events):
    assert _found(users, "덕") == {events["end"].id}


def test_the_index_follows_updates_and_deletes(users, events):
    event = events["end"]
    Event.objects.filter(pk=event.pk).update(title="명천으로 이송")
    assert _found(users, "요덕") == set()
    assert _found(users, "명천") == {event.id}
    Event.objects.filter(pk=event.pk).delete()
    assert _found(users, "명천") == set()


def test_reinstalling_the_index_keeps_every_term_findable(users, events):
    """What the upgrade migration does to an existing SQLite store (on PostgreSQL it only
    recreates pg_trgm indexes, which cannot be built inside a test's open transaction)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 table is what the migration rebuilds")
    EVENT_INDEX.remove()
    EVENT_INDEX.install()
    assert _found(users, "요덕") == {events["end"].id}
    assert _found(users, "평양에서") == {events["inside"].id}


def test_two_syllable_given_names_find_the_person(users):
    inv = users["investigator"]
    person = people.person_create(actor=inv, names=["이철"])
    people.person_create(actor=inv, names=["박순희"])
    found = people_selectors.person_list_for_user(users["analyst"], q="이철")
    assert [p.pk for p in found] == [person.pk]


def test_many_trigrams_beginning_with_a_pair_fall_back_to_a_scan(users, events, monkeypatch):
    from inquiry import trigram_index

    monkeypatch.setattr(trigram_index, "MAX_EXPANSION", 0)
    assert _found(users, "평양") == {events["inside"].id}


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: only possible plans count
        cur.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cur.fetchall())


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the bigram indexes are PostgreSQL's; SQLite expands pairs through its FTS5 vocabulary")


def test_two_character_terms_are_answered_by_bigram_indexes_on_postgresql(users, events):
    _require_postgresql()
    people.person_create(actor=users["investigator"], names=["김영철"])
    plans = {
        "요덕": _plan(selectors.event_list_for_user(users["analyst"], q="요덕")),
        "김영": _plan(people_selectors.person_list_for_user(users["analyst"], q="김영")),
        "평양": _plan(selectors.source_list_for_user(users["analyst"], q="평양")),
    }
    assert "cases_event_title_bigram" in plans["요덕"]
    assert "cases_event_description_bigram" in plans["요덕"]
    assert "people_personname_search_text_bigram" in plans["김영"]
    assert "cases_source_search_bigram" in plans["평양"]
    # pg_trgm gets no trigram out of two characters and reads its whole index (400,000 rows). A
    # name's longer alternatives (its romanized keys) still go to the trigram index.
    assert not [line for term, plan in plans.items() for line in plan.splitlines()
                if "Index Cond" in line and f"'%{term}%'" in line]


def test_a_code_is_found_through_the_same_single_subquery(users, events):
    person = people.person_create(actor=users["investigator"], names=["박순희"])
    assert [p.pk for p in people_selectors.person_list_for_user(users["analyst"], q=person.code.lower())] == [person.pk]
    event = events["none"]
    assert _found(users, f" {event.code.lower()} ") == {event.id}


def test_search_indexes_keep_no_pending_list_on_postgresql(db):
    """GIN's pending list is read by every search until vacuum merges it: 4-13 ms a look-up."""
    _require_postgresql()
    with connection.cursor() as cur:
        cur.execute("""SELECT c.relname, coalesce(array_to_string(c.reloptions, ','), '')
                       FROM pg_class c JOIN pg_am a ON a.oid = c.relam
                       WHERE a.amname = 'gin' AND c.relname LIKE %s""", ["%\\_trgm%"])
        trigram = dict(cur.fetchall())
        cur.execute("""SELECT c.relname, coalesce(array_to_string(c.reloptions, ','), '')
                       FROM pg_class c JOIN pg_am a ON a.oid = c.relam
                       WHERE a.amname = 'gin' AND c.relname LIKE %s""", ["%\\_bigram"])
        bigram = dict(cur.fetchall())
    assert set(trigram) == {"cases_source_search_trgm", "cases_event_title_trgm",
                            "cases_event_description_trgm", "people_personname_search_text_trgm"}
    assert set(bigram) == {"cases_source_search_bigram", "cases_event_title_bigram",
                           "cases_event_description_bigram", "people_personname_search_text_bigram"}
    assert {name: options for name, options in {**trigram, **bigram}.items() if "fastupdate=off" not in options} == {}
