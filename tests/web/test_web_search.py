"""The workbench search: every script, facets with counts, htmx partials, saved searches."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.audit.models import AuditEntry
from inquiry.cases import services as cases
from inquiry.cases.facets import Facets
from inquiry.people import services as people
from inquiry.places import services as places
from inquiry.web.models import SavedSearch

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _section(response, key) -> list:
    return response.context["result"].sections[key].rows


def _camp(users):
    province = places.place_create(actor=users["analyst"], code="TEST-PROV", kind="province", name="Hamgyŏng-namdo",
                                   name_ko="함경남도")
    return places.place_create(actor=users["analyst"], code="TEST-CAMP", kind="facility", name="Yodŏk",
                               name_ko="요덕", parent=province, facility_type="kwanliso")


def _case(users, *, act_type="ARBITRARY_ARREST", names=("김영철",), place=None, kind="interview", language="ko",
          date="1997"):
    inv = users["investigator"]
    person = people.person_create(actor=inv, names=list(names))
    event = cases.event_create(actor=inv, title=f"Fictional {act_type.lower()}", date=date)
    act = cases.act_add(actor=inv, event=event, act_type=act_type, date=date, place=place, victims=[person])
    source = cases.source_record(actor=inv, kind=kind, title=f"Fictional {kind}", language=language, date="2013",
                                 text="허구", consent={"internal_use": True} if kind == "interview" else None)
    cases.act_link_source(actor=inv, act=act, source=source, mode="direct")
    return person, event, act, source


@pytest.mark.parametrize("query", ["Kim Yong-chol", "Kim Yŏng-ch'ŏl", "Gim Yeong-cheol", "KIM, Yong Chol", "김영철"])
def test_romanized_query_finds_the_hangul_name(users, client_for, query):
    person = people.person_create(actor=users["investigator"], names=["김영철"])
    people.person_create(actor=users["investigator"], names=["박정남"])
    response = client_for("analyst").get("/search/", {"q": query})
    assert response.status_code == 200
    assert [p.pk for p in _section(response, "persons")] == [person.pk]


@pytest.mark.parametrize("query", ["yodok", "Yodŏk", "요덕"])
def test_place_is_found_by_any_spelling(users, client_for, query):
    camp = _camp(users)
    response = client_for("investigator").get("/search/", {"q": query})
    assert camp in _section(response, "places")


def test_gazetteer_camp_is_found_by_its_romanized_name(users, client_for):
    from inquiry.places.models import Place

    places.reference_data_load(actor="system")
    response = client_for("analyst").get("/search/", {"q": "yodok"})
    found = {p.code for p in _section(response, "places")}
    assert "KWANLISO-15" in found, found
    assert Place.objects.get(code="KWANLISO-15").name_ko.startswith("요덕")


def test_act_type_facet_narrows_persons_events_sources_and_places(users, client_for):
    camp = _camp(users)
    arrested, arrest, _a, arrest_source = _case(users, act_type="ARBITRARY_ARREST", names=["김영철"], place=camp)
    tortured, torture, _t, torture_source = _case(users, act_type="TORTURE", names=["김영수"])
    response = client_for("analyst").get("/search/", {"q": "", "act_type": "ARBITRARY_ARREST"})
    assert response.status_code == 200
    assert _section(response, "persons") == [arrested]
    assert _section(response, "events") == [arrest]
    assert _section(response, "sources") == [arrest_source]
    assert _section(response, "places") == [camp]
    both = client_for("analyst").get("/search/", {"q": "Kim", "pattern": "TORTURE"})
    assert _section(both, "persons") == [tortured]
    assert _section(both, "events") == [], "no event title contains Kim"


def test_facet_counts_come_with_localized_labels(users, client_for):
    camp = _camp(users)
    _case(users, act_type="ARBITRARY_ARREST", place=camp)
    _case(users, act_type="ARBITRARY_ARREST", place=camp, kind="document", language="en")
    _case(users, act_type="TORTURE")
    client = client_for("analyst")
    client.post("/i18n/setlang/", {"language": "ko"})
    response = client.get("/search/", {"act_type": "TORTURE"})
    fields = {f.name: f for f in response.context["facet_fields"]}
    act_types = {o.value: o for o in fields["act_type"].options}
    # The act type's own count ignores the act type chosen, so the other values stay reachable.
    assert act_types["ARBITRARY_ARREST"].count == 2 and act_types["TORTURE"].count == 1
    assert act_types["TORTURE"].selected and act_types["TORTURE"].label == "고문"
    patterns = {o.value: o.count for o in fields["pattern"].options}
    assert patterns["TORTURE"] == 1, patterns
    # Other facets are counted within the chosen act type: the torture act has no place.
    assert fields["facility"].options == []
    assert {o.value: o.count for o in fields["source_kind"].options}["interview"] == 1
    assert "고문 (1)" in response.content.decode()


def test_invalid_facet_names_the_field_and_is_not_a_server_error(users, client_for):
    client = client_for("analyst")
    response = client.get("/search/", {"q": "kim", "act_type": "FLYING"})
    assert response.status_code == 400
    assert response.context["error"]["field"] == "act_type"
    assert "Act type: Unknown act type “FLYING”." in response.content.decode()
    for params, field in (({"facility": "NO-SUCH-CAMP"}, "facility"), ({"period": "the long ago"}, "period"),
                          ({"language": "xx"}, "language"), ({"source_kind": "rumour"}, "source_kind"),
                          ({"pattern": "NOPE"}, "pattern")):
        response = client.get("/search/", params)
        assert response.status_code == 400, params
        assert response.context["error"]["field"] == field
    partial = client.get("/search/", {"province": "ATLANTIS"}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200, "htmx swaps only successful answers, so the message comes with 200"
    assert 'role="alert"' in partial.content.decode() and "ATLANTIS" in partial.content.decode()


def test_htmx_request_gets_the_results_and_new_counts_only(users, client_for):
    _case(users)
    response = client_for("analyst").get("/search/", {"act_type": "ARBITRARY_ARREST"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "search-section" in html
    assert 'id="f-act_type" hx-swap-oob="innerHTML"' in html


def test_search_page_works_without_javascript(users, client_for):
    _case(users)
    response = client_for("commissioner").get("/search/", {"act_type": "ARBITRARY_ARREST"})
    html = response.content.decode()
    assert '<form id="search-form"' in html and 'method="get"' in html and 'type="submit"' in html
    assert "Fictional arbitrary_arrest" in html


def test_partner_search_has_no_facets_and_sees_only_own_persons(users, client_for):
    own = people.person_create(actor=users["partner"], names=["김영철"])
    people.person_create(actor=users["investigator"], names=["김영철"])
    response = client_for("partner").get("/search/", {"q": "Kim Yong-chol", "act_type": "TORTURE"})
    assert response.status_code == 200
    assert _section(response, "persons") == [own]
    assert "events" not in response.context["result"].sections
    assert response.context["facet_fields"] == [] and 'id="f-act_type"' not in response.content.decode()


def test_sections_page_by_window(users, client_for):
    for i in range(25):
        people.person_create(actor=users["investigator"], names=[f"김허구{i}"])
    client = client_for("analyst")
    first = client.get("/search/", {"q": "김허구"}).context["result"].sections["persons"]
    assert len(first.rows) == 20 and first.has_next and not first.has_previous
    second = client.get("/search/", {"q": "김허구", "persons_page": "2"}).context["result"].sections["persons"]
    assert len(second.rows) == 5 and not second.has_next and second.first == 21
    assert "persons_page=2" in client.get("/search/", {"q": "김허구"}).content.decode()
    assert client.get("/search/", {"q": "김허구", "persons_page": "x"}).status_code == 200


def _queries(client, path, params) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("params", [{"q": "kim"}, {"q": "", "act_type": "ARBITRARY_ARREST"},
                                    {"q": "kim", "pattern": "ARB_DET", "source_kind": "interview",
                                     "language": "ko", "province": "TEST-PROV", "period": "1990s"}])
def test_search_query_count_does_not_grow_with_rows(users, client_for, params):
    camp = _camp(users)
    client = client_for("analyst")
    for _ in range(2):
        _case(users, names=["Kim Hŏ-gu"], place=camp)
    few = _queries(client, "/search/", params)
    for _ in range(10):
        _case(users, names=["Kim Hŏ-gu"], place=camp)
    many = _queries(client, "/search/", params)
    assert many == few, f"{few} queries for 2 cases, {many} for 12"
    partial = _queries(client, "/search/", params | {"persons_page": "1"})
    assert partial <= few


def test_facet_counts_need_no_grouped_query_and_follow_a_new_act(users, client_for):
    _case(users)
    client = client_for("analyst")
    client.get("/search/", {"act_type": "TORTURE"})
    with CaptureQueriesContext(connection) as ctx:
        client.get("/search/", {"act_type": "TORTURE"})
    grouped = [q["sql"] for q in ctx.captured_queries
               if "GROUP BY" in q["sql"] and not q["sql"].startswith('SELECT "cases_event"')]
    assert grouped == [], "the counts come from the in-memory index (the event list groups its own acts)"
    _case(users, act_type="TORTURE")
    response = client.get("/search/", {"act_type": "TORTURE"})
    counts = {o.value: o.count for f in response.context["facet_fields"] if f.name == "act_type" for o in f.options}
    assert counts["TORTURE"] == 1


def test_sections_from_the_facet_index_list_what_the_database_lists(users, monkeypatch):
    """The in-memory path and the database path give the same records, in the same order, for
    facets alone and with a search term, page after page; records merged into another person are
    skipped without leaving a short page."""
    from inquiry.cases import facets as facets_module
    from inquiry.web import search_selectors

    camp = _camp(users)
    persons = [_case(users, act_type=["TORTURE", "ARBITRARY_ARREST"][i % 2], names=[["김영철", "박정남", "이순희"][i % 3]],
                     place=camp if i % 3 else None, kind=["interview", "document"][i % 2],
                     language=["ko", "en"][i % 2], date=["1997", "2005", "1990s"][i % 3])[0] for i in range(25)]
    for merged in persons[-4:-1]:
        people.person_merge(actor=users["analyst"], survivor=persons[0], merged=merged, reason="same person")
    analyst = users["analyst"]
    cases_to_try = [("", {"act_type": "TORTURE"}), ("", {"facility": camp.code, "period": "1990s"}),
                    ("", {"language": "en"}), ("Kim Yong-chol", {"act_type": "TORTURE"}),
                    ("요덕", {"source_kind": "interview", "act_type": "ARBITRARY_ARREST"})]
    for q, params in cases_to_try:
        facets = Facets.from_params(params)
        for page in ("1", "2"):
            pages = dict.fromkeys(("persons", "sources", "events", "places"), page)
            from_index = search_selectors._index_sections(analyst, q, facets, pages)
            monkeypatch.setattr(facets_module, "current_index", lambda exact=False: None)
            from_database = search_selectors.search_for_user(analyst, q=q, facets=facets, pages=pages,
                                                            with_counts=False).sections
            monkeypatch.undo()
            for key, section in from_database.items():
                assert [r.pk for r in from_index[key].rows] == [r.pk for r in section.rows], (q, params, page, key)
                assert from_index[key].has_next == section.has_next, (q, params, page, key)
    big = search_selectors._index_sections(analyst, "", Facets(act_type="TORTURE"), {"events": "1"})
    assert len(big["events"].rows) == 13 and big["persons"].rows, "the comparison saw real rows"
    everyone = search_selectors._index_sections(analyst, "", Facets(period="1900/2020"), {})
    assert len(everyone["persons"].rows) == 20 and everyone["persons"].has_next, "a full first page"


# --- saved searches ---------------------------------------------------------------------------


def test_saved_search_is_saved_listed_run_and_deleted_with_audit(users, client_for):
    client = client_for("analyst")
    response = client.post("/search/saved/new/", {"name": "  Arrests  in the 1990s ", "q": "kim",
                                                  "act_type": "ARBITRARY_ARREST", "period": "1990s"})
    saved = SavedSearch.objects.get(owner=users["analyst"])
    assert saved.name == "Arrests in the 1990s"
    assert saved.query == "q=kim&act_type=ARBITRARY_ARREST&period=1990s"
    assert response.status_code == 302 and response["Location"].endswith("?" + saved.query)
    listing = client.get("/search/saved/")
    assert "Arrests in the 1990s" in listing.content.decode() and "arbitrary arrest" in listing.content.decode()
    assert [s.pk for s in client.get("/search/").context["saved"]] == [saved.pk]
    run = client.get(f"/search/saved/{saved.pk}/")
    assert run.status_code == 302 and run["Location"] == "/search/?" + saved.query
    assert client.post(f"/search/saved/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()
    actions = list(AuditEntry.objects.filter(object_type="saved_search").values_list("action", flat=True))
    assert actions == ["saved_search.create", "saved_search.delete"]


def test_saved_searches_are_private_to_their_owner(users, client_for):
    client_for("analyst").post("/search/saved/new/", {"name": "Mine", "q": "kim"})
    saved = SavedSearch.objects.get()
    other = client_for("investigator")
    assert other.get(f"/search/saved/{saved.pk}/").status_code == 404
    assert other.post(f"/search/saved/{saved.pk}/delete/").status_code == 404
    assert "Mine" not in other.get("/search/saved/").content.decode()
    assert list(other.get("/search/").context["saved"]) == []
    assert SavedSearch.objects.filter(pk=saved.pk).exists()


def test_saved_search_refuses_bad_facets_empty_searches_and_duplicate_names(users, client_for):
    client = client_for("analyst")
    response = client.post("/search/saved/new/", {"name": "Bad", "q": "kim", "act_type": "FLYING"}, follow=True)
    assert "Unknown act type “FLYING”." in response.content.decode()
    response = client.post("/search/saved/new/", {"name": "Empty", "q": ""}, follow=True)
    assert "There is nothing to save" in response.content.decode()
    response = client.post("/search/saved/new/", {"name": "", "q": "kim"}, follow=True)
    assert "Give the search a name." in response.content.decode()
    client.post("/search/saved/new/", {"name": "Twice", "q": "kim"})
    response = client.post("/search/saved/new/", {"name": "Twice", "q": "lee"}, follow=True)
    assert "You already have a saved search called “Twice”." in response.content.decode()
    assert list(SavedSearch.objects.values_list("name", "query")) == [("Twice", "q=kim")]


def test_partner_saved_search_keeps_only_the_text(users, client_for):
    client_for("partner").post("/search/saved/new/", {"name": "Ours", "q": "kim", "act_type": "FLYING"})
    assert SavedSearch.objects.get(owner=users["partner"]).query == "q=kim"


def test_saved_search_list_query_count_does_not_grow(users, client_for):
    client = client_for("analyst")
    client.post("/search/saved/new/", {"name": "One", "q": "kim", "facility": "", "province": ""})
    few = _queries(client, "/search/saved/", {})
    for i in range(8):
        client.post("/search/saved/new/", {"name": f"More {i}", "q": f"kim {i}"})
    assert _queries(client, "/search/saved/", {}) == few
