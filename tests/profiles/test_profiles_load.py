"""The shipped DPRK profile loads, is complete and is internally consistent."""

from __future__ import annotations

import pytest

from inquiry.law.elements import VERIFICATION_STATUSES
from inquiry.profiles import list_profiles, load_profile, place_lookup

# Element counts per crime, from the table in shared/design/domain-notes.md §3.
DOMAIN_NOTES_COUNTS = {
    "7(1)(a)": 3,
    "7(1)(b)": 4,
    "7(1)(c)": 3,
    "7(1)(d)": 5,
    "7(1)(e)": 5,
    "7(1)(f)": 5,
    "7(1)(g)-1": 4,
    "7(1)(g)-2": 4,
    "7(1)(g)-3": 4,
    "7(1)(g)-4": 3,
    "7(1)(g)-5": 4,
    "7(1)(g)-6": 5,
    "7(1)(h)": 6,
    "7(1)(i)": 8,
    "7(1)(j)": 7,
    "7(1)(k)": 5,
}


@pytest.fixture(scope="module")
def profile():
    return load_profile("dprk")


def test_dprk_is_listed_and_loading_twice_returns_the_cached_profile(profile):
    assert "dprk" in list_profiles()
    assert load_profile() is profile
    assert profile.languages == ("en", "ko", "ja")


def test_mandate_has_nine_patterns_and_the_report_six_chapters(profile):
    assert set(profile.patterns) == {
        "FOOD",
        "CAMPS",
        "TORTURE",
        "ARB_DET",
        "DISCRIM",
        "EXPRESSION",
        "LIFE",
        "MOVEMENT",
        "ENF_DISAPP",
    }
    assert set(profile.chapters) == set("ABCDEF")


def test_patterns_and_chapters_map_many_to_many_in_both_directions(profile):
    assert len(profile.patterns["ENF_DISAPP"].chapters) > 1
    assert len(profile.chapters["E"].patterns) > 1
    for code, pattern in profile.patterns.items():
        for chapter in pattern.chapters:
            assert code in profile.chapters[chapter].patterns


def test_framework_has_16_crimes_and_75_elements(profile):
    assert len(profile.framework.crimes) == 16
    assert profile.framework.element_count == 75


def test_element_counts_per_crime_match_the_domain_notes_table(profile):
    assert {c.code: len(c.elements) for c in profile.framework.crimes} == DOMAIN_NOTES_COUNTS


def test_each_crime_ends_with_exactly_two_contextual_elements(profile):
    for crime in profile.framework.crimes:
        assert [e.contextual for e in crime.elements[-2:]] == [True, True]
        assert not any(e.contextual for e in crime.elements[:-2])


def test_every_element_exposes_its_verification_status_as_counted_in_sources_md(profile):
    counts: dict[str, int] = {}
    for crime in profile.framework.crimes:
        for element in crime.elements:
            assert element.verification in VERIFICATION_STATUSES
            counts[element.verification] = counts.get(element.verification, 0) + 1
    # SOURCES.md §4: 41 cross-checked, 18 template, 2 partial, 14 single-source.
    assert counts == {
        "cross_checked": 41,
        "template_cross_checked": 18,
        "partially_cross_checked": 2,
        "single_source": 14,
    }
    assert profile.framework.element("7(1)(k):1").verification == "single_source"


def test_every_act_type_maps_to_known_patterns_crimes_and_elements(profile):
    crimes = set(profile.framework.crime_codes)
    for act_type in profile.act_types.values():
        assert act_type.patterns and set(act_type.patterns) <= set(profile.patterns)
        assert set(act_type.crimes) <= crimes
        for crime in act_type.crimes:
            specific = {e.number for e in profile.framework.crime(crime).specific_elements}
            assert set(act_type.elements_for(crime)) <= specific


def test_torture_methods_are_children_of_torture(profile):
    children = {a.code for a in profile.act_type_children("TORTURE")}
    assert {"BEATING", "STRESS_POSITION", "WATER_TORTURE", "SLEEP_DEPRIVATION"} <= children


def _labels(profile):
    for p in profile.patterns.values():
        yield f"pattern {p.code}", p.label
    for c in profile.chapters.values():
        yield f"chapter {c.code}", c.label
    for a in profile.act_types.values():
        yield f"act type {a.code}", a.label
    for f in profile.facility_types.values():
        yield f"facility type {f.code}", f.label
    for o in profile.organisations.values():
        yield f"organisation {o.id}", o.summary
        for n in o.names:
            yield f"organisation {o.id} {n.when}", n.label


def test_every_label_has_english_korean_and_japanese_text(profile):
    for where, label in _labels(profile):
        for lang in ("en", "ko", "ja"):
            assert label.get(lang, "").strip(), f"{where} lacks {lang}"


def test_glossary_terms_are_used_for_the_mandate_labels(profile):
    assert profile.act_types["PUBLIC_EXECUTION"].label["ko"] == "공개처형"
    assert profile.act_types["FORCED_ABORTION"].label["ja"] == "強制堕胎"
    assert profile.patterns["ARB_DET"].label["ja"] == "恣意的拘禁"


