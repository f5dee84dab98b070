"""Facets: one parse of the query string, the same acts everywhere, counts from grouped queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import services as cases
from inquiry.cases.facets import Facets, acts_for_user, facet_counts
from inquiry.errors import InvalidInput, NotFound
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
    counts = facet_counts(users["analyst"], Facets(act_type="ARBITRARY_ARREST"), use_cache=False)
    assert counts["act_type"] == {"TORTURE": 1, "POLITICAL_PRISON_CAMP_IMPRISONMENT": 1, "ARBITRARY_ARREST": 2}
    assert counts["province"] == {"T-PROV": 1, "T-PROV2": 1}
    assert counts["facility"] == {}, "neither arrest happened in a facility"
    assert counts["source_kind"] == {"document": 1}
    everything = facet_counts(users["analyst"], Facets(), use_cache=False)
    assert everything["facility"] == {"T-CAMP": 2} and everything["province"] == {"T-PROV": 3, "T-PROV2": 1}
    assert everything["pattern"]["TORTURE"] == 1 and everything["pattern"]["CAMPS"] == 1
    assert everything["source_kind"] == {"interview": 2, "document": 2}, "an act counts once per kind"
    assert everything["language"] == {"ko": 2, "en": 2}
    assert everything["_places"]["T-CAMP"][0] == "facility"


def test_source_facets_count_the_same_source(users, world):
    counts = facet_counts(users["analyst"], Facets(language="ko"), use_cache=False)
    assert counts["source_kind"] == {"interview": 2}, "only Korean sources are counted by kind"
    assert counts["language"] == {"ko": 2, "en": 2}


def test_facet_counts_use_a_fixed_number_of_grouped_queries(users, world):
    with CaptureQueriesContext(connection) as ctx:
        facet_counts(users["analyst"], Facets(pattern="CAMPS", province="T-PROV", language="ko"), use_cache=False)
    assert len(ctx.captured_queries) <= 10


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
