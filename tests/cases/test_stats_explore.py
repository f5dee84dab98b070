"""Counts for the map, the timeline and the dashboards (inquiry.cases.stats)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import services as cases
from inquiry.cases import stats
from inquiry.cases.facets import Facets, acts_for_user
from inquiry.errors import NotFound
from inquiry.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    province = Place.objects.create(code="T-PROV", kind="province", name="Test-namdo", name_ko="시험남도",
                                    lat=40.0, lon=127.0)
    county = Place.objects.create(code="T-COUNTY", kind="county", name="Test-gun", name_ko="시험군",
                                  parent=province, lat=40.2, lon=127.3)
    camp = Place.objects.create(code="T-CAMP", kind="facility", name="Test camp", parent=county,
                                facility_type="kwanliso", lat=40.3, lon=127.4, precision_km=7)
    hidden = Place.objects.create(code="T-HIDDEN", kind="facility", name="Unlocated camp", parent=county,
                                  facility_type="kwanliso")
    nowhere = Place.objects.create(code="T-NOWHERE", kind="other", name="Somewhere unknown")
    return {"province": province, "county": county, "camp": camp, "hidden": hidden, "nowhere": nowhere}


def _acts(users, specs):
    inv = users["investigator"]
    event = cases.event_create(actor=inv, title="Fictional event", date="1997")
    for act_type, date, place in specs:
        cases.act_add(actor=inv, event=event, act_type=act_type, date=date, place=place)
    return event


def _all(users):
    return acts_for_user(users["analyst"], Facets())


def test_an_act_dated_within_one_year_counts_in_that_year_and_wider_dates_count_as_ranges(users):
    _acts(users, [("ARBITRARY_ARREST", "1997", None), ("ARBITRARY_ARREST", "spring 1997", None),
                  ("ARBITRARY_ARREST", "1997-05-03", None), ("ARBITRARY_ARREST", "1997/1999", None),
                  ("ARBITRARY_ARREST", "1990s", None), ("ARBITRARY_ARREST", "before 2004", None),
                  ("ARBITRARY_ARREST", "after 2010", None), ("ARBITRARY_ARREST", "", None)])
    years = stats.year_counts(_all(users))
    assert years.exact == {1997: 3}
    assert sorted(r[:3] for r in years.ranges) == [(1900, 2004, 1), (1990, 1999, 1), (1997, 1999, 1),
                                                   (2010, 2100, 1)]
    open_flags = {(r[0], r[1]): (r[3], r[4]) for r in years.ranges}
    assert open_flags[(1900, 2004)] == (True, False) and open_flags[(2010, 2100)] == (False, True)
    assert open_flags[(1997, 1999)] == (False, False)
    assert years.undated == 1
    assert years.total == 8, "every act is counted exactly once"


def test_closed_ranges_are_possible_in_each_of_their_years_but_open_ranges_are_not(users):
    _acts(users, [("ARBITRARY_ARREST", "1997/1999", None), ("ARBITRARY_ARREST", "before 2004", None),
                  ("ARBITRARY_ARREST", "1998", None)])
    years = stats.year_counts(_all(users))
    assert years.possible() == {1997: 1, 1998: 1, 1999: 1}
    assert years.span() == (1997, 2004), "open ends do not stretch the axis to 1900"
    rows = {year: (exact, possible) for year, exact, possible in years.rows()}
    assert rows[1998] == (1, 1) and rows[2000] == (0, 0) and rows[2004] == (0, 0)


def test_an_act_counts_under_every_pattern_of_its_act_type(users):
    from inquiry.cases.vocabulary import known_act_types

    multi = next(code for code, t in known_act_types().items() if len(t.patterns) > 1)
    _acts(users, [(multi, "1997", None), (multi, "1998", None), ("ARBITRARY_ARREST", "1997", None)])
    types = stats.act_type_counts(_all(users))
    assert types == {multi: 2, "ARBITRARY_ARREST": 1}
    patterns = stats.pattern_counts(types)
    for pattern in known_act_types()[multi].patterns:
        assert patterns[pattern] >= 2
    assert sum(patterns.values()) > sum(types.values())


def test_places_are_drawn_at_their_own_point_their_area_centre_or_the_nearest_enclosing_place(users, places):
    _acts(users, [("ARBITRARY_ARREST", "1997", places["camp"]), ("ARBITRARY_ARREST", "1997", places["camp"]),
                  ("ARBITRARY_ARREST", "1997", places["hidden"]), ("ARBITRARY_ARREST", "1997", places["county"]),
                  ("ARBITRARY_ARREST", "1997", places["nowhere"]), ("ARBITRARY_ARREST", "1997", None)])
    found = {p.code: p for p in stats.place_counts(_all(users))}
    assert set(found) == {"T-CAMP", "T-HIDDEN", "T-COUNTY", "T-NOWHERE"}, "acts without a place are not listed"
    camp = found["T-CAMP"]
    assert (camp.acts, camp.accuracy, camp.precision_km, camp.approximate) == (2, "point", 7, False)
    assert (camp.lat, camp.lon) == (40.3, 127.4)
    hidden = found["T-HIDDEN"]
    assert hidden.accuracy == "ancestor" and hidden.approximate and hidden.located_at == "Test-gun"
    assert (hidden.lat, hidden.lon) == (40.2, 127.3)
    assert found["T-COUNTY"].accuracy == "centroid" and found["T-COUNTY"].approximate
    nowhere = found["T-NOWHERE"]
    assert nowhere.accuracy == "none" and not nowhere.on_map
    assert list(found)[0] == "T-CAMP", "largest first"
    totals = stats.province_totals(list(found.values()))
    assert totals == {places["province"].id: 4}


def test_place_counts_make_two_queries_however_many_places_there_are(users, places):
    _acts(users, [("ARBITRARY_ARREST", "1997", places["camp"])])
    with CaptureQueriesContext(connection) as few:
        stats.place_counts(_all(users))
    _acts(users, [("ARBITRARY_ARREST", "1997", p) for p in places.values()])
    with CaptureQueriesContext(connection) as many:
        assert len(stats.place_counts(_all(users))) == 5
    assert len(few.captured_queries) == len(many.captured_queries) == 2


def test_counts_follow_the_facets(users, places):
    _acts(users, [("ARBITRARY_ARREST", "1997", places["camp"]), ("PUBLIC_EXECUTION", "2001", places["county"])])
    acts = acts_for_user(users["analyst"], Facets.from_params({"act_type": "PUBLIC_EXECUTION"}))
    result = stats.explore_stats(acts)
    assert result.act_types == {"PUBLIC_EXECUTION": 1} and result.total == 1
    assert [p.code for p in result.places] == ["T-COUNTY"]
    assert result.years.exact == {2001: 1}
    assert result.facilities() == []


def test_cached_counts_are_reused_until_the_next_write(users, places, settings):
    settings.INQUIRY_STATS_CACHE_SECONDS = 300
    _acts(users, [("ARBITRARY_ARREST", "1997", places["camp"])])
    first = stats.explore_stats(_all(users))
    with CaptureQueriesContext(connection) as again:
        second = stats.explore_stats(_all(users))
    assert second == first
    assert len(again.captured_queries) == 1, "a repeat asks only for the audit head"
    _acts(users, [("ARBITRARY_ARREST", "1998", places["camp"])])  # a write appends to the audit log
    assert stats.explore_stats(_all(users)).total == 2


def test_the_cache_can_be_turned_off(users, places, settings):
    settings.INQUIRY_STATS_CACHE_SECONDS = 0
    _acts(users, [("ARBITRARY_ARREST", "1997", places["camp"])])
    stats.explore_stats(_all(users))
    with CaptureQueriesContext(connection) as again:
        stats.explore_stats(_all(users))
    assert len(again.captured_queries) == 4, "places (2), act types and years, none from the cache"

@pytest.mark.parametrize("role", ["partner", "public", "admin"])
def test_roles_without_case_read_get_no_counts(users, role):
    with pytest.raises(NotFound):
        stats.explore_stats(acts_for_user(users[role], Facets()))