def test_gazetteer_has_13_provinces_203_second_level_units_and_12_facilities(profile):
    gaz = profile.gazetteer
    assert (len(gaz.adm1), len(gaz.adm2), len(gaz.facilities)) == (13, 203, 12)


def test_places_carry_hierarchy_spellings_codes_and_coordinates(profile):
    gaz = profile.gazetteer
    yongbyon = gaz.places["KP0614"]
    assert (yongbyon.name_ko_dprk, yongbyon.name_ko_rok) == ("녕변군", "영변군")
    assert yongbyon.name_mr == "Yŏngbyŏn-gun" and yongbyon.name_rr == "Yeongbyeon-gun"
    assert yongbyon.ocha_name == "Nyongbyon"
    assert gaz.parent(yongbyon).code == "KP-03"
    assert yongbyon.lat is not None and yongbyon.coord_precision == "centroid" and yongbyon.coord_source
    assert yongbyon in gaz.children("KP-03")


def test_facilities_carry_type_operator_status_history_and_precision(profile):
    camp14 = profile.gazetteer.facilities["KWANLISO-14"]
    assert camp14.type == "kwanliso" and camp14.operator == "ORG-MSS"
    assert camp14.precision_km == 7 and camp14.lat is not None
    assert profile.gazetteer.facilities["KYOHWASO-4"].operator == "ORG-MSOCS"
    history = profile.gazetteer.facilities["KYOHWASO-12"].status_history
    assert [h.status for h in history] == ["expanded", "operational"]
    assert [a.code for a in profile.gazetteer.ancestors(camp14)] == ["KP0704", "KP-02"]


@pytest.mark.parametrize(
    "spelling", ["녕변", "영변", "녕변군", "Yongbyon", "Nyongbyon", "Yŏngbyŏn", "YONGBYON-GUN", "Yeongbyeon"]
)
def test_place_lookup_finds_yongbyon_in_any_spelling(spelling):
    matches = place_lookup(spelling)
    assert matches and matches[0].key == "KP0614"


@pytest.mark.parametrize("spelling", ["량강도", "양강도", "Ryanggang", "Yanggang-do"])
def test_place_lookup_finds_ryanggang_in_dprk_and_rok_spelling(spelling):
    assert place_lookup(spelling)[0].key == "KP-10"


def test_place_lookup_finds_facilities_by_camp_number_and_hangul():
    assert place_lookup("Camp 15")[0].key == "KWANLISO-15"
    assert place_lookup("요덕 제15호 관리소")[0].key == "KWANLISO-15"
    assert place_lookup("Camp 15", kinds=("place",)) == []


def test_place_lookup_ranks_exact_spelling_above_folded_spelling():
    exact = place_lookup("Yŏngbyŏn-gun")[0]
    folded = place_lookup("yongbyon gun")[0]
    assert exact.key == folded.key == "KP0614"
    assert exact.score > folded.score


def test_place_lookup_returns_nothing_for_unknown_or_empty_text():
    assert place_lookup("Atlantis") == []
    assert place_lookup("  ") == []


def test_renamed_ministry_is_one_organisation_with_the_right_name_at_each_date(profile):
    found = {o.id for o in profile.organisation_lookup("인민보안성")}
    assert (
        found == {o.id for o in profile.organisation_lookup("Ministry of Social Security")} == {"ORG-MSOCS"}
    )
    ministry = profile.organisations["ORG-MSOCS"]
    assert ministry.label_on("2005", "ko") == "인민보안성"
    assert ministry.label_on("2021-03", "ko") == "사회안전성"
    assert ministry.label_on("2020-05-01", "en") == "Ministry of People's Security"


def test_state_security_is_one_organisation_across_its_2016_rename(profile):
    assert {o.id for o in profile.organisation_lookup("국가안전보위부")} == {"ORG-MSS"}
    assert {o.id for o in profile.organisation_lookup("Ministry of State Security")} == {"ORG-MSS"}
    mss = profile.organisations["ORG-MSS"]
    assert mss.label_on("2010") == "State Security Department"
    assert mss.label_on("2019") == "Ministry of State Security"
    assert len(mss.names_during("2016")) == 2


def test_facility_operator_is_named_as_it_was_at_the_date(profile):
    org, name = profile.facility_operator("KWANLISO-15", "1995")
    assert org.id == "ORG-MSS" and name.label["ko"] == "국가안전보위부"
    assert profile.facility_operator("KWANLISO-15", "2018")[1].label["ko"] == "국가보위성"


def test_unverified_organisation_facts_are_marked_and_every_name_cites_sources(profile):
    statuses = {n.verification for o in profile.organisations.values() for n in o.names}
    assert statuses == {"verified", "unverified"}
    assert all(n.sources for o in profile.organisations.values() for n in o.names)


def test_attribution_line_credits_the_gazetteer_sources(profile):
    assert "GeoNames" in profile.attribution and "Who's On First" in profile.attribution
    assert profile.gazetteer.attribution == profile.attribution


def test_place_lookup_tolerates_an_english_unit_word_after_the_name():
    match = place_lookup("Yodok County")[0]
    assert match.key == "KP0317"
    assert match.score < place_lookup("Yodŏk-kun")[0].score
