"""Full-text search over sources; runs on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm)."""

from __future__ import annotations

import pytest

from inquiry.cases.models import Source
from inquiry.cases.search import (
    parse_query,
    source_search_count,
    source_search_ids,
    source_search_queryset,
)

pytestmark = pytest.mark.django_db


def _source(code: str, title: str, text: str = "", **extra) -> Source:
    return Source.objects.create(code=code, kind=Source.Kind.INTERVIEW, title=title, text=text, **extra)


@pytest.fixture
def corpus():
    return {
        "ko": _source("S-KO", "[데모] 면담 기록", "증인은 1997년 봄 요덕 수용소에서 강제노동을 했다고 진술했다."),
        "ja": _source("S-JA", "[デモ] 聞き取り記録", "証言者は拉致被害者の家族であり、新潟の海岸で姿を消したと述べた。"),
        "en": _source("S-EN", "[DEMO] Interview record", "The witness described a public execution near the market."),
        "kim": _source("S-KIM", "[데모] 김 씨 면담", "가족이 평양에서 추방되었다."),
        "other": _source("S-OTHER", "[DEMO] Document", "A fictional ration card of a fictional household."),
    }


def test_hangul_substring_inside_a_word_is_found(corpus):
    # "요덕 수용소에서" contains 수용소 glued to a particle: a word tokenizer would miss it.
    assert source_search_ids("수용소") == [corpus["ko"].id]


def test_kanji_and_kana_substrings_are_found(corpus):
    assert source_search_ids("拉致被害者") == [corpus["ja"].id]
    assert source_search_ids("姿を消した") == [corpus["ja"].id]


def test_english_word_is_found_case_insensitively(corpus):
    assert source_search_ids("EXECUTION") == [corpus["en"].id]


def test_every_term_must_match(corpus):
    assert source_search_ids("public market") == [corpus["en"].id]
    assert source_search_ids("public ration") == []


def test_quoted_phrase_is_one_term(corpus):
    assert source_search_ids('"public execution"') == [corpus["en"].id]
    assert source_search_ids('"execution public"') == []


def test_two_character_queries_fall_back_to_like(corpus):
    assert source_search_ids("拉致") == [corpus["ja"].id]
    assert source_search_ids("평양") == [corpus["kim"].id]
    assert source_search_count("평양") == 1


def test_one_character_hangul_surname_is_found(corpus):
    assert corpus["kim"].id in source_search_ids("김")


def test_short_and_long_terms_combine(corpus):
    assert source_search_ids("김 추방되었다") == [corpus["kim"].id]
    assert source_search_ids("김 수용소") == []


@pytest.mark.parametrize("query", [
    '"', '""', "'", "*", "a*", "(execution", "execution)", "NEAR(a b)", "AND OR NOT", "title:execution",
    "^execution", "%", "_", "\\", "'; DROP TABLE cases_source; --", "\x00exec", "ex\u200bec", "{x y}",
])
def test_query_syntax_in_user_input_never_errors(corpus, query):
    ids = source_search_ids(query)
    assert isinstance(ids, list)
    assert source_search_count(query) == len(source_search_ids(query, limit=1000))
    assert Source.objects.count() == 5


def test_like_wildcards_are_searched_literally(corpus):
    pct = _source("S-PCT", "[DEMO] 100% rations", "Fictional text.")
    assert source_search_ids("%") == [pct.id]
    assert source_search_ids("0%") == [pct.id]
    assert source_search_ids("_") == []


def test_fts_operators_are_searched_literally(corpus):
    near = _source("S-NEAR", "[DEMO] NEAR(a b) and OR", "Fictional.")
    assert source_search_ids("NEAR(a") == [near.id]
    assert source_search_ids("execution OR ration") == []


def test_updates_are_reflected(corpus):
    src = corpus["other"]
    src.text = "A fictional note about 회령 and forced labour."
    src.save()
    assert source_search_ids("forced labour") == [src.id]
    assert source_search_ids("ration card") == []
    Source.objects.filter(id=src.id).update(title="[DEMO] Renamed ledger")
    assert source_search_ids("Renamed ledger") == [src.id]


def test_deletes_are_reflected(corpus):
    gone = corpus["en"].id
    corpus["en"].delete()
    assert source_search_ids("execution") == []
    assert gone not in source_search_ids("DEMO", limit=100)


