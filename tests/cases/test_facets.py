"""Facets: one parse of the query string, the same acts everywhere, counts from the in-memory index."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import facet_index, stats
from inquiry.cases import services as cases
from inquiry.cases.facets import Facets, acts_for_user, facet_counts, matching_acts
from inquiry.cases.models import Event
from inquiry.cases.stats import explore_stats, explore_stats_for, timeline_events_for_user
from inquiry.errors import InvalidInput, NotFound
from inquiry.people import services as people
from inquiry.places import services as places

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    inv, analyst = users["investigator"], users["analyst"]
    province = places.place_create(actor=analyst, code="T-PROV", kind="province", name="Hamgyŏng-namdo")
    county = places.place_create(actor=analyst, code="T-COUNTY", kind="county", name="Yodŏk-kun", parent=province)
    camp = places.place_create(actor=analyst, code="T-CAMP", kind="facility", name="Camp", parent=county)
    other = places.place_create(actor=analyst, code="T-PROV2", kind="province", name="Ryanggang")
    interview_ko = cases.source_record(actor=inv, kind="interview", title="i", language="ko",
                                       consent={"internal_use": True})
    document_en = cases.source_record(actor=inv, kind="document", title="d", language="en")
    event = cases.event_create(actor=inv, title="e")

    def act(act_type, place, date, sources):
        a = cases.act_add(actor=inv, event=event, act_type=act_type, place=place, date=date)
        for s in sources:
            cases.act_link_source(actor=inv, act=a, source=s, mode="direct")
        return a

    return {
        "camp_torture": act("TORTURE", camp, "1997", [interview_ko, document_en]),
        "camp_detention": act("POLITICAL_PRISON_CAMP_IMPRISONMENT", camp, "1999", [interview_ko]),
        "county_arrest": act("ARBITRARY_ARREST", county, "2005", [document_en]),
        "other_arrest": act("ARBITRARY_ARREST", other, "2010", []),
    }


def test_acts_for_user_combines_facets(users, world):
    analyst = users["analyst"]
    assert set(acts_for_user(analyst, Facets(province="T-PROV"))) == {
        world["camp_torture"], world["camp_detention"], world["county_arrest"]}
    assert set(acts_for_user(analyst, Facets(pattern="CAMPS", period="1990s"))) == {world["camp_detention"]}
    assert set(acts_for_user(analyst, Facets(source_kind="document", language="ko"))) == set()
    assert acts_for_user(analyst, Facets(source_kind="interview", language="ko")).count() == 2


def test_facet_counts_are_disjunctive_and_roll_places_up(users, world):
    counts = facet_counts(users["analyst"], Facets(act_type="ARBITRARY_ARREST"))
    assert counts["act_type"] == {"TORTURE": 1, "POLITICAL_PRISON_CAMP_IMPRISONMENT": 1, "ARBITRARY_ARREST": 2}
    assert counts["province"] == {"T-PROV": 1, "T-PROV2": 1}
    assert counts["facility"] == {}, "neither arrest happened in a facility"
    assert counts["source_kind"] == {"document": 1}
    everything = facet_counts(users["analyst"], Facets())
    assert everything["facility"] == {"T-CAMP": 2} and everything["province"] == {"T-PROV": 3, "T-PROV2": 1}
    assert everything["pattern"]["TORTURE"] == 1 and everything["pattern"]["CAMPS"] == 1
    assert everything["source_kind"] == {"interview": 2, "document": 2}, "an act counts once per kind"
    assert everything["language"] == {"ko": 2, "en": 2}
    assert everything["_places"]["T-CAMP"][0] == "facility"


def test_source_facets_count_the_same_source(users, world):
    counts = facet_counts(users["analyst"], Facets(language="ko"))
    assert counts["source_kind"] == {"interview": 2}, "only Korean sources are counted by kind"
    assert counts["language"] == {"ko": 2, "en": 2}


def test_facet_counts_query_the_database_only_to_check_the_store_version(users, world):
    facet_counts(users["analyst"], Facets())
    with CaptureQueriesContext(connection) as ctx:
        facet_counts(users["analyst"], Facets(pattern="CAMPS", province="T-PROV", language="ko"))
    assert len(ctx.captured_queries) <= 3, [q["sql"] for q in ctx.captured_queries]


def _count_by_definition(user, facets, name, value):
    """What the count of ``value`` means: the acts left if it were chosen with the other facets."""
    return acts_for_user(user, replace(facets, **{name: value})).count()


def _random_world(users, seed):
    """Forty acts at random places, dates and sources, and the facet values to try on them."""
    inv, analyst = users["investigator"], users["analyst"]
    rng = random.Random(seed)
    prov = [places.place_create(actor=analyst, code=f"R-P{i}", kind="province", name=f"P{i}") for i in range(2)]
    county = [places.place_create(actor=analyst, code=f"R-C{i}", kind="county", name=f"C{i}", parent=prov[i % 2])
              for i in range(3)]
    camp = [places.place_create(actor=analyst, code=f"R-F{i}", kind="facility", name=f"F{i}", parent=county[i])
            for i in range(3)]
    spots = [None, *prov, *county, *camp]
    sources = [cases.source_record(actor=inv, kind=kind, title=f"s{i}", language=lang,
                                   **({"consent": {"internal_use": True}} if kind == "interview" else {}))
               for i, (kind, lang) in enumerate([("interview", "ko"), ("interview", "ja"), ("document", "ko"),
                                                 ("document", "en"), ("open_source", ""), ("partner_submission", "ru")])]
    events = [cases.event_create(actor=inv, title=f"e{i}") for i in range(12)]
    types = ["TORTURE", "ARBITRARY_ARREST", "POLITICAL_PRISON_CAMP_IMPRISONMENT", "ENFORCED_DISAPPEARANCE"]
    dates = ["", "1997", "spring 1997", "1990s", "1995/1999", "before 2004", "2010-05-03", "about 2001"]
    for _ in range(40):
        act = cases.act_add(actor=inv, event=rng.choice(events), act_type=rng.choice(types), place=rng.choice(spots),
                            date=rng.choice(dates))
        for source in rng.sample(sources, rng.randint(0, 3)):
            cases.act_link_source(actor=inv, act=act, source=source, mode="direct")
    values = {"act_type": types, "pattern": ["CAMPS", "TORTURE", "ARB_DET", "ENF_DISAPP"],
              "facility": [c.code for c in camp], "province": [p.code for p in prov],
              "source_kind": ["interview", "document", "open_source", "partner_submission"],
              "language": ["ko", "ja", "en", "ru"]}
    return rng, values


@pytest.mark.parametrize("seed", [1, 2])
def test_index_counts_equal_the_database_filter_for_random_facets(users, seed):
    """Every count the index gives is the number of acts the same filters give in the database."""
    analyst = users["analyst"]
    rng, values = _random_world(users, seed)
    nonzero = 0
    for _ in range(12):
        chosen = {name: rng.choice(["", "", "", *options]) for name, options in values.items()}
        facets = Facets(**chosen, period=rng.choice(["", "1990s", "1997", "2000/2010"]))
        counts = facet_counts(analyst, facets)
        for name, options in values.items():
            for value in options:
                expected = _count_by_definition(analyst, facets, name, value)
                assert counts[name].get(value, 0) == expected, (name, value, facets)
                nonzero += expected > 0
    assert nonzero > 40, "the random filters should leave acts to count"


def test_explore_counts_from_the_index_equal_the_database_counts(users):
    """The map, the timeline and the dashboards count the same from the index as from the database."""
    analyst = users["analyst"]
    rng, values = _random_world(users, 3)
    for _ in range(10):
        facets = Facets(**{name: rng.choice(["", "", *options]) for name, options in values.items()},
                        period=rng.choice(["", "1990s", "2000/2010"]))
        acts = acts_for_user(analyst, facets)
        from_index = explore_stats_for(analyst, facets, acts)
        from_database = explore_stats(acts)
        assert from_index.act_types == from_database.act_types, facets
        assert from_index.places == from_database.places, facets
        assert from_index.years == from_database.years, facets
        events = set(Event.objects.filter(id__in=acts.values("event_id")).values_list("id", flat=True))
        assert set(timeline_events_for_user(analyst, facets, acts).values_list("id", flat=True)) == events
        with pytest.MonkeyPatch.context() as patch:  # many events: walked in the database instead
            patch.setattr(stats, "TIMELINE_IDS_MAX", 0)
            assert set(timeline_events_for_user(analyst, facets, acts).values_list("id", flat=True)) == events
    everything = explore_stats_for(analyst, Facets(), acts_for_user(analyst, Facets()))
    assert everything.total == 40 and everything.years.undated and everything.years.ranges and everything.places


def test_counts_follow_every_kind_of_write_at_once_on_a_small_store(users, world):
    analyst, inv = users["analyst"], users["investigator"]
    assert facet_counts(analyst, Facets())["act_type"]["TORTURE"] == 1
    other_event = cases.event_create(actor=inv, title="another event")
    cases.act_add(actor=inv, event=other_event, act_type="TORTURE", date="1998")
    assert facet_counts(analyst, Facets())["act_type"]["TORTURE"] == 2, "a new act"
    source = cases.source_record(actor=inv, kind="open_source", title="o", language="ja")
    cases.act_link_source(actor=inv, act=world["other_arrest"], source=source, mode="documentary")
    assert facet_counts(analyst, Facets())["language"]["ja"] == 1, "a new link to an old act"
    other_event.delete()
    assert facet_counts(analyst, Facets())["act_type"]["TORTURE"] == 1, "an act deleted with its event"
    person = people.person_create(actor=inv, names=["김영철"])
    world["other_arrest"].victims.add(person)
    index, mask = matching_acts(analyst, Facets(act_type="ARBITRARY_ARREST"))
    assert person.pk in index.related_ids("person", mask).tolist(), "a victim added to an old act"


def test_a_slow_index_is_rebuilt_in_the_background_and_results_do_not_use_it_meanwhile(users, world, monkeypatch):
    """On a million acts a rebuild takes seconds: counts may lag a write meanwhile, results may not."""
    analyst, inv = users["analyst"], users["investigator"]
    index = facet_index.current_index()
    monkeypatch.setattr(index, "build_seconds", 5.0)
    started = []
    monkeypatch.setattr(facet_index, "_rebuild_in_background", started.append)
    cases.act_add(actor=inv, event=world["camp_torture"].event, act_type="TORTURE", date="1998")
    assert facet_counts(analyst, Facets())["act_type"]["TORTURE"] == 1, "the slow index answers counts"
    assert started, "a rebuild was started"
    assert matching_acts(analyst, Facets(act_type="TORTURE")) is None, "results go to the database"
    facet_index.forget_index()
    assert facet_counts(analyst, Facets())["act_type"]["TORTURE"] == 2
    index, mask = matching_acts(analyst, Facets(act_type="TORTURE"))
    assert int(mask.sum()) == 2
@pytest.mark.parametrize(("params", "field"), [
    ({"act_type": "FLYING"}, "act_type"), ({"pattern": "X"}, "pattern"), ({"source_kind": "rumour"}, "source_kind"),
    ({"language": "tlh"}, "language"), ({"period": "once upon a time"}, "period"),
    ({"act_type": "A" * 101}, "act_type"),
])
def test_bad_facet_values_name_their_field(params, field):
    with pytest.raises(InvalidInput) as info:
        Facets.from_params(params)
    assert info.value.field == field


def test_unknown_place_code_names_its_field(users, world):
    with pytest.raises(InvalidInput) as info:
        acts_for_user(users["analyst"], Facets.from_params({"facility": "T-PROV"}))
    assert info.value.field == "facility", "a province is not a facility"


def test_facets_are_refused_to_roles_without_case_access(users):
    for role in ("partner", "public", "admin"):
        with pytest.raises(NotFound):
            facet_counts(users[role], Facets())


def test_links_to_an_act_written_during_a_build_are_left_out_not_misplaced():
    """The index reads acts, then links: a link to an act written in between has no act yet."""
    import numpy as np

    ids = np.array([3, 5, 9], dtype=np.int64)
    positions, known = facet_index._positions(ids, [(5, "a"), (4, "b"), (9, "c"), (12, "d")])
    assert positions.tolist() == [1, 2]
    assert known.tolist() == [True, False, True, False]
