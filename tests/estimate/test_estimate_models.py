"""Model notation and the hierarchical model space."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput
from inquiry.estimate import hierarchical_models, parse_model

LISTS = ["EXH", "ABA", "OSCE", "HRW"]


@pytest.mark.parametrize(("n_lists", "count"), [(2, 1), (3, 8), (4, 113)])
def test_number_of_hierarchical_models_without_the_top_interaction(n_lists, count):
    assert len(list(hierarchical_models(n_lists))) == count


def test_hierarchical_models_are_all_distinct_and_closed_under_subterms():
    specs = list(hierarchical_models(4))
    assert len({s.terms for s in specs}) == len(specs)
    for spec in specs:
        for term in spec.terms:
            if len(term) == 3:
                assert all(pair in spec.terms for pair in [(term[0], term[1]), (term[0], term[2]),
                                                           (term[1], term[2])])


def test_rcapture_notation_and_names_give_the_same_model():
    a = parse_model("[123,14,34]", LISTS)
    b = parse_model("EXH*ABA*OSCE + EXH*HRW + OSCE*HRW", LISTS)
    c = parse_model("exh:aba:osce + exh*hrw+osce*hrw", LISTS)
    assert a == b == c
    assert a.terms == ((0, 1), (0, 2), (0, 3), (1, 2), (2, 3), (0, 1, 2))
    assert b.name(LISTS) == "[123,14,34]"
    assert a.formula(LISTS) == "EXH*ABA*OSCE + EXH*HRW + OSCE*HRW"


def test_independence_is_written_with_main_effects_only():
    spec = parse_model("[1,2,3,4]", LISTS)
    assert spec.terms == ()
    assert parse_model("independence", LISTS).terms == ()


def test_a_model_naming_a_missing_list_is_refused():
    with pytest.raises(InvalidInput, match="names list UN"):
        parse_model("EXH*UN", LISTS)
    with pytest.raises(InvalidInput, match="only 4 lists"):
        parse_model("[125]", LISTS)


def test_the_interaction_of_all_lists_is_refused():
    with pytest.raises(InvalidInput, match="4-way"):
        parse_model("[1234]", LISTS)


@pytest.mark.parametrize("name", ["M0", "Mt", "Mh Chao", "Mh Poisson2", "mh_darroch", "Mth Chao", "MthPoisson2",
                                  "Mth Darroch"])
def test_closed_population_names_are_recognised(name):
    spec = parse_model(name, LISTS)
    assert spec.name().replace(" ", "").lower() == name.replace(" ", "").replace("_", "").lower()


def test_design_of_the_unseen_pattern_is_the_intercept_only():
    for name in ["M0", "Mth Chao", "Mh Poisson2", "Mth Darroch", "[123,14,34]"]:
        spec = parse_model(name, LISTS)
        row = spec.design([[0, 0, 0, 0]])[0]
        assert row[0] == 1 and not row[1:].any()