def test_title_hit_ranks_above_text_hit_and_ties_are_newest_first():
    older = _source("S-1", "[DEMO] Hoeryong notes", "Fictional.")
    in_text = _source("S-2", "[DEMO] Notes", "Fictional mention of Hoeryong in the text only, among other words.")
    newer = _source("S-3", "[DEMO] Hoeryong notes", "Fictional.")
    assert source_search_ids("Hoeryong") == [newer.id, older.id, in_text.id]


def test_limit_offset_and_count_page_through_matches():
    made = [_source(f"S-{i}", f"[DEMO] fictional item {i}") for i in range(7)]
    assert source_search_count("fictional item") == 7
    first = source_search_ids("fictional item", limit=3)
    rest = source_search_ids("fictional item", limit=10, offset=3)
    assert len(first) == 3 and len(rest) == 4
    assert sorted(first + rest) == sorted(s.id for s in made)


def test_empty_query_matches_nothing(corpus):
    assert source_search_ids("   ") == []
    assert source_search_count("") == 0
    assert not source_search_queryset("", Source.objects.all()).exists()


def test_queryset_composes_with_a_permission_filter(corpus, partners):
    mine = _source("S-P1", "[DEMO] partner list", "수용소 fictional", partner=partners["own"])
    _source("S-P2", "[DEMO] partner list", "수용소 fictional", partner=partners["other"])
    visible = Source.objects.filter(partner=partners["own"])
    assert list(source_search_queryset("수용소", visible)) == [mine]
    assert set(source_search_queryset("수용소", Source.objects.all()).values_list("id", flat=True)) == {
        corpus["ko"].id, mine.id, mine.id + 1}
    assert list(source_search_queryset("김 가족", Source.objects.all())) == [corpus["kim"]]


def test_parse_query_normalises_and_bounds_input():
    assert parse_query('"public execution" 회령') == ["public execution", "회령"]
    assert parse_query("exec execution") == ["execution"]  # a term inside another adds nothing
    # Decomposed hangul (as macOS file names give it) is composed before matching.
    assert parse_query("\u1112\u116c\u1105\u1167\u11bc") == ["회령"]
    assert len(parse_query(" ".join(f"t{i}x" for i in range(50)))) == 8


def test_reinstalling_the_index_reindexes_existing_sources(corpus):
    from django.db import connection

    from inquiry.cases.search import search_index_install, search_index_remove

    if connection.vendor == "postgresql":  # CREATE INDEX refuses to run with deferred FK checks pending
        with connection.cursor() as cur:
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
    search_index_remove()
    search_index_install()
    assert source_search_ids("수용소") == [corpus["ko"].id]
    added = _source("S-NEW", "[DEMO] after reinstall", "Fictional 증언 after the triggers came back.")
    assert source_search_ids("triggers came back") == [added.id]


def test_very_common_queries_come_newest_first_instead_of_ranked(monkeypatch):
    from inquiry.cases import search

    older = _source("S-1", "[DEMO] Hoeryong notes", "Fictional.")
    in_text = _source("S-2", "[DEMO] Notes", "Fictional mention of Hoeryong in the text only.")
    assert source_search_ids("Hoeryong") == [older.id, in_text.id]
    monkeypatch.setattr(search, "RANK_LIMIT", 1)
    assert source_search_ids("Hoeryong") == [in_text.id, older.id]


def test_queryset_works_inside_a_subquery_and_after_joins(corpus, partners):
    from inquiry.cases.models import Act, Event, InformationLink

    mine = _source("S-J1", "[DEMO] joined", "수용소 fictional", partner=partners["own"])
    event = Event.objects.create(code="E-1", title="[DEMO] event")
    act = Act.objects.create(event=event, act_type="FORCED_LABOUR")
    InformationLink.objects.create(source=mine, act=act, mode="direct")
    by_partner = source_search_queryset("수용소 fictional", Source.objects.filter(partner__code="nkhr-alliance"))
    assert list(by_partner) == [mine]
    assert by_partner.count() == 1
    acts = Act.objects.filter(links__source__in=source_search_queryset("수용소", Source.objects.all()))
    assert list(acts) == [act]
